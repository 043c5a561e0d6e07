import { createHash, createPublicKey, diffieHellman, hkdfSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { create, toBinary, toJson } from '@bufbuild/protobuf';
import { developmentTransitPrivateKey, encodeSealed, encodeSealedLegacy, rawPublicKey, sealForCountry, x25519PrivateKeyFromRaw } from '@corridor/crypto';
import { PersonDataSchema } from '@corridor/events';

/**
 * Writes test/interop/vectors/sealed-person-data.json: fixed inputs, every intermediate value
 * and the expected bytes of docs/sealed-person-data.md. Run only when the specification changes
 * (it never should for a given algorithm):
 *   node -r @swc-node/register test/interop/vectors/generate-vectors.ts
 * libs/crypto/src/sealed-person-data.vectors.spec.ts and the Java consumer check them.
 */
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const rawPrivate = (key: ReturnType<typeof developmentTransitPrivateKey>) => key.export({ format: 'der', type: 'pkcs8' }).subarray(-32);

const recipientPrivate = developmentTransitPrivateKey('TH');
const keyId = 'dev-th';
const person = create(PersonDataSchema, {
  fullName: 'ចាន់ សុភា',
  fullNameLatin: 'Chan Sophea',
  birthDate: '1996-11-02',
  documentType: 'passport',
  documentNumber: 'NK7781234',
  documentExpiry: '2031-05-30',
  nationality: 'KH',
});
const plaintext = toBinary(PersonDataSchema, person);

function vector(name: string, ephemeralSeed: string, nonceHex: string, aadText: string, layout: 'protobuf' | 'legacy') {
  const ephemeralRaw = createHash('sha256').update(ephemeralSeed).digest();
  const ephemeralPrivate = x25519PrivateKeyFromRaw(ephemeralRaw);
  const ephemeralPublic = rawPublicKey(createPublicKey(ephemeralPrivate));
  const nonce = Buffer.from(nonceHex, 'hex');
  const aad = Buffer.from(aadText, 'utf8');
  const shared = diffieHellman({ privateKey: ephemeralPrivate, publicKey: createPublicKey(recipientPrivate) });
  const info = Buffer.concat([Buffer.from('corridor-person-data-v1', 'utf8'), Buffer.from([0]), Buffer.from(keyId, 'utf8')]);
  const aesKey = Buffer.from(hkdfSync('sha256', shared, ephemeralPublic, info, 32));
  const sealed = sealForCountry(plaintext, { keyId, publicKey: createPublicKey(recipientPrivate) }, aad, { ephemeralPrivateKey: ephemeralPrivate, nonce });
  return {
    name,
    layout,
    recipientKeyId: keyId,
    recipientPrivateKey: hex(rawPrivate(recipientPrivate)),
    recipientPrivateKeyPkcs8: recipientPrivate.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    recipientPublicKey: hex(rawPublicKey(createPublicKey(recipientPrivate))),
    recipientPublicKeySpki: createPublicKey(recipientPrivate).export({ format: 'der', type: 'spki' }).toString('base64'),
    ephemeralPrivateKey: hex(ephemeralRaw),
    ephemeralPublicKey: hex(ephemeralPublic),
    sharedSecret: hex(shared),
    hkdfSalt: hex(ephemeralPublic),
    hkdfInfo: hex(info),
    aesKey: hex(aesKey),
    nonce: hex(nonce),
    associatedData: aadText,
    associatedDataHex: hex(aad),
    plaintextPersonData: toJson(PersonDataSchema, person),
    plaintext: hex(plaintext),
    ciphertext: hex(sealed.ciphertext),
    tag: hex(sealed.tag),
    sealed: hex(layout === 'protobuf' ? encodeSealed(sealed) : encodeSealedLegacy(sealed)),
  };
}

const vectors = [
  vector('protobuf layout, TH development key, journey id as associated data', 'corridor-test-vector-ephemeral-1', '000102030405060708090a0b', '0190a000-0000-7000-8000-000000000001', 'protobuf'),
  vector('protobuf layout, empty associated data', 'corridor-test-vector-ephemeral-2', 'a1a2a3a4a5a6a7a8a9aaabac', '', 'protobuf'),
  vector('legacy layout (records written before the protobuf message)', 'corridor-test-vector-ephemeral-1', '000102030405060708090a0b', '0190a000-0000-7000-8000-000000000001', 'legacy'),
];
const file = path.join(__dirname, 'sealed-person-data.json');
writeFileSync(
  file,
  `${JSON.stringify(
    {
      spec: 'docs/sealed-person-data.md',
      note: 'All byte strings in lower-case hex unless named *Pkcs8/*Spki (base64 DER). The recipient is the public TH development key: never use it in production. A reader must also REFUSE: the first vector with any byte of ciphertext, tag, nonce or ephemeral key flipped, with other associated data, or opened under another key id.',
      vectors,
    },
    null,
    2,
  )}\n`,
);
console.log(`${vectors.length} vectors written to ${path.relative(process.cwd(), file)}`);
