import { newReference, newSecret, secretHash, secretMatches } from './worker-report.rules';

describe('a worker report’s reference and secret', () => {
  it('a reference names the filing node and a secret has 16 base32 characters in groups of four', () => {
    expect(newReference('KH')).toMatch(/^KH-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(newSecret()).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(Array.from({ length: 50 }, newSecret)).size).toBe(50);
  });

  it('only the hash is kept; the secret matches however it is typed, another one never', () => {
    const secret = 'H4KX-9PQM-2RTV-7WCE';
    const hash = secretHash(secret);
    expect(hash).not.toContain('H4KX');
    expect(secretMatches('h4kx 9pqm 2rtv 7wce', hash)).toBe(true);
    expect(secretMatches('H4KX-9PQM-2RTV-7WCF', hash)).toBe(false);
    expect(secretMatches('', hash)).toBe(false);
  });
});
