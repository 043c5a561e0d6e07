import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { isRole, type Officer, type Role } from './roles';

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

const ISSUER = 'corridor';

const secretKeys = new Map<string, KeyObject>();
/**
 * The HS256 secret as a key object, made once per secret. Given a string, jsonwebtoken first
 * tries to parse it as a PEM key and fails with an exception on every call: that attempt was a
 * quarter of the CPU of a request refused at the guard.
 */
function secretKeyOf(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    secretKeys.set(secret, key);
  }
  return key;
}

/** Verifies an HS256 token and reads the Corridor claims: country, agency and roles. */
export function verifyOfficerToken(token: string, secret: string): Officer {
  let claims: jwt.JwtPayload;
  try {
    claims = jwt.verify(token, secretKeyOf(secret), { algorithms: ['HS256'], issuer: ISSUER }) as jwt.JwtPayload;
  } catch (error) {
    throw new InvalidTokenError(`token rejected: ${(error as Error).message}`);
  }
  return officerFromClaims(claims);
}

/** Reads Corridor's claims (country, agency, roles) from verified token claims. */
export function officerFromClaims(claims: jwt.JwtPayload): Officer {
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [];
  if (typeof claims.sub !== 'string' || typeof claims.country !== 'string' || roles.length === 0) {
    throw new InvalidTokenError('token lacks sub, country or a known role');
  }
  return {
    subject: claims.sub,
    country: claims.country,
    agencyId: typeof claims.agency === 'string' ? claims.agency : undefined,
    roles,
  };
}

export interface DevelopmentTokenClaims {
  subject: string;
  country: string;
  roles: Role[];
  agencyId?: string;
  expiresIn?: string;
}

/** Mints a token for development and tests; production tokens come from the ministry's OIDC provider. */
export function mintDevelopmentToken(claims: DevelopmentTokenClaims, secret: string): string {
  return jwt.sign({ country: claims.country, roles: claims.roles, ...(claims.agencyId ? { agency: claims.agencyId } : {}) }, secretKeyOf(secret), {
    algorithm: 'HS256',
    issuer: ISSUER,
    subject: claims.subject,
    expiresIn: (claims.expiresIn ?? '12h') as jwt.SignOptions['expiresIn'],
  });
}
