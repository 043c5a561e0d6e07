import request from 'supertest';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { bearer, testNodeConfig } from '@corridor/testing';
import { registerWorker, startCountryNodes, type CountryNode } from '../support/country-nodes';

jest.setTimeout(120_000);

let platform: Awaited<ReturnType<typeof startCountryNodes>>;

beforeAll(async () => {
  platform = await startCountryNodes(['KH', 'LA']);
});

afterAll(async () => {
  await platform?.stop();
});

const officerOf = (country: string) => bearer(country, ['ministry-officer']);

function search(node: CountryNode, name: string, token = officerOf(node.country)) {
  return request(node.recruitment.getHttpServer()).get('/api/v1/workers').query({ name, purpose: 'e2e name search', limit: 100 }).set('Authorization', token);
}

async function idsFound(node: CountryNode, name: string): Promise<string[]> {
  const response = await search(node, name);
  expect({ query: name, status: response.status }).toEqual({ query: name, status: 200 });
  return response.body.map((w: { workerId: string }) => w.workerId);
}

async function workerRows(node: CountryNode, workerId: string): Promise<string> {
  const database = node.recruitment.get(DataSource).options.database as string;
  const client = new Client({ ...testNodeConfig(node.country).postgres, database });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT * FROM worker WHERE id = $1', [workerId]);
    expect(rows).toHaveLength(1);
    return JSON.stringify(rows[0]);
  } finally {
    await client.end();
  }
}

const khmer = {
  person: { fullName: 'សុខ ដារ៉ា', fullNameLatin: 'Sok Dara', nationality: 'KH', birthDate: '1997-03-08', phone: '+855 12 777 888', homeAddress: { province: 'Kampong Cham', district: 'Batheay' } },
  ownScript: ['សុខ ដារ៉ា', 'ដារ៉ា', 'សុខ'],
  latin: ['Sok Dara', 'SOK DARA', 'dara', 'Sok', '  sok   DARA '],
  // Latin words of 4 letters or more: shorter ones could turn up by chance in base64url ciphertext.
  secrets: ['សុខ', 'ដារ៉ា', 'Sok Dara', 'Dara', '1997-03-08', '777 888', 'Kampong Cham', 'Batheay'],
};

const lao = {
  person: {
    fullName: 'ສົມພອນ ແກ້ວມະນີ',
    fullNameLatin: 'Somphone Keomany',
    nationality: 'LA',
    birthDate: '1995-12-01',
    phone: '+856 20 5555 1234',
    homeAddress: { province: 'Savannakhet', district: 'Kaysone Phomvihane', village: 'Nongdeun' },
  },
  ownScript: ['ສົມພອນ ແກ້ວມະນີ', 'ແກ້ວມະນີ', 'ສົມພອນ'],
  latin: ['Somphone Keomany', 'somphone keomany', 'KEOMANY', 'Somphone'],
  secrets: ['ສົມພອນ', 'ແກ້ວມະນີ', 'Somphone', 'Keomany', '1995-12-01', '5555 1234', 'Savannakhet', 'Kaysone', 'Nongdeun'],
};

describe.each([
  ['KH', 'LA', khmer],
  ['LA', 'KH', lao],
] as const)('a worker registered on the %s node', (home, other, name) => {
  let workerId: string;
  const node = () => platform.nodes[home];
  const otherNode = () => platform.nodes[other];

  beforeAll(async () => {
    workerId = (await registerWorker(node(), name.person)).workerId;
  });

  it("is found by the name in the worker's own script, whole or one word", async () => {
    for (const query of name.ownScript) expect(await idsFound(node(), query)).toContain(workerId);
  });

  it('is found by the Latin transliteration, whole or one word, whatever the case and spacing', async () => {
    for (const query of name.latin) expect(await idsFound(node(), query)).toContain(workerId);
  });

  it('comes back with the names in both scripts, phone and address decrypted', async () => {
    const response = await search(node(), name.ownScript[1]);
    const found = response.body.find((w: { workerId: string }) => w.workerId === workerId);
    expect(found).toMatchObject({ fullName: name.person.fullName, fullNameLatin: name.person.fullNameLatin, nationality: home, phone: name.person.phone, homeAddress: name.person.homeAddress });
  });

  it('is not found by a word that is not in the name', async () => {
    expect(await idsFound(node(), `${name.person.fullNameLatin} Extra`)).not.toContain(workerId);
  });

  it("is not visible to the other node's officer, neither on this node nor on theirs", async () => {
    const here = await search(node(), name.person.fullNameLatin, officerOf(other));
    expect([403, 404]).toContain(here.status);
    expect(here.headers['content-type']).toMatch(/^application\/problem\+json/);
    const byId = await request(node().recruitment.getHttpServer()).get(`/api/v1/workers/${workerId}`).query({ purpose: 'e2e' }).set('Authorization', officerOf(other));
    expect([403, 404]).toContain(byId.status);
    for (const query of [...name.ownScript, ...name.latin]) expect(await idsFound(otherNode(), query)).toEqual([]);
  });

  it('has neither name, the birth date, phone nor address in clear in the worker table', async () => {
    const row = await workerRows(node(), workerId);
    for (const secret of name.secrets) expect(row).not.toContain(secret);
  });
});
