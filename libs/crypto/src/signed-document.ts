import { createHash, createHmac, createPrivateKey, createPublicKey, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

/**
 * Documents anyone can verify (e.g. the exit clearance, ADR 0016): a compact JWS (RFC 7515)
 * signed with EdDSA over Ed25519 (RFC 8037) by the issuing node, checked with nothing but the
 * node's published public key (a JWKS, RFC 7517). Only node:crypto, so a verifier in any language
 * needs any JOSE library and the JWKS.
 */

export interface NodeSigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface Jwks {
  keys: (JsonWebKey & { kid: string; alg: 'EdDSA'; use: 'sig' })[];
}

// PKCS#8 header of an Ed25519 private key; followed by the raw 32-byte seed.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
// Public on purpose, like the person-data development seed: development keys protect nothing.
const DEVELOPMENT_SIGNING_SEED = 'corridor-development-document-signing-seed-do-not-use-in-production';

export class SigningKeyConfigurationError extends Error {}

/**
 * The node's document-signing key: NODE_SIGNING_KEY "kid:<base64 PKCS#8 DER Ed25519>"; outside
 * production a missing variable falls back to a deterministic development key per country.
 */
export function loadNodeSigningKey(env: NodeJS.ProcessEnv, country: string): NodeSigningKey {
  const configured = env.NODE_SIGNING_KEY?.trim();
  if (configured) {
    const [keyId, der] = configured.split(':');
    if (!keyId || !der) throw new SigningKeyConfigurationError('NODE_SIGNING_KEY must be "kid:<base64 PKCS#8 DER Ed25519>"');
    const privateKey = createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new SigningKeyConfigurationError('NODE_SIGNING_KEY is not an Ed25519 key');
    return { keyId, privateKey, publicKey: createPublicKey(privateKey) };
  }
  if (env.NODE_ENV === 'production') throw new SigningKeyConfigurationError('NODE_SIGNING_KEY is required in production');
  const seed = createHmac('sha256', DEVELOPMENT_SIGNING_SEED).update(`signing:${country.toUpperCase()}`).digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return { keyId: `${country.toLowerCase()}-dev-sign-1`, privateKey, publicKey: createPublicKey(privateKey) };
}

/** The JWKS a node publishes (its public signing keys). */
export function jwksOf(...keys: Pick<NodeSigningKey, 'keyId' | 'publicKey'>[]): Jwks {
  return { keys: keys.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.keyId, alg: 'EdDSA' as const, use: 'sig' as const })) };
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** A compact JWS of `payload` (JSON), header {alg: EdDSA, kid, typ}. */
export function signCompactJws(payload: object, key: Pick<NodeSigningKey, 'keyId' | 'privateKey'>, typ = 'JWT'): string {
  const signingInput = `${b64url(JSON.stringify({ alg: 'EdDSA', kid: key.keyId, typ }))}.${b64url(JSON.stringify(payload))}`;
  return `${signingInput}.${b64url(sign(null, Buffer.from(signingInput), key.privateKey))}`;
}

export type JwsCheck<T> = { valid: true; keyId: string; payload: T } | { valid: false; reason: string; payload?: T };

/** Verifies a compact JWS against a JWKS: the signature only (what the document says is the caller's to judge). */
export function verifyCompactJws<T = Record<string, unknown>>(jws: string, jwks: Jwks): JwsCheck<T> {
  const parts = jws.trim().split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return { valid: false, reason: 'not a compact JWS' };
  let header: { alg?: string; kid?: string };
  let payload: T;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as typeof header;
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as T;
  } catch {
    return { valid: false, reason: 'header or payload is not JSON' };
  }
  if (header.alg !== 'EdDSA') return { valid: false, reason: `algorithm ${String(header.alg)} is not accepted (EdDSA only)` };
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) return { valid: false, reason: `no published key ${String(header.kid)}`, payload };
  const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
  const ok = verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, Buffer.from(parts[2], 'base64url'));
  return ok ? { valid: true, keyId: jwk.kid, payload } : { valid: false, reason: 'signature does not match', payload };
}

/** A short fingerprint of a document (e.g. to look it up without storing it twice). */
export function documentDigest(jws: string): string {
  return createHash('sha256').update(jws.trim()).digest('base64url');
}
