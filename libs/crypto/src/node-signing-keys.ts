import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import { isNodeCountry } from '@corridor/reference-data';
import { KeyConfigurationError } from './country-keys';
import { KEY_ID_PATTERN } from './field-cipher';

/**
 * The Ed25519 key a node signs what it vouches for to its corridor partners with (the head of
 * each service's audit chain, ADR 0020), and the partners' public keys to check theirs.
 */
export interface NodeSigningKeys {
  country: string;
  keyId: string;
  sign(message: Uint8Array): Buffer;
  /** True when `signature` is `country`'s signature of `message` under the key `keyId`. */
  verify(country: string, keyId: string, message: Uint8Array, signature: Uint8Array): boolean;
  developmentKeys: string[];
}

// Public on purpose, like the development person-data keys: they protect nothing.
const DEVELOPMENT_SEED = 'corridor-development-signing-seed-do-not-use-in-production';
// PKCS#8 header of an Ed25519 private key; followed by the raw 32-byte seed.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The development signing key of `country`: every dev node derives every other's, so nothing needs configuring. */
export function developmentSigningKey(country: string): { keyId: string; privateKey: KeyObject } {
  const seed = Buffer.from(hkdfSync('sha256', DEVELOPMENT_SEED, 'corridor-dev-keys-v1', `signing-ed25519:${country}`, 32));
  return { keyId: `dev-sign-${country.toLowerCase()}`, privateKey: createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' }) };
}

/**
 * Reads the node's signing keys from the environment:
 * - NODE_SIGNING_KEY       "kid:<base64 PKCS#8 DER Ed25519>"          this node's key
 * - COUNTRY_SIGNING_KEYS   "TH=kid:<base64 SPKI DER>;LA=kid:<...>"    the partners' public keys
 * Outside production a missing variable falls back to deterministic development keys; in
 * production it is an error (a partner without a configured key cannot be checked).
 */
export function loadNodeSigningKeys(env: NodeJS.ProcessEnv, country: string): NodeSigningKeys {
  if (!isNodeCountry(country)) throw new KeyConfigurationError(`"${country}" is not a Corridor node country`);
  const production = env.NODE_ENV === 'production';
  const developmentKeys: string[] = [];
  let own: { keyId: string; privateKey: KeyObject };
  if (env.NODE_SIGNING_KEY?.trim()) {
    own = parseOwnKey(env.NODE_SIGNING_KEY.trim());
  } else {
    if (production) throw new KeyConfigurationError('NODE_SIGNING_KEY is required in production');
    developmentKeys.push('NODE_SIGNING_KEY');
    own = developmentSigningKey(country);
  }
  const partners = env.COUNTRY_SIGNING_KEYS?.trim() ? parsePartnerKeys(env.COUNTRY_SIGNING_KEYS) : undefined;
  if (!partners) {
    if (production) throw new KeyConfigurationError('COUNTRY_SIGNING_KEYS is required in production');
    developmentKeys.push('COUNTRY_SIGNING_KEYS');
  }
  const ownPublic = { keyId: own.keyId, publicKey: createPublicKey(own.privateKey) };
  const publicKeyOf = (other: string): { keyId: string; publicKey: KeyObject } | undefined => {
    if (other === country) return ownPublic;
    if (partners) return partners.get(other);
    if (!isNodeCountry(other)) return undefined;
    const dev = developmentSigningKey(other);
    return { keyId: dev.keyId, publicKey: createPublicKey(dev.privateKey) };
  };
  return {
    country,
    keyId: own.keyId,
    sign: (message) => sign(null, message, own.privateKey),
    verify: (other, keyId, message, signature) => {
      const key = publicKeyOf(other);
      if (!key || key.keyId !== keyId) return false;
      try {
        return verify(null, message, key.publicKey, signature);
      } catch {
        return false;
      }
    },
    developmentKeys,
  };
}

function parseOwnKey(text: string): { keyId: string; privateKey: KeyObject } {
  const colon = text.indexOf(':');
  const keyId = text.slice(0, Math.max(colon, 0));
  if (colon < 0 || !KEY_ID_PATTERN.test(keyId)) throw new KeyConfigurationError('NODE_SIGNING_KEY must look like "<key id>:<base64 PKCS#8 DER>"');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: Buffer.from(text.slice(colon + 1), 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new KeyConfigurationError('NODE_SIGNING_KEY is not a PKCS#8 DER private key');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new KeyConfigurationError('NODE_SIGNING_KEY must be an Ed25519 key');
  return { keyId, privateKey };
}

function parsePartnerKeys(text: string): Map<string, { keyId: string; publicKey: KeyObject }> {
  const keys = new Map<string, { keyId: string; publicKey: KeyObject }>();
  for (const entry of text.split(';').map((e) => e.trim()).filter(Boolean)) {
    const eq = entry.indexOf('=');
    const colon = entry.indexOf(':', eq + 1);
    const country = entry.slice(0, Math.max(eq, 0)).trim();
    const keyId = entry.slice(eq + 1, Math.max(colon, 0)).trim();
    if (eq < 0 || colon < 0 || !isNodeCountry(country) || !KEY_ID_PATTERN.test(keyId)) {
      throw new KeyConfigurationError('COUNTRY_SIGNING_KEYS entries must look like "TH=<key id>:<base64 SPKI DER>"');
    }
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey({ key: Buffer.from(entry.slice(colon + 1).trim(), 'base64'), format: 'der', type: 'spki' });
    } catch {
      throw new KeyConfigurationError(`COUNTRY_SIGNING_KEYS ${country} is not an SPKI DER public key`);
    }
    if (publicKey.asymmetricKeyType !== 'ed25519') throw new KeyConfigurationError(`COUNTRY_SIGNING_KEYS ${country} must be an Ed25519 key`);
    keys.set(country, { keyId, publicKey });
  }
  return keys;
}
