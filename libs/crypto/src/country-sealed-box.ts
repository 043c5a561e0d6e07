import {
  createCipheriv,
  createDecipheriv,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { SealAlgorithm, SealedPersonDataSchema } from '@corridor/events';
import { KEY_ID_PATTERN } from './field-cipher';

/** Thrown when sealed person data cannot be opened or decoded. Never carries plaintext. */
export class SealedBoxError extends Error {
  constructor(
    message: string,
    readonly reason: 'malformed' | 'unknown-key' | 'authentication-failed' | 'invalid-key',
    readonly keyId?: string,
  ) {
    super(message);
    this.name = 'SealedBoxError';
  }
}

/** Person data encrypted for one destination country's X25519 key. */
export interface SealedPersonData {
  /** The recipient key id; goes into the envelope's encryption_key_id as well. */
  keyId: string;
  /** Raw 32-byte X25519 public key, fresh for every message. */
  ephemeralPublicKey: Uint8Array;
  iv: Uint8Array;
  tag: Uint8Array;
  ciphertext: Uint8Array;
}

export interface TransitRecipient {
  keyId: string;
  /** An X25519 KeyObject, a raw 32-byte public key or an SPKI DER public key. */
  publicKey: KeyObject | Uint8Array;
}

export type TransitKeyring = ReadonlyMap<string, KeyObject> | Readonly<Record<string, KeyObject>>;

const INFO_LABEL = 'corridor-person-data-v1';
const RAW_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** First byte of the legacy layout; a protobuf encoding never starts with it (field number 0 is invalid). */
const LEGACY_FORMAT_VERSION = 1;

/**
 * Fixed randomness, for the committed test vectors only (test/interop/vectors): a real seal
 * always draws a fresh ephemeral key and nonce.
 */
export interface SealRandomness {
  ephemeralPrivateKey: KeyObject;
  nonce: Uint8Array;
}

/**
 * Encrypts for one country: only the holder of the recipient's private key can open it, so a
 * third country consuming the same Kafka cluster sees ciphertext. A fresh ephemeral key per
 * message means the sender itself keeps nothing that could decrypt it later.
 *
 * @param aad optional context both sides know (e.g. the event id), bound to the ciphertext so
 *   sealed data cannot be lifted into another event.
 */
export function sealForCountry(plaintext: Uint8Array, recipient: TransitRecipient, aad?: Uint8Array, fixed?: SealRandomness): SealedPersonData {
  if (!KEY_ID_PATTERN.test(recipient.keyId)) throw new SealedBoxError(`Invalid key id "${recipient.keyId}"`, 'invalid-key');
  const recipientKey = toX25519PublicKey(recipient.publicKey);
  const ephemeral = fixed ? { privateKey: fixed.ephemeralPrivateKey, publicKey: createPublicKey(fixed.ephemeralPrivateKey) } : generateKeyPairSync('x25519');
  const ephemeralPublicKey = rawPublicKey(ephemeral.publicKey);
  const key = deriveKey(ephemeral.privateKey, recipientKey, ephemeralPublicKey, recipient.keyId);
  if (fixed && fixed.nonce.length !== IV_BYTES) throw new SealedBoxError('A nonce is 12 bytes', 'malformed');
  const iv = fixed ? Buffer.from(fixed.nonce) : randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  if (aad) cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  // Plain Uint8Arrays (not Buffers), the type protobuf-es uses for bytes fields.
  return {
    keyId: recipient.keyId,
    ephemeralPublicKey,
    iv: new Uint8Array(iv),
    tag: new Uint8Array(cipher.getAuthTag()),
    ciphertext: new Uint8Array(ciphertext),
  };
}

/**
 * Opens data sealed for this node. The keyring holds every private key the node has not yet
 * retired, keyed by id, so messages sealed just before a rotation still open.
 */
export function openSealed(sealed: SealedPersonData | Uint8Array, keyring: TransitKeyring, aad?: Uint8Array): Uint8Array {
  const box = sealed instanceof Uint8Array ? decodeSealed(sealed) : sealed;
  const privateKey = lookUp(keyring, box.keyId);
  if (!privateKey) {
    throw new SealedBoxError(`No private key "${box.keyId}": sealed for another country or a retired key`, 'unknown-key', box.keyId);
  }
  if (box.ephemeralPublicKey.length !== RAW_KEY_BYTES || box.iv.length !== IV_BYTES || box.tag.length !== TAG_BYTES) {
    throw new SealedBoxError('Sealed person data has fields of the wrong size', 'malformed', box.keyId);
  }
  try {
    const ephemeral = toX25519PublicKey(box.ephemeralPublicKey);
    const key = deriveKey(privateKey, ephemeral, box.ephemeralPublicKey, box.keyId);
    const decipher = createDecipheriv('aes-256-gcm', key, box.iv, { authTagLength: TAG_BYTES });
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(box.tag);
    return new Uint8Array(Buffer.concat([decipher.update(box.ciphertext), decipher.final()]));
  } catch (error) {
    if (error instanceof SealedBoxError) throw error;
    throw new SealedBoxError(
      `Cannot open person data sealed for "${box.keyId}" (wrong country key, tampered or wrong context)`,
      'authentication-failed',
      box.keyId,
    );
  }
}

// Own properties only: a key id such as "__proto__" must not reach Object.prototype.
function lookUp(keyring: TransitKeyring, keyId: string): KeyObject | undefined {
  if (keyring instanceof Map) return keyring.get(keyId);
  const record = keyring as Readonly<Record<string, KeyObject>>;
  return Object.prototype.hasOwnProperty.call(record, keyId) ? record[keyId] : undefined;
}

/**
 * The bytes that travel in an event's `sealed_person_data` field: a corridor.v1.SealedPersonData
 * protobuf message (docs/sealed-person-data.md).
 */
export function encodeSealed(sealed: SealedPersonData): Uint8Array {
  return toBinary(
    SealedPersonDataSchema,
    create(SealedPersonDataSchema, {
      algorithm: SealAlgorithm.X25519_HKDF_SHA256_AES256_GCM,
      keyId: sealed.keyId,
      ephemeralPublicKey: sealed.ephemeralPublicKey,
      nonce: sealed.iv,
      ciphertext: sealed.ciphertext,
      tag: sealed.tag,
    }),
  );
}

/**
 * The legacy layout, written before the protobuf message (records replayed from Kafka may still
 * hold it): version(1) = 0x01 | keyId | ephemeralPublicKey | iv | tag | ciphertext, each field as
 * u32 big-endian length + bytes. Only the test vectors write it; decodeSealed reads both.
 */
export function encodeSealedLegacy(sealed: SealedPersonData): Uint8Array {
  const fields = [Buffer.from(sealed.keyId, 'utf8'), sealed.ephemeralPublicKey, sealed.iv, sealed.tag, sealed.ciphertext];
  const parts: Uint8Array[] = [Uint8Array.of(LEGACY_FORMAT_VERSION)];
  for (const field of fields) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(field.length);
    parts.push(length, field);
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** Reads either layout: the legacy one starts with 0x01, which no protobuf encoding can. */
export function decodeSealed(bytes: Uint8Array): SealedPersonData {
  if (bytes.length === 0) throw new SealedBoxError('Empty sealed person data', 'malformed');
  const sealed = bytes[0] === LEGACY_FORMAT_VERSION ? decodeLegacy(bytes) : decodeProtobuf(bytes);
  if (!KEY_ID_PATTERN.test(sealed.keyId)) throw new SealedBoxError('Sealed person data has an invalid key id', 'malformed');
  return sealed;
}

function decodeProtobuf(bytes: Uint8Array): SealedPersonData {
  let message;
  try {
    message = fromBinary(SealedPersonDataSchema, bytes);
  } catch {
    throw new SealedBoxError('Sealed person data is not a corridor.v1.SealedPersonData', 'malformed');
  }
  if (message.algorithm !== SealAlgorithm.X25519_HKDF_SHA256_AES256_GCM) {
    throw new SealedBoxError(`Unsupported sealed person data algorithm ${message.algorithm}`, 'malformed', message.keyId);
  }
  // Copies, so the result does not alias (and keep alive) the whole Kafka message buffer.
  return {
    keyId: message.keyId,
    ephemeralPublicKey: new Uint8Array(message.ephemeralPublicKey),
    iv: new Uint8Array(message.nonce),
    tag: new Uint8Array(message.tag),
    ciphertext: new Uint8Array(message.ciphertext),
  };
}

function decodeLegacy(bytes: Uint8Array): SealedPersonData {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields: Uint8Array[] = [];
  let offset = 1;
  for (let i = 0; i < 5; i++) {
    if (offset + 4 > buffer.length) throw new SealedBoxError('Truncated sealed person data', 'malformed');
    const length = buffer.readUInt32BE(offset);
    offset += 4;
    if (offset + length > buffer.length) throw new SealedBoxError('Truncated sealed person data', 'malformed');
    fields.push(new Uint8Array(buffer.subarray(offset, offset + length)));
    offset += length;
  }
  if (offset !== buffer.length) throw new SealedBoxError('Trailing bytes after sealed person data', 'malformed');
  const [keyId, ephemeralPublicKey, iv, tag, ciphertext] = fields;
  return { keyId: Buffer.from(keyId).toString('utf8'), ephemeralPublicKey, iv, tag, ciphertext };
}

/** The raw 32-byte form of an X25519 public key (what travels in SealedPersonData). */
export function rawPublicKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  if (publicKey.asymmetricKeyType !== 'x25519' || typeof jwk.x !== 'string') {
    throw new SealedBoxError('Expected an X25519 public key', 'invalid-key');
  }
  return new Uint8Array(Buffer.from(jwk.x, 'base64url'));
}

/** Accepts a KeyObject (public or private), raw 32 bytes or SPKI DER; always checks it is X25519. */
export function toX25519PublicKey(key: KeyObject | Uint8Array): KeyObject {
  let publicKey: KeyObject;
  try {
    if (key instanceof Uint8Array) {
      publicKey =
        key.length === RAW_KEY_BYTES
          ? createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(key).toString('base64url') }, format: 'jwk' })
          : createPublicKey({ key: Buffer.from(key), format: 'der', type: 'spki' });
    } else {
      publicKey = key.type === 'private' ? createPublicKey(key) : key;
    }
  } catch {
    throw new SealedBoxError('Not a valid X25519 public key', 'invalid-key');
  }
  if (publicKey.type !== 'public' || publicKey.asymmetricKeyType !== 'x25519') {
    throw new SealedBoxError('Expected an X25519 public key', 'invalid-key');
  }
  return publicKey;
}

// ECDH gives a shared point, not a uniform key: HKDF turns it into one, salted with the
// ephemeral key (unique per message) and bound to the protocol label and recipient key id.
function deriveKey(privateKey: KeyObject, publicKey: KeyObject, ephemeralPublicKey: Uint8Array, keyId: string): Buffer {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'x25519') {
    throw new SealedBoxError('Expected an X25519 private key', 'invalid-key', keyId);
  }
  const shared = diffieHellman({ privateKey, publicKey });
  // An all-zero secret means a small-order public key was supplied: reject, never use it.
  if (shared.every((byte) => byte === 0)) throw new SealedBoxError('Degenerate X25519 shared secret', 'invalid-key', keyId);
  const info = Buffer.concat([Buffer.from(INFO_LABEL, 'utf8'), Buffer.from([0]), Buffer.from(keyId, 'utf8')]);
  return Buffer.from(hkdfSync('sha256', shared, ephemeralPublicKey, info, 32));
}
