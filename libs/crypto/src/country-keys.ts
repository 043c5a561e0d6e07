import { createPrivateKey, createPublicKey, hkdfSync, timingSafeEqual, type KeyObject } from 'node:crypto';
import { isNodeCountry } from '@corridor/reference-data';
import { BlindIndex } from './blind-index';
import { toX25519PublicKey, type TransitRecipient } from './country-sealed-box';
import { FieldCipher, KEY_ID_PATTERN } from './field-cipher';

export class KeyConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyConfigurationError';
  }
}

/** All key material one country node needs for person data, at rest and in transit. */
export interface CountryKeyring {
  country: string;
  fieldCipher: FieldCipher;
  blindIndex: BlindIndex;
  /** The key other countries seal for; its public half is what they configure for us. */
  activeTransitKey: { keyId: string; privateKey: KeyObject; publicKey: KeyObject };
  /** Every private key this node still accepts (active plus not-yet-retired), for openSealed. */
  privateTransitKeys: ReadonlyMap<string, KeyObject>;
  /** The key to seal person data for another country (or this one). */
  publicKeyOf(country: string): TransitRecipient & { publicKey: KeyObject };
  /** Variables that were missing and replaced by development keys; log them as a warning. */
  developmentKeys: string[];
}

// Public on purpose: development keys protect nothing. Every dev node derives every other
// node's keys from it, so a local multi-country setup needs no key configuration at all.
const DEVELOPMENT_SEED = 'corridor-development-person-data-seed-do-not-use-in-production';
// PKCS#8 header of an X25519 private key; followed by the raw 32-byte private scalar.
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

/**
 * Reads the person-data keys of `country` from the environment:
 * - PERSON_DATA_KEYS      "k1:<base64 32 bytes>,k2:<base64 32 bytes>"  at-rest AES-256-GCM keys
 * - PERSON_DATA_ACTIVE_KEY "k2"                                         key for new writes
 * - BLIND_INDEX_KEY       "<base64, at least 32 bytes>"                 HMAC key for search indexes
 * - NODE_PRIVATE_KEYS     "kid:<base64 PKCS#8 DER X25519>,..."          this node's transit keys
 * - NODE_ACTIVE_KEY_ID    "kid"                                         the one others seal for
 * - COUNTRY_PUBLIC_KEYS   "TH=kid:<base64 SPKI DER>;LA=kid:<...>"       the other nodes' keys
 * The active-key variables may be omitted when exactly one key is configured. Outside
 * production a missing variable falls back to deterministic development keys; in production
 * it is an error.
 */
export function loadPersonDataKeys(env: NodeJS.ProcessEnv, country: string): CountryKeyring {
  assertCountry(country);
  const production = env.NODE_ENV === 'production';
  const developmentKeys: string[] = [];
  const fallback = <T>(name: string, derive: () => T): T => {
    if (production) throw new KeyConfigurationError(`${name} is required in production`);
    developmentKeys.push(name);
    return derive();
  };

  // At rest.
  const fieldKeys = present(env.PERSON_DATA_KEYS)
    ? parseKeyList('PERSON_DATA_KEYS', env.PERSON_DATA_KEYS, (value, id) => parseSecret(`PERSON_DATA_KEYS "${id}"`, value, 32, 32))
    : fallback('PERSON_DATA_KEYS', () => new Map([[developmentKeyId(country), deriveDevelopmentBytes('field', country)]]));
  const activeFieldKey = pickActive('PERSON_DATA_ACTIVE_KEY', env.PERSON_DATA_ACTIVE_KEY, fieldKeys);
  const blindIndexKey = present(env.BLIND_INDEX_KEY)
    ? parseSecret('BLIND_INDEX_KEY', env.BLIND_INDEX_KEY, 32, 64)
    : fallback('BLIND_INDEX_KEY', () => deriveDevelopmentBytes('blind-index', country));
  // One key for both jobs would let a leak of either expose the other.
  for (const key of fieldKeys.values()) {
    if (key.length === blindIndexKey.length && timingSafeEqual(key, blindIndexKey)) {
      throw new KeyConfigurationError('BLIND_INDEX_KEY must differ from every PERSON_DATA_KEYS key');
    }
  }

  // In transit.
  const privateTransitKeys = present(env.NODE_PRIVATE_KEYS)
    ? parseKeyList('NODE_PRIVATE_KEYS', env.NODE_PRIVATE_KEYS, (value, id) => parsePrivateKey(id, value))
    : fallback('NODE_PRIVATE_KEYS', () => new Map([[developmentKeyId(country), developmentTransitPrivateKey(country)]]));
  const activeTransitKeyId = pickActive('NODE_ACTIVE_KEY_ID', env.NODE_ACTIVE_KEY_ID, privateTransitKeys);
  const activePrivateKey = privateTransitKeys.get(activeTransitKeyId) as KeyObject;
  const activeTransitKey = { keyId: activeTransitKeyId, privateKey: activePrivateKey, publicKey: createPublicKey(activePrivateKey) };

  // Missing entirely is a startup error in production; a missing country only when it is asked
  // for, since a node needs keys only for its corridor partners.
  const configuredPublicKeys = present(env.COUNTRY_PUBLIC_KEYS)
    ? parseCountryPublicKeys(env.COUNTRY_PUBLIC_KEYS)
    : fallback('COUNTRY_PUBLIC_KEYS', () => new Map<string, { keyId: string; publicKey: KeyObject }>());
  const derivedPublicKeys = new Map<string, { keyId: string; publicKey: KeyObject }>();
  const publicKeyOf = (destination: string): { keyId: string; publicKey: KeyObject } => {
    assertCountry(destination);
    if (destination === country) return { keyId: activeTransitKey.keyId, publicKey: activeTransitKey.publicKey };
    const configured = configuredPublicKeys.get(destination);
    if (configured) return configured;
    if (production) throw new KeyConfigurationError(`COUNTRY_PUBLIC_KEYS has no key for ${destination}`);
    let derived = derivedPublicKeys.get(destination);
    if (!derived) {
      derived = { keyId: developmentKeyId(destination), publicKey: createPublicKey(developmentTransitPrivateKey(destination)) };
      derivedPublicKeys.set(destination, derived);
    }
    return derived;
  };

  return {
    country,
    fieldCipher: new FieldCipher(fieldKeys, activeFieldKey),
    blindIndex: new BlindIndex(blindIndexKey),
    activeTransitKey,
    privateTransitKeys,
    publicKeyOf,
    developmentKeys,
  };
}

/** Builds an X25519 private KeyObject from a raw 32-byte scalar (Node has no raw import). */
export function x25519PrivateKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new RangeError(`An X25519 private key is 32 bytes, got ${raw.length}`);
  return createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
}

/** The development transit key pair a non-production node of `country` uses. */
export function developmentTransitPrivateKey(country: string): KeyObject {
  // Any 32 bytes are a valid X25519 scalar (clamping happens inside the DH).
  return x25519PrivateKeyFromRaw(deriveDevelopmentBytes('transit-x25519', country));
}

function developmentKeyId(country: string): string {
  return `dev-${country.toLowerCase()}`;
}

// Separate HKDF info per purpose and country, so no two development keys are related.
function deriveDevelopmentBytes(purpose: string, country: string): Buffer {
  return Buffer.from(hkdfSync('sha256', DEVELOPMENT_SEED, 'corridor-dev-keys-v1', `${purpose}:${country}`, 32));
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function assertCountry(country: string): void {
  if (!isNodeCountry(country)) throw new KeyConfigurationError(`"${country}" is not a Corridor node country`);
}

function parseKeyList<T>(name: string, text: string, parse: (value: string, id: string) => T): Map<string, T> {
  const keys = new Map<string, T>();
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator).trim();
    if (separator < 0 || !KEY_ID_PATTERN.test(id)) {
      // The entry itself is not echoed: it would put key material in the logs.
      throw new KeyConfigurationError(`${name} entries must look like "<key id>:<base64>" with a key id matching ${KEY_ID_PATTERN}`);
    }
    if (keys.has(id)) throw new KeyConfigurationError(`${name} lists key id "${id}" twice`);
    keys.set(id, parse(entry.slice(separator + 1).trim(), id));
  }
  if (keys.size === 0) throw new KeyConfigurationError(`${name} lists no keys`);
  return keys;
}

function pickActive(name: string, value: string | undefined, keys: ReadonlyMap<string, unknown>): string {
  if (present(value)) {
    const id = value.trim();
    if (!keys.has(id)) throw new KeyConfigurationError(`${name} "${id}" is not one of the configured keys`);
    return id;
  }
  if (keys.size === 1) return [...keys.keys()][0];
  throw new KeyConfigurationError(`${name} is required when more than one key is configured`);
}

function parseBase64(what: string, value: string): Buffer {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    throw new KeyConfigurationError(`${what} is not valid base64`);
  }
  return Buffer.from(compact, 'base64');
}

function parseSecret(what: string, value: string, min: number, max: number): Buffer {
  const bytes = parseBase64(what, value);
  if (bytes.length < min || bytes.length > max) {
    throw new KeyConfigurationError(`${what} must decode to ${min === max ? min : `${min}-${max}`} bytes, got ${bytes.length}`);
  }
  return bytes;
}

function parsePrivateKey(id: string, value: string): KeyObject {
  const what = `NODE_PRIVATE_KEYS "${id}"`;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: parseBase64(what, value), format: 'der', type: 'pkcs8' });
  } catch (error) {
    if (error instanceof KeyConfigurationError) throw error;
    throw new KeyConfigurationError(`${what} is not a PKCS#8 DER private key`);
  }
  if (key.asymmetricKeyType !== 'x25519') throw new KeyConfigurationError(`${what} must be an X25519 key`);
  return key;
}

/**
 * Reads "TH=<key id>:<base64>;LA=…" (COUNTRY_PUBLIC_KEYS, COUNTRY_SIGNING_KEYS): each entry's
 * country, key id and key, the key made by `toKey` from the decoded bytes (throwing when it is not one).
 */
export function parseCountryKeyList(name: string, text: string, kind: string, toKey: (bytes: Buffer) => KeyObject): Map<string, { keyId: string; publicKey: KeyObject }> {
  const keys = new Map<string, { keyId: string; publicKey: KeyObject }>();
  for (const entry of text.split(';').map((e) => e.trim()).filter(Boolean)) {
    // Split on the first '=' and ':' only: country codes such as CN-YN contain '-', base64 may end in '='.
    const eq = entry.indexOf('=');
    const colon = entry.indexOf(':', eq + 1);
    const country = entry.slice(0, Math.max(eq, 0)).trim();
    const keyId = entry.slice(eq + 1, Math.max(colon, 0)).trim();
    if (eq < 0 || colon < 0 || !isNodeCountry(country) || !KEY_ID_PATTERN.test(keyId)) {
      throw new KeyConfigurationError(`${name} entries must look like "TH=<key id>:<base64 SPKI DER>"`);
    }
    if (keys.has(country)) throw new KeyConfigurationError(`${name} lists ${country} twice`);
    let publicKey: KeyObject;
    try {
      publicKey = toKey(parseBase64(`${name} ${country}`, entry.slice(colon + 1).trim()));
    } catch (error) {
      if (error instanceof KeyConfigurationError) throw error;
      throw new KeyConfigurationError(`${name} ${country} is not an ${kind} SPKI DER public key`);
    }
    keys.set(country, { keyId, publicKey });
  }
  return keys;
}

function parseCountryPublicKeys(text: string): Map<string, { keyId: string; publicKey: KeyObject }> {
  return parseCountryKeyList('COUNTRY_PUBLIC_KEYS', text, 'X25519', toX25519PublicKey);
}
