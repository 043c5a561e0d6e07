import { ConfigurationError, corridorsOf, loadNodeConfig, parseCorridors, serviceDatabaseName } from './node-config';

describe('country node configuration', () => {
  it('parses open corridors as ordered pairs, subdivisions included', () => {
    expect(parseCorridors('KH>TH, CN-YN>LA')).toEqual([
      { origin: 'KH', destination: 'TH' },
      { origin: 'CN-YN', destination: 'LA' },
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
    expect(() => loadNodeConfig({ COUNTRY: 'KH', NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });

  it('lists the corridors a node takes part in, either end', () => {
    const config = loadNodeConfig({ COUNTRY: 'TH', CORRIDORS: 'KH>TH,LA>TH,LA>VN' });
    expect(corridorsOf(config).map((c) => c.origin)).toEqual(['KH', 'LA']);
  });

  it('gives each service of each node its own database', () => {
    expect(serviceDatabaseName('CN-YN', 'social-protection')).toBe('corridor_cn_yn_social_protection');
  });
});
