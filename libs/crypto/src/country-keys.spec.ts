import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { KeyConfigurationError, loadPersonDataKeys } from './country-keys';
import { openSealed, rawPublicKey, SealedBoxError, sealForCountry } from './country-sealed-box';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const person = new TextEncoder().encode('Sok Dara');

describe('country person-data keys', () => {
  it('derives the same development keys on every node, so dev nodes interoperate unconfigured', () => {
    const th = loadPersonDataKeys({}, 'TH');
    const thAgain = loadPersonDataKeys({ NODE_ENV: 'test' }, 'TH');
    const kh = loadPersonDataKeys({}, 'KH');
    expect(rawPublicKey(thAgain.activeTransitKey.publicKey)).toEqual(rawPublicKey(th.activeTransitKey.publicKey));
    expect(rawPublicKey(kh.publicKeyOf('TH').publicKey)).toEqual(rawPublicKey(th.activeTransitKey.publicKey));
    expect(kh.publicKeyOf('TH').keyId).toBe(th.activeTransitKey.keyId);
    expect(thAgain.fieldCipher.decrypt(th.fieldCipher.encrypt('Sok'))).toBe('Sok');
    expect(thAgain.blindIndex.index('Sok')).toBe(th.blindIndex.index('Sok'));
    expect(th.developmentKeys).toEqual(['PERSON_DATA_KEYS', 'BLIND_INDEX_KEY', 'NODE_PRIVATE_KEYS', 'COUNTRY_PUBLIC_KEYS']);
  });

  it('lets KH seal for TH so that TH opens it and LA cannot', () => {
    const kh = loadPersonDataKeys({}, 'KH');
    const th = loadPersonDataKeys({}, 'TH');
    const la = loadPersonDataKeys({}, 'LA');
    const sealed = sealForCountry(person, kh.publicKeyOf('TH'));
    expect(openSealed(sealed, th.privateTransitKeys)).toEqual(person);
    expect(() => openSealed(sealed, la.privateTransitKeys)).toThrow(SealedBoxError);
  });

  it('gives each country different development keys', () => {
    const th = loadPersonDataKeys({}, 'TH');
    const la = loadPersonDataKeys({}, 'LA');
    expect(rawPublicKey(la.activeTransitKey.publicKey)).not.toEqual(rawPublicKey(th.activeTransitKey.publicKey));
    expect(() => la.fieldCipher.decrypt(th.fieldCipher.encrypt('Sok'))).toThrow();
  });

  it('refuses to start in production without configured keys', () => {
    expect(() => loadPersonDataKeys({ NODE_ENV: 'production' }, 'TH')).toThrow(KeyConfigurationError);
    expect(() => loadPersonDataKeys({ NODE_ENV: 'production' }, 'TH')).toThrow(/PERSON_DATA_KEYS/);
  });

  describe('with configured keys', () => {
    const k1 = randomBytes(32);
    const k2 = randomBytes(32);
    const node = generateKeyPairSync('x25519');
    const oldNode = generateKeyPairSync('x25519');
    const laKey = generateKeyPairSync('x25519');
    const env = {
      NODE_ENV: 'production',
      PERSON_DATA_KEYS: `k1:${b64(k1)}, k2:${b64(k2)}`,
      PERSON_DATA_ACTIVE_KEY: 'k2',
      BLIND_INDEX_KEY: b64(randomBytes(32)),
      NODE_PRIVATE_KEYS: `th-2024:${b64(oldNode.privateKey.export({ format: 'der', type: 'pkcs8' }))},th-2025:${b64(node.privateKey.export({ format: 'der', type: 'pkcs8' }))}`,
      NODE_ACTIVE_KEY_ID: 'th-2025',
      COUNTRY_PUBLIC_KEYS: `LA=la-1:${b64(laKey.publicKey.export({ format: 'der', type: 'spki' }))}`,
    };

    it('reads the at-rest keys with the active one for new writes and old ones still readable', () => {
      const keys = loadPersonDataKeys(env, 'TH');
      expect(keys.fieldCipher.activeKeyId).toBe('k2');
      expect(keys.fieldCipher.keyIds).toEqual(['k1', 'k2']);
      expect(keys.developmentKeys).toEqual([]);
      const onlyK1 = loadPersonDataKeys({ ...env, PERSON_DATA_KEYS: `k1:${b64(k1)}`, PERSON_DATA_ACTIVE_KEY: undefined }, 'TH');
      expect(keys.fieldCipher.decrypt(onlyK1.fieldCipher.encrypt('Vilay'))).toBe('Vilay');
    });

    it('reads transit keys: the active one, retired ones still open, other countries by code', () => {
      const keys = loadPersonDataKeys(env, 'TH');
      expect(keys.activeTransitKey.keyId).toBe('th-2025');
      expect(keys.publicKeyOf('TH').keyId).toBe('th-2025');
      expect([...keys.privateTransitKeys.keys()]).toEqual(['th-2024', 'th-2025']);
      const sealedBeforeRotation = sealForCountry(person, { keyId: 'th-2024', publicKey: oldNode.publicKey });
      expect(openSealed(sealedBeforeRotation, keys.privateTransitKeys)).toEqual(person);
      const forLa = sealForCountry(person, keys.publicKeyOf('LA'));
      expect(forLa.keyId).toBe('la-1');
      expect(openSealed(forLa, new Map([['la-1', laKey.privateKey]]))).toEqual(person);
    });

    it('in production, has no key for a country that is not configured', () => {
      expect(() => loadPersonDataKeys(env, 'TH').publicKeyOf('VN')).toThrow(/COUNTRY_PUBLIC_KEYS has no key for VN/);
    });

    it('outside production, falls back to the development key of an unconfigured country', () => {
      const keys = loadPersonDataKeys({ ...env, NODE_ENV: 'development' }, 'TH');
      expect(keys.publicKeyOf('VN').keyId).toBe('dev-vn');
      expect(keys.publicKeyOf('CN-YN').keyId).toBe('dev-cn-yn');
    });

    it.each([
      ['a short field key', { PERSON_DATA_KEYS: `k1:${b64(randomBytes(16))}`, PERSON_DATA_ACTIVE_KEY: 'k1' }, /32 bytes/],
      ['an active key that is not configured', { PERSON_DATA_ACTIVE_KEY: 'k3' }, /PERSON_DATA_ACTIVE_KEY/],
      ['several keys and no active one', { PERSON_DATA_ACTIVE_KEY: undefined }, /PERSON_DATA_ACTIVE_KEY is required/],
      ['a malformed key list', { PERSON_DATA_KEYS: 'k1=abc' }, /PERSON_DATA_KEYS/],
      ['the field key reused as index key', { BLIND_INDEX_KEY: b64(k1) }, /must differ/],
      ['a non-X25519 node key', { NODE_PRIVATE_KEYS: `x:${b64(generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }))}`, NODE_ACTIVE_KEY_ID: 'x' }, /X25519/],
      ['an unknown country in the public keys', { COUNTRY_PUBLIC_KEYS: 'XX=k:AAAA' }, /COUNTRY_PUBLIC_KEYS/],
      ['a missing blind index key', { BLIND_INDEX_KEY: undefined }, /BLIND_INDEX_KEY is required/],
      ['missing public keys', { COUNTRY_PUBLIC_KEYS: '' }, /COUNTRY_PUBLIC_KEYS is required/],
    ])('refuses %s', (_what, override, message) => {
      expect(() => loadPersonDataKeys({ ...env, ...override }, 'TH')).toThrow(message);
    });

    it('never echoes key material in configuration errors', () => {
      const secret = b64(randomBytes(16));
      let thrown: unknown;
      try {
        loadPersonDataKeys({ ...env, PERSON_DATA_KEYS: `k1:${secret}`, PERSON_DATA_ACTIVE_KEY: 'k1' }, 'TH');
      } catch (error) {
        thrown = error;
      }
      // The "expected a configuration error" thrown in the try used to land in this catch and pass.
      expect(thrown).toBeInstanceOf(KeyConfigurationError);
      expect((thrown as Error).message).not.toContain(secret);
    });
  });

  it('refuses a country that runs no node', () => {
    expect(() => loadPersonDataKeys({}, 'FR')).toThrow(KeyConfigurationError);
    expect(() => loadPersonDataKeys({}, 'TH').publicKeyOf('FR')).toThrow(KeyConfigurationError);
  });
});
