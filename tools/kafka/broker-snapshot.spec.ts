import { compareSnapshots, type BrokerSnapshot } from './broker-snapshot';

const idle: BrokerSnapshot = {
  clusterId: 'platform-1',
  topics: { 'corridor.kh-th.recruitment.v1': { '0': '12', '1': '7', '2': '0' }, 'country.kh.recruitment.v1': { '0': '3' } },
  groups: { 'kh.journey': 0, 'th.recruitment': 0 },
};

describe('a test run leaves the platform broker as it found it', () => {
  it('the same snapshot is untouched, offsets compared', () => {
    expect(compareSnapshots(idle, structuredClone(idle))).toEqual({ touched: [] });
  });

  it('a record added to a platform topic is a change while the platform is idle', () => {
    const after = structuredClone(idle);
    after.topics['corridor.kh-th.recruitment.v1']['1'] = '8';
    expect(compareSnapshots(idle, after).touched).toEqual(['records added to corridor.kh-th.recruitment.v1[1]: end offset 7 -> 8']);
  });

  it('a topic or consumer group created (KH→LA topics, a test group) is a change', () => {
    const after = structuredClone(idle);
    after.topics['corridor.kh-la.recruitment.v1'] = { '0': '0' };
    after.groups['kh.recruitment.it_kh_x'] = 0;
    expect(compareSnapshots(idle, after).touched).toEqual(['topic created: corridor.kh-la.recruitment.v1', 'consumer group created: kh.recruitment.it_kh_x']);
  });

  it('another cluster behind the same address is a change', () => {
    expect(compareSnapshots(idle, { ...idle, clusterId: 'other' }).touched).toEqual(['cluster id platform-1 -> other']);
  });

  it('while the platform consumes, its own offsets move: not compared, but new topics still are', () => {
    const running = structuredClone(idle);
    running.groups['kh.journey'] = 1;
    const after = structuredClone(running);
    after.topics['country.kh.recruitment.v1']['0'] = '9';
    expect(compareSnapshots(running, after)).toEqual({ touched: [], notCompared: expect.stringContaining('kh.journey') });
    after.topics['corridor.kh-la.contracts.v1'] = { '0': '1' };
    expect(compareSnapshots(running, after).touched).toEqual(['topic created: corridor.kh-la.contracts.v1']);
  });
});
