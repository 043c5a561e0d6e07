import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { InvalidTokenError, JwksVerifier } from '../../src';

/** A real HTTP JWKS endpoint, as an OIDC provider publishes it, with keys the test can rotate. */
let server: Server;
let published: { kid: string; publicKey: KeyObject }[] = [];
let fetches = 0;
let url = '';
const issuer = 'https://id.labour.example/realms/corridor';

function newKey(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

function sign(key: { kid: string; privateKey: KeyObject }, claims: Record<string, unknown> = {}, options: jwt.SignOptions = {}) {
  return jwt.sign({ country: 'TH', roles: ['destination-officer'], agency: 'DOE-BKK', ...claims }, key.privateKey, {
    algorithm: 'RS256',
    keyid: key.kid,
    issuer,
    subject: 'officer-th-7',
    expiresIn: '5m',
    ...options,
  });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    fetches += 1;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: published.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, use: 'sig', alg: 'RS256' })) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

jest.setTimeout(30_000); // a loaded CI machine, not the code under test, decides how long a JWKS fetch takes

describe('officer tokens from an OIDC provider (JWKS over HTTP)', () => {
  it('accepts a token signed with a published key and reads country, agency and roles', async () => {
    const key = newKey('k1');
    published = [key];
    const officer = await new JwksVerifier({ jwksUrl: url, issuer }).verify(sign(key));
    expect(officer).toEqual({ subject: 'officer-th-7', country: 'TH', agencyId: 'DOE-BKK', roles: ['destination-officer'] });
  });

  it('refuses a token signed by a key the provider does not publish', async () => {
    published = [newKey('k1')];
    await expect(new JwksVerifier({ jwksUrl: url, issuer }).verify(sign(newKey('k1')))).rejects.toThrow(InvalidTokenError);
  });

  it('refuses another issuer, an expired token, and a token without Corridor roles', async () => {
    const key = newKey('k1');
    published = [key];
    const verifier = new JwksVerifier({ jwksUrl: url, issuer });
    await expect(verifier.verify(sign(key, {}, { issuer: 'https://evil.example' }))).rejects.toThrow(/issuer/);
    await expect(verifier.verify(sign(key, {}, { expiresIn: -10 }))).rejects.toThrow(/expired/);
    await expect(verifier.verify(sign(key, { roles: ['superuser'] }))).rejects.toThrow(/role/);
  });

  it('follows a key rotation at the provider with one refetch, without a restart', async () => {
    const old = newKey('k-2026-10');
    published = [old];
    const verifier = new JwksVerifier({ jwksUrl: url, issuer, refetchCooldownMs: 0 });
    await verifier.verify(sign(old));
    const before = fetches;
    await verifier.verify(sign(old));
    expect(fetches).toBe(before); // cached
    const rotated = newKey('k-2026-11');
    published = [old, rotated];
    await expect(verifier.verify(sign(rotated))).resolves.toMatchObject({ country: 'TH' });
    expect(fetches).toBe(before + 1);
  });
});
