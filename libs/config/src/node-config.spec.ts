import { ConfigurationError, corridorsOf, loadNodeConfig, parseCorridors, serviceDatabaseName } from './node-config';

describe('country node configuration', () => {
  it('parses open corridors as ordered pairs, subdivisions included', () => {
    expect(parseCorridors('KH>TH, CN-YN>LA').map(({ origin, destination }) => [origin, destination])).toEqual([
      ['KH', 'TH'],
      ['CN-YN', 'LA'],
    ]);
  });

  it('refuses a corridor to an unknown country or to itself', () => {
    expect(() => parseCorridors('KH>XX')).toThrow(ConfigurationError);
    expect(() => parseCorridors('KH>KH')).toThrow(/ordered pair/);
    expect(() => parseCorridors('KH-TH')).toThrow(/KH>TH/);
  });

  it('refuses to start without a known COUNTRY', () => {
    expect(() => loadNodeConfig({ COUNTRY: 'FR' })).toThrow(/COUNTRY/);
  });

  it('demands a real JWT secret in production', () => {
    expect(() => loadNodeConfig({ COUNTRY: 'KH', NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL|JWT_SECRET/);
    expect(loadNodeConfig({ COUNTRY: 'KH', NODE_ENV: 'production', KAFKA_SASL_USERNAME: 'node-kh', KAFKA_SASL_PASSWORD: 'p', AUTH_JWKS_URL: 'https://id.example/certs', AUTH_ISSUER: 'https://id.example' }).oidc?.issuer).toBe('https://id.example');
  });

  it('lists the corridors a node takes part in, either end', () => {
    const config = loadNodeConfig({ COUNTRY: 'TH', CORRIDORS: 'KH>TH,LA>TH,LA>VN' });
    expect(corridorsOf(config).map((c) => c.origin)).toEqual(['KH', 'LA']);
  });

  it('gives each service of each node its own database', () => {
    expect(serviceDatabaseName('CN-YN', 'social-protection')).toBe('corridor_cn_yn_social_protection');
  });
});

describe('corridor policies', () => {
  it('come from configuration, with the employer-pays default of a zero fee cap', () => {
    const config = loadNodeConfig({ COUNTRY: 'KH', CORRIDORS: 'KH>TH,VN>LA' });
    expect(config.corridors[0].policy.recruitmentFeeCap).toEqual({ amountMinor: 0, currency: 'THB' });
    expect(config.corridors[0].policy.workPermitMonths).toBe(24);
    expect(config.corridors[1].policy.recruitmentFeeCap).toEqual({ amountMinor: 0, currency: 'USD' });
  });

  it('refuse a file with a fractional or negative amount', () => {
    const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const os = jest.requireActual<typeof import('node:os')>('node:os');
    const file = `${fs.mkdtempSync(`${os.tmpdir()}/policies-`)}/p.json`;
    fs.writeFileSync(file, JSON.stringify({ 'KH>TH': { recruitmentFeeCap: { amountMinor: 12.5, currency: 'THB' } } }));
    expect(() => loadNodeConfig({ COUNTRY: 'KH', CORRIDORS: 'KH>TH', CORRIDOR_POLICIES_FILE: file })).toThrow(/whole amountMinor/);
  });
});
