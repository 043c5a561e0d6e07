import { DomainProblem } from '@corridor/http';

/** 401: no session cookie, or one the console no longer holds (signed out, expired, restarted). */
export class NotSignedIn extends DomainProblem({ status: 401, slug: 'console-not-signed-in', title: 'Sign in to the console first' }) {
  constructor() {
    super('no console session: sign in again');
  }
}

/** 403: a write without the session's CSRF token in the X-CSRF-Token header. */
export class CsrfTokenMismatch extends DomainProblem({ status: 403, slug: 'console-csrf-mismatch', title: 'The request does not carry the session’s CSRF token' }) {
  constructor() {
    super('every write must send the X-CSRF-Token header with the value of the corridor_csrf cookie');
  }
}

/** 403: the development sign-in (any country, role, agency) is refused in production. */
export class DevelopmentSignInRefused extends DomainProblem({ status: 403, slug: 'console-dev-sign-in-refused', title: 'Development sign-in is refused in production' }) {
  constructor() {
    super('NODE_ENV=production: sign in through the ministry’s identity provider (/auth/login)');
  }
}

/** 400: the OIDC callback does not match a sign-in this console started, or the provider refused the code. */
export class SignInFailed extends DomainProblem({ status: 400, slug: 'console-sign-in-failed', title: 'The sign-in could not be completed' }) {
  constructor(detail: string) {
    super(detail);
  }
}

/** 404: the console forwards only to the stage services it knows. */
export class UnknownStageApi extends DomainProblem({ status: 404, slug: 'console-unknown-api', title: 'No stage service answers this path' }) {
  constructor(path: string, known: string[]) {
    super(`no stage service serves ${path}; known: ${known.join(', ')}`, { known });
  }
}

/** 503: the console has no identity provider configured (production without AUTH_ISSUER/AUTH_CLIENT_ID). */
export class SignInNotConfigured extends DomainProblem({ status: 503, slug: 'console-sign-in-not-configured', title: 'No identity provider is configured' }) {
  constructor() {
    super('set AUTH_ISSUER, AUTH_CLIENT_ID and AUTH_REDIRECT_URL (and AUTH_CLIENT_SECRET for a confidential client)');
  }
}
