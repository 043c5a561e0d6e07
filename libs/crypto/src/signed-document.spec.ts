import { generateKeyPairSync } from 'node:crypto';
import { jwksOf, loadNodeSigningKey, signCompactJws, verifyCompactJws } from './signed-document';

describe('signed documents (compact JWS, EdDSA/Ed25519)', () => {
  const kh = loadNodeSigningKey({}, 'KH');
  const jwks = jwksOf(kh);

  it('verifies with the published key alone, and gives the payload back', () => {
    const jws = signCompactJws({ no: 'KH-EC-1', until: '2027-01-01' }, kh);
    expect(verifyCompactJws(jws, jwks)).toEqual({ valid: true, keyId: 'kh-dev-sign-1', payload: { no: 'KH-EC-1', until: '2027-01-01' } });
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: 'kh-dev-sign-1', alg: 'EdDSA', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('refuses a tampered payload, another node’s key, a foreign algorithm and garbage', () => {
    const jws = signCompactJws({ no: 'KH-EC-1' }, kh);
    const [h, , s] = jws.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ no: 'KH-EC-2' })).toString('base64url')}.${s}`;
    expect(verifyCompactJws(forged, jwks)).toMatchObject({ valid: false, reason: 'signature does not match' });
    const other = generateKeyPairSync('ed25519');
    expect(verifyCompactJws(signCompactJws({ no: 'x' }, { keyId: 'kh-dev-sign-1', privateKey: other.privateKey }), jwks)).toMatchObject({ valid: false });
    expect(verifyCompactJws(signCompactJws({ no: 'x' }, loadNodeSigningKey({}, 'LA')), jwks)).toMatchObject({ valid: false, reason: 'no published key la-dev-sign-1' });
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'kh-dev-sign-1' })).toString('base64url')}.${jws.split('.')[1]}.`;
    expect(verifyCompactJws(none, jwks)).toMatchObject({ valid: false, reason: 'algorithm none is not accepted (EdDSA only)' });
    expect(verifyCompactJws('hello', jwks)).toEqual({ valid: false, reason: 'not a compact JWS' });
  });

  it('takes a configured key, and refuses to invent one in production', () => {
    const pair = generateKeyPairSync('ed25519');
    const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const key = loadNodeSigningKey({ NODE_SIGNING_KEY: `kh-2027:${der}` }, 'KH');
    expect(key.keyId).toBe('kh-2027');
    expect(verifyCompactJws(signCompactJws({ a: 1 }, key), jwksOf(key)).valid).toBe(true);
    expect(() => loadNodeSigningKey({ NODE_ENV: 'production' }, 'KH')).toThrow(/required in production/);
    expect(loadNodeSigningKey({}, 'KH').publicKey.export({ format: 'jwk' })).toEqual(kh.publicKey.export({ format: 'jwk' }));
  });
});
