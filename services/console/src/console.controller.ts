import { All, Body, Controller, Get, HttpCode, Inject, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { OPERATIONS, ROLES, grantedSides, isOperation, mintDevelopmentToken, type Officer, type Operation, type Role } from '@corridor/auth';
import { PLATFORM_NODES, type NodeConfig } from '@corridor/config';
import { checkpointsOfCorridors, type Checkpoint } from '@corridor/reference-data';
import { CONSOLE_SETTINGS, OIDC_CLIENT, SESSIONS } from './console.tokens';
import type { ConsoleSettings } from './console-settings';
import { CsrfTokenMismatch, DevelopmentSignInRefused, NotSignedIn, SignInNotConfigured, UnknownStageApi } from './console.errors';
import type { OidcClient } from './oidc-client';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, type ConsoleSession, type SessionStore } from './sessions';
import { STAGE_ROUTES, stageUrlFor } from './stage-routes';

export const LOCALES = ['en', 'km', 'th', 'lo', 'my', 'vi'] as const;
const OIDC_STATE_COOKIE = 'corridor_oidc_state';

export class DevSignInCommand {
  @IsIn(PLATFORM_NODES.map((n) => n.country))
  country: string;

  @IsIn(ROLES)
  role: Role;

  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'agencyId is an agency id (letters, digits, dashes)' })
  agencyId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 60)
  name?: string;
}

export class PreferencesCommand {
  @IsIn(LOCALES)
  locale: string;
}

/** What the SPA needs to draw the officer's screens: who, where, and which operations the access model grants here. */
/** The checkpoints where workers arrive at this node (it is the corridor's destination): an officer filters arrivals by theirs. */
export function arrivalCheckpointsOf(node: Pick<NodeConfig, 'country' | 'corridors'>): Pick<Checkpoint, 'code' | 'name'>[] {
  return checkpointsOfCorridors(node.corridors.filter((c) => c.destination === node.country));
}

export function sessionView(session: ConsoleSession, node: Pick<NodeConfig, 'country' | 'corridors'>, locale: string | undefined) {
  const nodeCountry = node.country;
  const operations: Partial<Record<Operation, string[]>> = {};
  for (const operation of Object.keys(OPERATIONS)) {
    if (!isOperation(operation)) continue;
    if (session.officer.country !== nodeCountry && !OPERATIONS[operation].crossNode) continue;
    const sides = grantedSides(session.officer, operation);
    if (sides.length) operations[operation] = sides;
  }
  return { officer: session.officer, nodeCountry, operations, locale: locale ?? null, csrfToken: session.csrfToken, arrivalCheckpoints: arrivalCheckpointsOf(node) };
}

/**
 * The officer console's backend-for-frontend: sign-in (development form, or OIDC code + PKCE),
 * the session as an httpOnly cookie, and every stage-service call made here with the officer's
 * token, so no token ever reaches the browser. Writes need the double-submit CSRF header.
 */
@ApiExcludeController()
@Controller()
export class ConsoleController {
  constructor(
    @Inject(CONSOLE_SETTINGS) private readonly settings: ConsoleSettings,
    @Inject(SESSIONS) private readonly sessions: SessionStore,
    @Inject(OIDC_CLIENT) private readonly oidc: OidcClient | undefined,
  ) {}

  @Get('health')
  health() {
    return { status: 'up', country: this.settings.node.country };
  }

  @Get('bff/session-options')
  options() {
    return {
      nodeCountry: this.settings.node.country,
      devSignIn: !this.settings.production,
      oidc: Boolean(this.oidc),
      countries: PLATFORM_NODES.map((n) => n.country),
      roles: ROLES,
    };
  }

  @Post('auth/dev-sign-in')
  @HttpCode(200)
  devSignIn(@Body() command: DevSignInCommand, @Res({ passthrough: true }) res: Response) {
    if (this.settings.production) throw new DevelopmentSignInRefused();
    const officer: Officer = {
      subject: `dev-${command.country.toLowerCase()}-${command.name ? command.name.toLowerCase().replace(/[^a-z0-9]+/g, '-') : command.role}`,
      country: command.country,
      agencyId: command.agencyId,
      roles: [command.role],
    };
    const token = mintDevelopmentToken({ ...officer, expiresIn: `${this.settings.sessionHours}h` }, this.settings.node.jwtSecret);
    const session = this.sessions.create(officer, token);
    this.setSessionCookies(res, session);
    return sessionView(session, this.settings.node, this.sessions.localeOf(officer));
  }

  @Get('auth/login')
  async login(@Query('returnTo') returnTo: string | undefined, @Res() res: Response) {
    if (!this.oidc) throw new SignInNotConfigured();
    const { url, state } = await this.oidc.authorizationRedirect(returnTo);
    res.cookie(OIDC_STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure: this.settings.production, path: '/auth', maxAge: 10 * 60_000 });
    res.redirect(302, url);
  }

  @Get('auth/callback')
  async callback(@Query() query: { code?: string; state?: string; error?: string }, @Req() req: Request, @Res() res: Response) {
    if (!this.oidc) throw new SignInNotConfigured();
    const done = await this.oidc.complete(query, req.cookies?.[OIDC_STATE_COOKIE]);
    res.clearCookie(OIDC_STATE_COOKIE, { path: '/auth' });
    const session = this.sessions.create(done.officer, done.token, done.expiresAt);
    this.setSessionCookies(res, session);
    res.redirect(302, done.returnTo);
  }

  @Post('auth/sign-out')
  @HttpCode(204)
  signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    const session = this.session(req, true);
    this.sessions.end(session.id);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  @Get('bff/me')
  me(@Req() req: Request) {
    const session = this.session(req, false);
    return sessionView(session, this.settings.node, this.sessions.localeOf(session.officer));
  }

  @Put('bff/preferences')
  preferences(@Body() command: PreferencesCommand, @Req() req: Request) {
    const session = this.session(req, true);
    this.sessions.rememberLocale(session.officer, command.locale);
    return { locale: command.locale };
  }

  /** Forwards /bff/api/v1/... to the node's stage service with the officer's token. */
  @All('bff/api/*path')
  async forward(@Req() req: Request, @Res() res: Response): Promise<void> {
    const write = !['GET', 'HEAD'].includes(req.method);
    const session = this.session(req, write);
    const apiPath = req.originalUrl.slice('/bff'.length);
    const target = stageUrlFor(this.settings.node.country, apiPath);
    if (!target) throw new UnknownStageApi(apiPath.split('?')[0], Object.keys(STAGE_ROUTES).map((r) => `/api/v1/${r}`));
    const headers: Record<string, string> = { authorization: `Bearer ${session.token}`, accept: 'application/json' };
    for (const name of ['idempotency-key', 'x-correlation-id', 'traceparent', 'accept-language']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    let body: string | undefined;
    if (write) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body ?? {});
    }
    const answer = await fetch(target, { method: req.method, headers, body });
    res.status(answer.status);
    const type = answer.headers.get('content-type');
    if (type) res.setHeader('content-type', type);
    res.setHeader('cache-control', 'no-store');
    res.send(Buffer.from(await answer.arrayBuffer()));
  }

  private session(req: Request, write: boolean): ConsoleSession {
    const session = this.sessions.get(req.cookies?.[SESSION_COOKIE]);
    if (!session) throw new NotSignedIn();
    if (write && req.headers[CSRF_HEADER] !== session.csrfToken) throw new CsrfTokenMismatch();
    return session;
  }

  private setSessionCookies(res: Response, session: ConsoleSession): void {
    const common = { sameSite: 'strict' as const, secure: this.settings.production, path: '/', expires: new Date(session.expiresAt) };
    res.cookie(SESSION_COOKIE, session.id, { ...common, httpOnly: true });
    // Readable by the SPA on purpose (double submit): a page of another origin can neither read it nor set the header.
    res.cookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
  }
}
