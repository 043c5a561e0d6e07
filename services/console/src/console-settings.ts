import path from 'node:path';
import { ConfigurationError, loadNodeConfig, repoRoot, type NodeConfig } from '@corridor/config';

/** The ministry's OIDC provider, from the AUTH_* settings (authorization code + PKCE). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret?: string;
  /** This console's /auth/callback as registered at the provider. */
  redirectUrl: string;
  scopes: string;
  /** The audience the stage services expect in the access token (AUTH_AUDIENCE). */
  audience?: string;
}

export interface ConsoleSettings {
  node: NodeConfig;
  production: boolean;
  oidc?: OidcSettings;
  /** The built SPA (vite build output). */
  webRoot: string;
  /** The built public portal (its own light Vite build, ADR 0028). */
  portalWebRoot?: string;
  sessionHours: number;
}

export function loadConsoleSettings(env: NodeJS.ProcessEnv = process.env): ConsoleSettings {
  const node = loadNodeConfig(env);
  const production = env.NODE_ENV === 'production';
  let oidc: OidcSettings | undefined;
  if (env.AUTH_ISSUER && env.AUTH_CLIENT_ID) {
    if (!env.AUTH_REDIRECT_URL) throw new ConfigurationError('AUTH_REDIRECT_URL (this console’s /auth/callback) is required with AUTH_CLIENT_ID');
    oidc = {
      issuer: env.AUTH_ISSUER.replace(/\/$/, ''),
      clientId: env.AUTH_CLIENT_ID,
      clientSecret: env.AUTH_CLIENT_SECRET || undefined,
      redirectUrl: env.AUTH_REDIRECT_URL,
      scopes: env.AUTH_SCOPES ?? 'openid profile',
      audience: env.AUTH_AUDIENCE,
    };
  }
  if (production && !oidc) throw new ConfigurationError('the console in production needs AUTH_ISSUER, AUTH_CLIENT_ID and AUTH_REDIRECT_URL (OIDC sign-in)');
  return {
    node,
    production,
    oidc,
    // The same folder from the sources and from the compiled build under dist/console/.
    webRoot: env.CONSOLE_WEB_ROOT ?? path.join(repoRoot(), 'services/console/web/dist'),
    portalWebRoot: env.PORTAL_WEB_ROOT ?? path.join(repoRoot(), 'services/console/web/dist-portal'),
    sessionHours: Number(env.CONSOLE_SESSION_HOURS ?? 12),
  };
}
