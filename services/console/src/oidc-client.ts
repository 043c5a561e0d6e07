import { createHash } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { JwksVerifier, type Officer } from '@corridor/auth';
import type { OidcSettings } from './console-settings';
import { SignInFailed } from './console.errors';
import { randomToken } from './sessions';

interface ProviderMetadata {
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

interface PendingSignIn {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  expiresAt: number;
}

/** RFC 7636 S256: the challenge is the base64url SHA-256 of the verifier. */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/**
 * OIDC authorization code flow with PKCE (RFC 7636), written out with fetch and node:crypto:
 * discovery, the redirect with state + nonce + S256 challenge, the back-channel code exchange,
 * and the access token verified against the provider's JWKS exactly as the stage services verify it.
 */
export class OidcClient {
  private metadata: Promise<ProviderMetadata> | undefined;
  private verifier: JwksVerifier | undefined;
  private readonly pending = new Map<string, PendingSignIn>();

  constructor(private readonly settings: OidcSettings) {}

  private discover(): Promise<ProviderMetadata> {
    this.metadata ??= fetch(`${this.settings.issuer}/.well-known/openid-configuration`).then(async (response) => {
      if (!response.ok) throw new SignInFailed(`the identity provider's discovery document answered ${response.status}`);
      return (await response.json()) as ProviderMetadata;
    });
    this.metadata.catch(() => (this.metadata = undefined));
    return this.metadata;
  }

  /** Where to send the browser; `state` also goes into a short-lived httpOnly cookie to bind the callback to this browser. */
  async authorizationRedirect(returnTo = '/'): Promise<{ url: string; state: string }> {
    const { authorization_endpoint } = await this.discover();
    const state = randomToken();
    const codeVerifier = randomToken(48);
    const nonce = randomToken();
    this.pending.set(state, { codeVerifier, nonce, returnTo: returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/', expiresAt: Date.now() + 10 * 60_000 });
    const url = new URL(authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.settings.clientId,
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes,
      state,
      nonce,
      code_challenge: pkceChallenge(codeVerifier),
      code_challenge_method: 'S256',
    }).toString();
    return { url: url.toString(), state };
  }

  /** Exchanges the code; answers the officer, the access token for the stage services and where to go back to. */
  async complete(query: { code?: string; state?: string; error?: string }, boundState: string | undefined): Promise<{ officer: Officer; token: string; expiresAt?: number; returnTo: string }> {
    if (query.error) throw new SignInFailed(`the identity provider refused the sign-in: ${query.error}`);
    if (!query.code || !query.state) throw new SignInFailed('the callback lacks code or state');
    const pending = this.pending.get(query.state);
    this.pending.delete(query.state);
    if (!pending || pending.expiresAt < Date.now() || boundState !== query.state) {
      throw new SignInFailed('the callback does not match a sign-in started in this browser (state)');
    }
    const metadata = await this.discover();
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.code,
      redirect_uri: this.settings.redirectUrl,
      client_id: this.settings.clientId,
      code_verifier: pending.codeVerifier,
    });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (this.settings.clientSecret) {
      headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(this.settings.clientId)}:${encodeURIComponent(this.settings.clientSecret)}`).toString('base64')}`;
    }
    const response = await fetch(metadata.token_endpoint, { method: 'POST', headers, body });
    const answer = (await response.json().catch(() => ({}))) as { access_token?: string; id_token?: string; error?: string };
    if (!response.ok || !answer.access_token) throw new SignInFailed(`the token endpoint answered ${response.status}${answer.error ? ` (${answer.error})` : ''}`);
    // The id token came straight from the token endpoint over the back channel (OIDC Core 3.1.3.7):
    // its nonce must be the one this sign-in sent.
    const idClaims = answer.id_token ? (jwt.decode(answer.id_token) as jwt.JwtPayload | null) : null;
    if (!idClaims || idClaims.nonce !== pending.nonce) throw new SignInFailed('the id token is missing or its nonce is not this sign-in’s');
    this.verifier ??= new JwksVerifier({ jwksUrl: metadata.jwks_uri, issuer: this.settings.issuer, audience: this.settings.audience });
    let officer: Officer;
    try {
      officer = await this.verifier.verify(answer.access_token);
    } catch (error) {
      throw new SignInFailed(`the access token was refused: ${(error as Error).message}`);
    }
    const exp = (jwt.decode(answer.access_token) as jwt.JwtPayload | null)?.exp;
    return { officer, token: answer.access_token, expiresAt: exp ? exp * 1000 : undefined, returnTo: pending.returnTo };
  }
}
