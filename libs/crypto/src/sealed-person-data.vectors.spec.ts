import { createDecipheriv, createPublicKey, diffieHellman, hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromBinary } from '@bufbuild/protobuf';
import { SealAlgorithm, SealedPersonDataSchema } from '@corridor/events';
import { decodeSealed, encodeSealed, encodeSealedLegacy, openSealed, rawPublicKey, SealedBoxError, sealForCountry } from './country-sealed-box';
import { developmentTransitPrivateKey, x25519PrivateKeyFromRaw } from './country-keys';

interface Vector {
  name: string;
  layout: 'protobuf' | 'legacy';
  recipientKeyId: string;
  recipientPrivateKey: string;
  recipientPrivateKeyPkcs8: string;
  recipientPublicKey: string;
  ephemeralPrivateKey: string;
  ephemeralPublicKey: string;
  sharedSecret: string;
  hkdfSalt: string;
  hkdfInfo: string;
  aesKey: string;
  nonce: string;
  associatedData: string;
  plaintext: string;
  ciphertext: string;
  tag: string;
  sealed: string;
}

const { vectors } = JSON.parse(readFileSync(path.resolve(__dirname, '../../../test/interop/vectors/sealed-person-data.json'), 'utf8')) as { vectors: Vector[] };
const bytes = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('sealed person data test vectors (docs/sealed-person-data.md)', () => {
  it('cover both layouts', () => {
    expect(vectors.map((v) => v.layout).sort()).toEqual(['legacy', 'protobuf', 'protobuf']);
  });

  describe.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const recipient = x25519PrivateKeyFromRaw(bytes(v.recipientPrivateKey));
    const ephemeral = x25519PrivateKeyFromRaw(bytes(v.ephemeralPrivateKey));
    const aad = new TextEncoder().encode(v.associatedData);

    it('follow from the specification step by step, with node:crypto primitives only', () => {
      expect(hex(rawPublicKey(createPublicKey(recipient)))).toBe(v.recipientPublicKey);
      expect(hex(rawPublicKey(createPublicKey(ephemeral)))).toBe(v.ephemeralPublicKey);
      // 1. X25519(ephemeral private, recipient public) = X25519(recipient private, ephemeral public)
      const shared = diffieHellman({ privateKey: ephemeral, publicKey: createPublicKey(recipient) });
      expect(hex(shared)).toBe(v.sharedSecret);
      // 2. HKDF-SHA256, salt = ephemeral public key, info = label 0x00 key id, 32 bytes
      const info = Buffer.concat([Buffer.from('corridor-person-data-v1'), Buffer.of(0), Buffer.from(v.recipientKeyId)]);
      expect(hex(info)).toBe(v.hkdfInfo);
      expect(v.hkdfSalt).toBe(v.ephemeralPublicKey);
      const key = Buffer.from(hkdfSync('sha256', shared, bytes(v.hkdfSalt), info, 32));
      expect(hex(key)).toBe(v.aesKey);
      // 3. AES-256-GCM open with nonce, associated data, tag
      const decipher = createDecipheriv('aes-256-gcm', key, bytes(v.nonce), { authTagLength: 16 });
      decipher.setAAD(aad);
      decipher.setAuthTag(bytes(v.tag));
      expect(hex(Buffer.concat([decipher.update(bytes(v.ciphertext)), decipher.final()]))).toBe(v.plaintext);
    });

    it('are reproduced byte for byte by libs/crypto from the same inputs', () => {
      const sealed = sealForCountry(bytes(v.plaintext), { keyId: v.recipientKeyId, publicKey: createPublicKey(recipient) }, aad, { ephemeralPrivateKey: ephemeral, nonce: bytes(v.nonce) });
      expect(hex(sealed.ciphertext)).toBe(v.ciphertext);
      expect(hex(sealed.tag)).toBe(v.tag);
      expect(hex(v.layout === 'protobuf' ? encodeSealed(sealed) : encodeSealedLegacy(sealed))).toBe(v.sealed);
    });

    it('open with the recipient key, and only with the right key, key id and associated data', () => {
      const keyring = new Map([[v.recipientKeyId, recipient]]);
      expect(hex(openSealed(bytes(v.sealed), keyring, aad))).toBe(v.plaintext);
      expect(() => openSealed(bytes(v.sealed), keyring, new TextEncoder().encode('another journey'))).toThrow(SealedBoxError);
      expect(() => openSealed(bytes(v.sealed), new Map([[v.recipientKeyId, developmentTransitPrivateKey('LA')]]), aad)).toThrow(SealedBoxError);
      expect(() => openSealed(bytes(v.sealed), new Map([['other-key', recipient]]), aad)).toThrow(expect.objectContaining({ reason: 'unknown-key' }));
      const box = decodeSealed(bytes(v.sealed));
      for (const field of ['ciphertext', 'tag', 'iv', 'ephemeralPublicKey'] as const) {
        const tampered = { ...box, [field]: Uint8Array.from(box[field]) };
        tampered[field][tampered[field].length - 1] ^= 0x80;
        expect(() => openSealed(tampered, keyring, aad)).toThrow(SealedBoxError);
      }
    });
  });

  it('the protobuf layout is a corridor.v1.SealedPersonData any protobuf library decodes', () => {
    const v = vectors.find((x) => x.layout === 'protobuf')!;
    const message = fromBinary(SealedPersonDataSchema, bytes(v.sealed));
    expect(message.algorithm).toBe(SealAlgorithm.X25519_HKDF_SHA256_AES256_GCM);
    expect({ keyId: message.keyId, eph: hex(message.ephemeralPublicKey), nonce: hex(message.nonce), ct: hex(message.ciphertext), tag: hex(message.tag) }).toEqual({
      keyId: v.recipientKeyId,
      eph: v.ephemeralPublicKey,
      nonce: v.nonce,
      ct: v.ciphertext,
      tag: v.tag,
    });
  });
});
