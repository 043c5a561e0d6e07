import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { InvalidTokenError, officerFromClaims } from './tokens';
import type { Officer } from './roles';

export interface JwksOptions {
  /** The OIDC provider's JWKS endpoint, e.g. https://id.labour.gov.kh/realms/corridor/protocol/openid-connect/certs */
  jwksUrl: string;
  issuer: string;
  audience?: string;
  /** How long fetched keys are trusted before they are fetched again. */
  cacheMs?: number;
  /** At most one refetch per this interval when a token names an unknown key id (rotation). */
  refetchCooldownMs?: number;
}

const ALGORITHMS: jwt.Algorithm[] = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384'];

/**
 * Verifies officer tokens issued by a ministry's OIDC provider against its published keys.
 * Keys are cached; a token signed with a new key id triggers one refetch, so rotation at the
 * provider needs no restart here, and a flood of bad key ids cannot hammer the provider.
 */
export class JwksVerifier {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private lastRefetch = 0;
  private inFlight: Promise<void> | undefined;

  constructor(private readonly options: JwksOptions) {}

  async verify(token: string): Promise<Officer> {
    const decoded = jwt.decode(token, { complete: true });
    const kid = decoded?.header.kid;
    if (!decoded || !kid) throw new InvalidTokenError('token rejected: no key id (kid) in its header');
    const key = await this.keyFor(kid);
    let claims: jwt.JwtPayload;
    try {
      claims = jwt.verify(token, key, {
        algorithms: ALGORITHMS,
        issuer: this.options.issuer,
        ...(this.options.audience ? { audience: this.options.audience } : {}),
      }) as jwt.JwtPayload;
    } catch (error) {
      throw new InvalidTokenError(`token rejected: ${(error as Error).message}`);
    }
    return officerFromClaims(claims);
  }

  private async keyFor(kid: string): Promise<KeyObject> {
    const stale = Date.now() - this.fetchedAt > (this.options.cacheMs ?? 10 * 60_000);
    if (stale || (!this.keys.has(kid) && Date.now() - this.lastRefetch > (this.options.refetchCooldownMs ?? 30_000))) {
      await this.refresh();
    }
    const key = this.keys.get(kid);
    if (!key) throw new InvalidTokenError(`token rejected: key ${kid} is not published by ${this.options.issuer}`);
    return key;
  }

  private refresh(): Promise<void> {
    this.inFlight ??= (async () => {
      try {
        this.lastRefetch = Date.now();
        const response = await fetch(this.options.jwksUrl, { signal: AbortSignal.timeout(5000) });
        if (!response.ok) throw new Error(`JWKS endpoint answered ${response.status}`);
        const body = (await response.json()) as { keys?: (JsonWebKey & { kid?: string; use?: string })[] };
        const keys = new Map<string, KeyObject>();
        for (const jwk of body.keys ?? []) {
          if (!jwk.kid || (jwk.use && jwk.use !== 'sig')) continue;
          keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
        }
        this.keys = keys;
        this.fetchedAt = Date.now();
      } catch (error) {
        // Keep the keys we had: a provider hiccup must not log every officer out.
        if (this.keys.size === 0) throw new InvalidTokenError(`cannot fetch signing keys: ${(error as Error).message}`);
      } finally {
        this.inFlight = undefined;
      }
    })();
    return this.inFlight;
  }
}
