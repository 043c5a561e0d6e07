import { randomBytes } from 'node:crypto';
import type { Officer } from '@corridor/auth';

/** What the console holds for a signed-in officer; the browser holds only the session id (httpOnly cookie). */
export interface ConsoleSession {
  id: string;
  officer: Officer;
  /** The bearer token the console sends to the stage services on the officer's behalf. */
  token: string;
  /** Double-submit CSRF token: also in the readable corridor_csrf cookie, sent back as X-CSRF-Token. */
  csrfToken: string;
  expiresAt: number;
}

export const SESSION_COOKIE = 'corridor_session';
export const CSRF_COOKIE = 'corridor_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Sessions in the console process's memory: a restart signs everyone out (they sign in again;
 * nothing else is lost, offline records stay in the browser). One console per node, so no sharing.
 */
export class SessionStore {
  private readonly sessions = new Map<string, ConsoleSession>();
  /** The language each officer chose, by country and subject: remembered across sign-ins. */
  private readonly locales = new Map<string, string>();

  constructor(private readonly ttlMs: number) {}

  create(officer: Officer, token: string, tokenExpiresAt?: number): ConsoleSession {
    this.sweep();
    const session: ConsoleSession = {
      id: randomToken(),
      officer,
      token,
      csrfToken: randomToken(),
      expiresAt: Math.min(Date.now() + this.ttlMs, tokenExpiresAt ?? Number.MAX_SAFE_INTEGER),
    };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string | undefined): ConsoleSession | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session || session.expiresAt <= Date.now()) {
      if (session) this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  end(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  localeOf(officer: Officer): string | undefined {
    return this.locales.get(`${officer.country}:${officer.subject}`);
  }

  rememberLocale(officer: Officer, locale: string): void {
    this.locales.set(`${officer.country}:${officer.subject}`, locale);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
  }
}
