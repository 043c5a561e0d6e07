import { jwksOf, loadNodeSigningKey, signCompactJws, verifyCompactJws, type Jwks, type NodeSigningKey } from '@corridor/crypto';

/** What the printed exit clearance shows, and nothing more: the JWS payload. */
export interface ClearancePrinted {
  typ: 'corridor-exit-clearance';
  /** Issuing (origin) country. */
  iss: string;
  no: string;
  journeyId: string;
  name: string;
  nameLatin: string;
  passport: string;
  destination: string;
  employer: string;
  validFrom: string;
  validUntil: string;
}

export function signClearance(printed: ClearancePrinted, key: NodeSigningKey): string {
  return signCompactJws(printed, key, 'corridor-exit-clearance+jwt');
}

export type ClearanceStatus = 'valid' | 'revoked' | 'expired' | 'not-yet-valid' | 'unknown' | 'forged';

export interface ClearanceCheck {
  genuine: boolean;
  valid: boolean;
  status: ClearanceStatus;
  reason: string;
  printed?: ClearancePrinted;
}

/**
 * Checks a clearance document with the issuing node's public keys alone (offline, e.g. at a
 * checkpoint without network): the signature and the validity dates. `revoked` (what the node
 * knows) is given only by the online check; offline the answer says revocation was not checked.
 */
export function checkClearance(jws: string, jwks: Jwks, today: string, revocation?: { known: boolean; revokedReason: string | null }): ClearanceCheck {
  const verified = verifyCompactJws<ClearancePrinted>(jws, jwks);
  if (!verified.valid) return { genuine: false, valid: false, status: 'forged', reason: verified.reason };
  const printed = verified.payload;
  if (printed.typ !== 'corridor-exit-clearance') return { genuine: false, valid: false, status: 'forged', reason: 'not an exit clearance' };
  if (revocation && !revocation.known) return { genuine: true, valid: false, status: 'unknown', reason: `clearance ${printed.no} is not one this node issued`, printed };
  if (revocation?.revokedReason) return { genuine: true, valid: false, status: 'revoked', reason: `clearance ${printed.no} was revoked: ${revocation.revokedReason}`, printed };
  if (today < printed.validFrom) return { genuine: true, valid: false, status: 'not-yet-valid', reason: `valid from ${printed.validFrom}`, printed };
  if (today > printed.validUntil) return { genuine: true, valid: false, status: 'expired', reason: `valid until ${printed.validUntil}`, printed };
  const how = revocation ? 'not revoked' : 'revocation not checked (offline)';
  return { genuine: true, valid: true, status: 'valid', reason: `genuine, within its validity, ${how}`, printed };
}

/** The node's signing key and its JWKS (NODE_SIGNING_KEY, or the development key of the country). */
export class ClearanceSigner {
  readonly key: NodeSigningKey;
  readonly jwks: Jwks;

  constructor(country: string, env: NodeJS.ProcessEnv = process.env) {
    this.key = loadNodeSigningKey(env, country);
    this.jwks = jwksOf(this.key);
  }
}
