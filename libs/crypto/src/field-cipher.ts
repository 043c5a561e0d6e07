import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

/**
 * Thrown whenever a stored person-data value cannot be decrypted. The message never contains
 * the plaintext or key material, so it is safe to log.
 */
export class PersonDataDecryptionError extends Error {
  constructor(
    message: string,
    readonly reason: 'malformed' | 'unknown-key' | 'authentication-failed',
    readonly keyId?: string,
  ) {
    super(message);
    this.name = 'PersonDataDecryptionError';
  }
}

const VERSION = 'v1';
const IV_BYTES = 12; // the GCM-recommended nonce size; random per value
const TAG_BYTES = 16;
const KEY_BYTES = 32;
// Key ids travel inside tokens ('.'-separated) and in env lists (',' ':' '=' ';'), so keep them plain.
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const B64URL = /^[A-Za-z0-9_-]*$/;

export type FieldKeys = ReadonlyMap<string, Uint8Array> | Readonly<Record<string, Uint8Array>>;

/**
 * AES-256-GCM for person data at rest. Each token names its key, so after rotation the old
 * keys stay in the ring for decryption while new values use the active key.
 * Token: v1.<keyId>.<iv b64url>.<tag b64url>.<ciphertext b64url>
 */
export class FieldCipher {
  // KeyObjects rather than Buffers: they do not print their bytes if the cipher is logged.
  readonly #keys: ReadonlyMap<string, KeyObject>;
  readonly #activeKeyId: string;

  constructor(keys: FieldKeys, activeKeyId: string) {
    const entries = keys instanceof Map ? [...keys.entries()] : Object.entries(keys);
    const ring = new Map<string, KeyObject>();
    for (const [id, key] of entries) {
      if (!KEY_ID_PATTERN.test(id)) throw new RangeError(`Field key id "${id}" must match ${KEY_ID_PATTERN}`);
      if (key.length !== KEY_BYTES) throw new RangeError(`Field key "${id}" must be ${KEY_BYTES} bytes, got ${key.length}`);
      ring.set(id, createSecretKey(Buffer.from(key)));
    }
    if (!ring.has(activeKeyId)) throw new RangeError(`Active field key "${activeKeyId}" is not in the key ring`);
    this.#keys = ring;
    this.#activeKeyId = activeKeyId;
  }

  get activeKeyId(): string {
    return this.#activeKeyId;
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  /** The same ring with another key active: how a rotation is rolled out. */
  withActiveKey(keyId: string): FieldCipher {
    return new FieldCipher(new Map([...this.#keys].map(([id, key]) => [id, key.export()])), keyId);
  }

  /**
   * @param aad optional context bound to the ciphertext (e.g. "person.family_name:<row id>"),
   *   so a value copied into another column or row fails to decrypt instead of being accepted.
   */
  encrypt(plain: string, aad?: string): string {
    const keyId = this.#activeKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key(keyId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(keyId, aad));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, keyId, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  decrypt(token: string, aad?: string): string {
    const { keyId, iv, tag, ciphertext } = parseToken(token);
    const key = this.#keys.get(keyId);
    if (!key) throw new PersonDataDecryptionError(`No field key "${keyId}" in the key ring`, 'unknown-key', keyId);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(associatedData(keyId, aad));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new PersonDataDecryptionError(
        'Person data failed authentication (tampered, wrong key or wrong context)',
        'authentication-failed',
        keyId,
      );
    }
  }

  /** True when a stored token was written under an older key and should be re-encrypted. */
  needsReencryption(token: string): boolean {
    return keyIdOfToken(token) !== this.#activeKeyId;
  }

  #key(keyId: string): KeyObject {
    const key = this.#keys.get(keyId);
    if (!key) throw new RangeError(`No field key "${keyId}"`);
    return key;
  }
}

/** The key id a token was encrypted under, without decrypting it. */
export function keyIdOfToken(token: string): string {
  return parseToken(token).keyId;
}

// The version and key id are authenticated too, so a token cannot be relabelled.
function associatedData(keyId: string, aad: string | undefined): Buffer {
  return Buffer.concat([Buffer.from(`${VERSION}.${keyId}`, 'utf8'), Buffer.from([0]), Buffer.from(aad ?? '', 'utf8')]);
}

function parseToken(token: string): { keyId: string; iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const parts = typeof token === 'string' ? token.split('.') : [];
  const [version, keyId, iv, tag, ciphertext] = parts;
  if (parts.length !== 5 || version !== VERSION || !KEY_ID_PATTERN.test(keyId)) {
    throw new PersonDataDecryptionError('Not a v1 person-data token', 'malformed');
  }
  const decoded = [iv, tag, ciphertext].map(strictBase64url);
  const [ivBytes, tagBytes, ciphertextBytes] = decoded;
  if (!ivBytes || !tagBytes || !ciphertextBytes || ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
    throw new PersonDataDecryptionError('Malformed person-data token', 'malformed', keyId);
  }
  return { keyId, iv: ivBytes, tag: tagBytes, ciphertext: ciphertextBytes };
}

// Node's decoder ignores stray characters and padding bits; insisting on the canonical
// encoding means any edit to the token text is detected rather than silently absorbed.
function strictBase64url(text: string): Buffer | undefined {
  if (!B64URL.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}
