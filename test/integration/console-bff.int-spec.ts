import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash, generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { createConsoleApp, type ConsoleSettings } from '@corridor/console-service';
import { createRecruitmentApp } from '@corridor/recruitment-service';
import { aWorker, dropTestDatabases, testNodeConfig, uniqueName } from '@corridor/testing';

jest.setTimeout(120_000);

const P = 'https://corridor.gms/problems/';
const kh = testNodeConfig('KH');
const recruitmentDb = uniqueName('it_kh_console_recruitment');
const webRoot = mkdtempSync(path.join(tmpdir(), 'console-web-'));
writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Corridor</title>');
let recruitment: INestApplication;
let consoleApp: INestApplication;
const settings = (overrides: Partial<ConsoleSettings> = {}): ConsoleSettings => ({ node: kh, production: false, webRoot, sessionHours: 1, ...overrides });

/** The cookies a response sets, as name → value (and the raw lines for their attributes). */
function cookiesOf(response: request.Response): { values: Record<string, string>; lines: string[] } {
  const lines = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return { values: Object.fromEntries(lines.map((l) => l.split(';')[0].split('=')).map(([k, ...v]) => [k, decodeURIComponent(v.join('='))])), lines };
}

beforeAll(async () => {
  recruitment = (await createRecruitmentApp(kh, { database: recruitmentDb })).app;
  await recruitment.listen(0, '127.0.0.1');
  process.env.CORRIDOR_KH_RECRUITMENT_URL = `http://127.0.0.1:${(recruitment.getHttpServer().address() as AddressInfo).port}`;
  consoleApp = await createConsoleApp(settings());
});

afterAll(async () => {
  delete process.env.CORRIDOR_KH_RECRUITMENT_URL;
  await consoleApp?.close();
  await recruitment?.close();
  await dropTestDatabases(kh, recruitmentDb);
});

describe('console BFF: the browser holds a session cookie, the console holds the token', () => {
  it('answers 401 console-not-signed-in without a session, and serves the SPA shell for screen paths', async () => {
    const me = await request(consoleApp.getHttpServer()).get('/bff/me');
    expect(me.status).toBe(401);
    expect(me.body.type).toBe(`${P}console-not-signed-in`);
    const shell = await request(consoleApp.getHttpServer()).get('/workers');
    expect(shell.status).toBe(200);
    expect(shell.text).toContain('<title>Corridor</title>');
    const login = await request(consoleApp.getHttpServer()).get('/auth/login');
    expect(login.status).toBe(503);
    expect(login.body.type).toBe(`${P}console-sign-in-not-configured`);
  });

  it('signs in (development), sets an httpOnly session cookie, never shows the token, and forwards writes only with the CSRF header', async () => {
    const signIn = await request(consoleApp.getHttpServer()).post('/auth/dev-sign-in').send({ country: 'KH', role: 'ministry-officer' });
    expect(signIn.status).toBe(200);
    const { values, lines } = cookiesOf(signIn);
    expect(lines.find((l) => l.startsWith('corridor_session='))).toMatch(/HttpOnly/i);
    expect(lines.find((l) => l.startsWith('corridor_session='))).toMatch(/SameSite=Strict/i);
    expect(lines.find((l) => l.startsWith('corridor_csrf='))).not.toMatch(/HttpOnly/i);
    expect(JSON.stringify(signIn.body)).not.toMatch(/eyJ[A-Za-z0-9_-]+\./); // no JWT in anything the browser sees
    expect(signIn.body.operations['worker.register']).toEqual(['origin']);
    expect(signIn.body.operations['job-order.approve']).toBeUndefined();
    const cookie = `corridor_session=${values.corridor_session}; corridor_csrf=${values.corridor_csrf}`;

    const noCsrf = await request(consoleApp.getHttpServer()).post('/bff/api/v1/workers').set('Cookie', cookie).send(aWorker());
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.type).toBe(`${P}console-csrf-mismatch`);

    const worker = aWorker();
    const registered = await request(consoleApp.getHttpServer())
      .post('/bff/api/v1/workers')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', values.corridor_csrf)
      .set('Idempotency-Key', `console-it-${worker.documentNumber}`)
      .send(worker);
    expect(registered.status).toBe(201);
    const again = await request(consoleApp.getHttpServer())
      .post('/bff/api/v1/workers')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', values.corridor_csrf)
      .set('Idempotency-Key', `console-it-${worker.documentNumber}`)
      .send(worker);
    expect(again.status).toBe(201);
    expect(again.body.workerId).toBe(registered.body.workerId); // the retry with the same key is the same registration

    const found = await request(consoleApp.getHttpServer()).get('/bff/api/v1/workers').query({ name: 'Sok Dara', purpose: 'console test search' }).set('Cookie', cookie);
    expect(found.status).toBe(200);
    expect(found.body.map((w: { workerId: string }) => w.workerId)).toContain(registered.body.workerId);

    const unknown = await request(consoleApp.getHttpServer()).get('/bff/api/v1/secrets').set('Cookie', cookie);
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe(`${P}console-unknown-api`);

    const out = await request(consoleApp.getHttpServer()).post('/auth/sign-out').set('Cookie', cookie).set('X-CSRF-Token', values.corridor_csrf).send({});
    expect(out.status).toBe(204);
    expect((await request(consoleApp.getHttpServer()).get('/bff/me').set('Cookie', cookie)).status).toBe(401);
  });

  it('remembers the language an officer chose, for their next sign-in; refuses a language it does not have', async () => {
    const first = await request(consoleApp.getHttpServer()).post('/auth/dev-sign-in').send({ country: 'KH', role: 'caseworker', name: 'Chanthy' });
    expect(first.body.locale).toBeNull();
    const { values } = cookiesOf(first);
    const cookie = `corridor_session=${values.corridor_session}`;
    const unknown = await request(consoleApp.getHttpServer()).put('/bff/preferences').set('Cookie', cookie).set('X-CSRF-Token', values.corridor_csrf).send({ locale: 'fr' });
    expect(unknown.status).toBe(400);
    const chosen = await request(consoleApp.getHttpServer()).put('/bff/preferences').set('Cookie', cookie).set('X-CSRF-Token', values.corridor_csrf).send({ locale: 'lo' });
    expect(chosen.status).toBe(200);
    const next = await request(consoleApp.getHttpServer()).post('/auth/dev-sign-in').send({ country: 'KH', role: 'caseworker', name: 'Chanthy' });
    expect(next.body.locale).toBe('lo');
  });

  it('a third-country officer signed in on KH is refused by the stage service (the access model decides, not the console)', async () => {
    const signIn = await request(consoleApp.getHttpServer()).post('/auth/dev-sign-in').send({ country: 'LA', role: 'ministry-officer' });
    const { values } = cookiesOf(signIn);
    expect(signIn.body.operations['worker.search']).toBeUndefined(); // not offered on another country's node
    const search = await request(consoleApp.getHttpServer())
      .get('/bff/api/v1/workers')
      .query({ name: 'Sok', purpose: 'console test search' })
      .set('Cookie', `corridor_session=${values.corridor_session}`);
    expect(search.status).toBe(403);
  });
});

describe('console sign-in in production: OIDC code flow with PKCE; the development form is refused', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };
  let provider: Server;
  let issuer: string;
  const codes = new Map<string, { challenge: string; nonce: string; method: string }>();
  let prodConsole: INestApplication;

  beforeAll(async () => {
    provider = createServer((req, res) => {
      const url = new URL(req.url ?? '/', issuer);
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(200, { issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` });
      }
      if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
      if (url.pathname === '/authorize') {
        const code = `code-${codes.size + 1}`;
        codes.set(code, { challenge: url.searchParams.get('code_challenge') ?? '', method: url.searchParams.get('code_challenge_method') ?? '', nonce: url.searchParams.get('nonce') ?? '' });
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        back.search = new URLSearchParams({ code, state: url.searchParams.get('state') ?? '' }).toString();
        return res.writeHead(302, { location: back.toString() }).end();
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          const form = new URLSearchParams(body);
          const issued = codes.get(form.get('code') ?? '');
          const verifier = form.get('code_verifier') ?? '';
          if (!issued || issued.method !== 'S256' || createHash('sha256').update(verifier).digest('base64url') !== issued.challenge) return json(400, { error: 'invalid_grant' });
          codes.delete(form.get('code') ?? '');
          const sign = (claims: object) => jwt.sign(claims, privateKey, { algorithm: 'RS256', keyid: 'k1', issuer, subject: 'somchai@labour.go.th', expiresIn: '1h' });
          json(200, { access_token: sign({ country: 'KH', roles: ['ministry-officer'] }), id_token: sign({ nonce: issued.nonce, aud: 'console' }), token_type: 'Bearer' });
        });
        return undefined;
      }
      return json(404, {});
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    prodConsole = await createConsoleApp(settings({ production: true, oidc: { issuer, clientId: 'console', redirectUrl: 'http://127.0.0.1:3100/auth/callback', scopes: 'openid' } }));
  });

  afterAll(async () => {
    await prodConsole?.close();
    await new Promise((resolve) => provider?.close(resolve));
  });

  it('refuses the development sign-in with console-dev-sign-in-refused', async () => {
    const refused = await request(prodConsole.getHttpServer()).post('/auth/dev-sign-in').send({ country: 'KH', role: 'admin' });
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe(`${P}console-dev-sign-in-refused`);
  });

  it('redirects with an S256 challenge, exchanges the code with the verifier, and opens a session from the verified access token', async () => {
    const login = await request(prodConsole.getHttpServer()).get('/auth/login').query({ returnTo: '/journeys' });
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.location);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stateCookie = cookiesOf(login).values.corridor_oidc_state;
    const atProvider = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(atProvider.headers.get('location') ?? '');

    const forged = await request(prodConsole.getHttpServer()).get('/auth/callback').query(Object.fromEntries(callback.searchParams)).set('Cookie', 'corridor_oidc_state=someone-else');
    expect(forged.status).toBe(400);
    expect(forged.body.type).toBe(`${P}console-sign-in-failed`);

    // The forged attempt consumed that state: a fresh sign-in goes through.
    const login2 = await request(prodConsole.getHttpServer()).get('/auth/login').query({ returnTo: '/journeys' });
    const callback2 = new URL((await fetch(new URL(login2.headers.location), { redirect: 'manual' })).headers.get('location') ?? '');
    const done = await request(prodConsole.getHttpServer())
      .get('/auth/callback')
      .query(Object.fromEntries(callback2.searchParams))
      .set('Cookie', `corridor_oidc_state=${cookiesOf(login2).values.corridor_oidc_state}`);
    expect(done.status).toBe(302);
    expect(done.headers.location).toBe('/journeys');
    expect(stateCookie).not.toBe(cookiesOf(login2).values.corridor_oidc_state);
    const session = cookiesOf(done);
    expect(session.lines.find((l) => l.startsWith('corridor_session='))).toMatch(/Secure/);
    const me = await request(prodConsole.getHttpServer()).get('/bff/me').set('Cookie', `corridor_session=${session.values.corridor_session}`);
    expect(me.status).toBe(200);
    expect(me.body.officer).toMatchObject({ subject: 'somchai@labour.go.th', country: 'KH', roles: ['ministry-officer'] });
  });
});
