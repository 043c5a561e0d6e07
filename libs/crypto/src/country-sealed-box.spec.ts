import { generateKeyPairSync } from 'node:crypto';
import { create, toBinary } from '@bufbuild/protobuf';
import { SealAlgorithm, SealedPersonDataSchema } from '@corridor/events';
import { decodeSealed, encodeSealed, encodeSealedLegacy, openSealed, rawPublicKey, SealedBoxError, sealForCountry } from './country-sealed-box';

describe('country sealed box', () => {
  const th = generateKeyPairSync('x25519');
  const la = generateKeyPairSync('x25519');
  const thKeyring = new Map([['th-1', th.privateKey]]);
  const laKeyring = new Map([['la-1', la.privateKey]]);
  const person = new TextEncoder().encode(JSON.stringify({ familyName: 'Sok', givenName: 'Dara', passport: 'N1234567' }));

  it('is opened by the country it was sealed for', () => {
    const sealed = sealForCountry(person, { keyId: 'th-1', publicKey: th.publicKey });
    expect(sealed.keyId).toBe('th-1');
    expect(sealed.ephemeralPublicKey).toHaveLength(32);
    expect(openSealed(sealed, thKeyring)).toEqual(person);
  });

  it('cannot be opened by another country, whatever key id it holds the key under', () => {
    const sealed = sealForCountry(person, { keyId: 'th-1', publicKey: th.publicKey });
    expect(() => openSealed(sealed, laKeyring)).toThrow(SealedBoxError);
    expect(() => openSealed(sealed, laKeyring)).toThrow(expect.objectContaining({ reason: 'unknown-key' }));
    expect(() => openSealed(sealed, { 'th-1': la.privateKey })).toThrow(expect.objectContaining({ reason: 'authentication-failed' }));
    expect(() => openSealed({ ...sealed, keyId: '__proto__' }, {})).toThrow(expect.objectContaining({ reason: 'unknown-key' }));
  });

  it('does not carry the plaintext bytes', () => {
    const encoded = Buffer.from(encodeSealed(sealForCountry(person, { keyId: 'th-1', publicKey: th.publicKey })));
    expect(encoded.includes(Buffer.from('Dara'))).toBe(false);
    expect(encoded.includes(Buffer.from('N1234567'))).toBe(false);
  });

  it('uses a fresh ephemeral key per message', () => {
    const a = sealForCountry(person, { keyId: 'th-1', publicKey: th.publicKey });
    const b = sealForCountry(person, { keyId: 'th-1', publicKey: th.publicKey });
    expect(Buffer.from(a.ephemeralPublicKey).equals(Buffer.from(b.ephemeralPublicKey))).toBe(false);
  });

  it('encodes to a corridor.v1.SealedPersonData message and back', () => {
    const sealed = sealForCountry(person, { keyId: 'th-1', publicKey: th.publicKey });
    const bytes = encodeSealed(sealed);
    expect(bytes[0]).not.toBe(1);
    expect(decodeSealed(bytes)).toEqual(sealed);
    expect(openSealed(bytes, thKeyring)).toEqual(person);
  });

  it('still reads the legacy layout that records written before the protobuf message hold', () => {
    const sealed = sealForCountry(person, { keyId: 'th-1', publicKey: th.publicKey });
    const legacy = encodeSealedLegacy(sealed);
    expect(legacy[0]).toBe(1);
    expect(decodeSealed(legacy)).toEqual(sealed);
    expect(openSealed(legacy, thKeyring)).toEqual(person);
  });

  it('rejects truncated, extended, unknown-algorithm or unknown-version encodings', () => {
    const sealed = sealForCountry(person, { keyId: 'th-1', publicKey: th.publicKey });
    const bytes = encodeSealed(sealed);
    expect(() => decodeSealed(bytes.subarray(0, bytes.length - 1))).toThrow(SealedBoxError);
    expect(() => decodeSealed(new Uint8Array())).toThrow(SealedBoxError);
    const otherAlgorithm = toBinary(SealedPersonDataSchema, create(SealedPersonDataSchema, { algorithm: 7 as SealAlgorithm, keyId: 'th-1', ephemeralPublicKey: sealed.ephemeralPublicKey, nonce: sealed.iv, tag: sealed.tag, ciphertext: sealed.ciphertext }));
    expect(() => decodeSealed(otherAlgorithm)).toThrow(/algorithm/);
    const noAlgorithm = toBinary(SealedPersonDataSchema, create(SealedPersonDataSchema, { keyId: 'th-1', ephemeralPublicKey: sealed.ephemeralPublicKey, nonce: sealed.iv, tag: sealed.tag, ciphertext: sealed.ciphertext }));
    expect(() => decodeSealed(noAlgorithm)).toThrow(/algorithm/);
    const legacy = encodeSealedLegacy(sealed);
    expect(() => decodeSealed(legacy.subarray(0, legacy.length - 1))).toThrow(SealedBoxError);
    expect(() => decodeSealed(Uint8Array.from([...legacy, 0]))).toThrow(SealedBoxError);
  });

  it('detects a flipped byte anywhere in the ciphertext, tag, IV or ephemeral key', () => {
    const sealed = sealForCountry(person, { keyId: 'th-1', publicKey: th.publicKey });
    for (const field of ['ciphertext', 'tag', 'iv', 'ephemeralPublicKey'] as const) {
      const tampered = { ...sealed, [field]: Uint8Array.from(sealed[field]) };
      tampered[field][0] ^= 0x01;
      expect(() => openSealed(tampered, thKeyring)).toThrow(SealedBoxError);
    }
  });

  it('accepts the recipient key as raw 32 bytes or SPKI DER', () => {
    const raw = rawPublicKey(th.publicKey);
    const spki = th.publicKey.export({ format: 'der', type: 'spki' });
    expect(openSealed(sealForCountry(person, { keyId: 'th-1', publicKey: raw }), thKeyring)).toEqual(person);
    expect(openSealed(sealForCountry(person, { keyId: 'th-1', publicKey: spki }), thKeyring)).toEqual(person);
  });

  it('binds optional context such as the event id', () => {
    const eventId = new TextEncoder().encode('0190f7a2-event');
    const sealed = sealForCountry(person, { keyId: 'th-1', publicKey: th.publicKey }, eventId);
    expect(openSealed(sealed, thKeyring, eventId)).toEqual(person);
    expect(() => openSealed(sealed, thKeyring, new TextEncoder().encode('other-event'))).toThrow(SealedBoxError);
  });

  it('refuses keys that are not X25519', () => {
    const ed = generateKeyPairSync('ed25519');
    expect(() => sealForCountry(person, { keyId: 'th-1', publicKey: ed.publicKey })).toThrow(SealedBoxError);
    expect(() => sealForCountry(person, { keyId: 'th-1', publicKey: new Uint8Array(7) })).toThrow(SealedBoxError);
  });
});
