import { deriveCorridorAcls, deriveMirrorMakerAcls, type CorridorAcl } from './kafka-acls';

const KH_TH = { origin: 'KH', destination: 'TH' };
const LA_TH = { origin: 'LA', destination: 'TH' };

const of = (acls: CorridorAcl[], principal: string) =>
  acls.filter((a) => a.principal === principal).map((a) => `${a.resourceType} ${a.prefix} ${a.operation}`);

describe('deriveCorridorAcls', () => {
  const acls = deriveCorridorAcls({ countries: ['KH', 'TH', 'LA', 'VN'], corridors: [KH_TH, LA_TH] });

  it('gives KH its internal topics, its corridor to TH and its own consumer groups, nothing else', () => {
    expect(of(acls, 'User:node-kh')).toEqual([
      'GROUP kh. READ',
      'TOPIC corridor.kh-th. CREATE',
      'TOPIC corridor.kh-th. DESCRIBE',
      'TOPIC corridor.kh-th. READ',
      'TOPIC corridor.kh-th. WRITE',
      'TOPIC country.kh. CREATE',
      'TOPIC country.kh. DESCRIBE',
      'TOPIC country.kh. READ',
      'TOPIC country.kh. WRITE',
    ]);
  });

  it('gives the destination both of its corridors; LA never a KH topic', () => {
    const th = of(acls, 'User:node-th');
    expect(th.filter((a) => a.includes('corridor.')).map((a) => a.split(' ')[1])).toEqual(expect.arrayContaining(['corridor.kh-th.', 'corridor.la-th.']));
    const la = acls.filter((a) => a.principal === 'User:node-la');
    expect(la.some((a) => a.prefix.includes('kh'))).toBe(false);
    expect(la.map((a) => a.prefix)).toEqual(expect.arrayContaining(['corridor.la-th.', 'country.la.', 'la.']));
  });

  it('gives a node without a corridor only its own topics and groups', () => {
    expect(new Set(acls.filter((a) => a.principal === 'User:node-vn').map((a) => a.prefix))).toEqual(new Set(['country.vn.', 'vn.']));
  });

  it('never grants DELETE, ALTER, cluster or transactional-id rights, and only PREFIXED-style prefixes ending in a dot', () => {
    expect(new Set(acls.map((a) => a.operation))).toEqual(new Set(['READ', 'WRITE', 'DESCRIBE', 'CREATE']));
    expect(new Set(acls.map((a) => a.resourceType))).toEqual(new Set(['TOPIC', 'GROUP']));
    // "corridor.kh-" would also match corridor.kh-la.: every prefix ends at a separator.
    expect(acls.every((a) => a.prefix.endsWith('.'))).toBe(true);
    expect(acls.filter((a) => a.resourceType === 'GROUP').every((a) => a.operation === 'READ')).toBe(true);
  });

  it('follows the corridor configuration: opening a corridor adds exactly its bindings, for its two ends', () => {
    const more = deriveCorridorAcls({ countries: ['KH', 'TH', 'LA', 'VN'], corridors: [KH_TH, LA_TH, { origin: 'VN', destination: 'LA' }] });
    const key = (a: CorridorAcl) => JSON.stringify(a);
    const added = more.filter((a) => !acls.map(key).includes(key(a)));
    expect(added.every((a) => a.prefix === 'corridor.vn-la.')).toBe(true);
    expect(new Set(added.map((a) => a.principal))).toEqual(new Set(['User:node-vn', 'User:node-la']));
    expect(added).toHaveLength(8);
    expect(acls.every((a) => more.map(key).includes(key(a)))).toBe(true);
  });

  it('names subdivision nodes as topics do (CN-YN -> cn_yn) and is deterministic', () => {
    const cn = deriveCorridorAcls({ countries: ['CN-YN', 'LA'], corridors: [{ origin: 'CN-YN', destination: 'LA' }] });
    expect(cn.filter((a) => a.principal === 'User:node-cn_yn').map((a) => a.prefix)).toEqual(expect.arrayContaining(['corridor.cn_yn-la.', 'country.cn_yn.', 'cn_yn.']));
    expect(deriveCorridorAcls({ countries: ['LA', 'CN-YN', 'LA'], corridors: [{ origin: 'CN-YN', destination: 'LA' }] })).toEqual(cn);
  });

  it('refuses a corridor whose end is not a node country', () => {
    expect(() => deriveCorridorAcls({ countries: ['KH'], corridors: [KH_TH] })).toThrow(/TH is not a node country/);
  });
});

describe('deriveMirrorMakerAcls', () => {
  const acls = deriveMirrorMakerAcls(KH_TH);
  const topics = (operation: string) => acls.filter((a) => a.resourceType === 'TOPIC' && a.operation === operation).map((a) => a.prefix);

  it('lets MirrorMaker read and write the corridor and its own internal topics, never a country topic', () => {
    expect(topics('READ')).toEqual(['corridor.kh-th.', 'kh.checkpoints.internal', 'mm2-', 'th.checkpoints.internal']);
    expect(topics('WRITE')).toEqual(topics('READ'));
    expect(topics('DESCRIBE_CONFIGS')).toEqual(topics('READ'));
    expect(acls.some((a) => a.prefix.startsWith('country.'))).toBe(false);
    expect(acls.every((a) => a.principal === 'User:mirror-maker')).toBe(true);
  });

  it('lets it read the offsets of both nodes\' groups and run its Connect worker groups', () => {
    expect(acls.filter((a) => a.resourceType === 'GROUP').map((a) => `${a.prefix} ${a.operation}`)).toEqual([
      'kh-mm2 DESCRIBE',
      'kh-mm2 READ',
      'kh. DESCRIBE',
      'kh. READ',
      'th-mm2 DESCRIBE',
      'th-mm2 READ',
      'th. DESCRIBE',
      'th. READ',
    ]);
  });
});
