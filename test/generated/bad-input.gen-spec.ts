import type { Server } from 'node:http';
import type { Role } from '@corridor/auth';
import {
  WRITE_METHODS,
  badRequestsFor,
  changedCounts,
  concretePath,
  exampleOf,
  countRows,
  fallbackResourceOfParam,
  operationsOf,
  rawRequest,
  refusalProblems,
  seedOf,
  type BadRequest,
  type OpenApiDocument,
  type Operation,
  type RawResponse,
} from '@corridor/testing';
import { SCENARIO_COUNTRIES, SCENARIO_SERVICES, startPlatformScenario, type PlatformScenario, type ScenarioCountry, type ScenarioService } from '../support/platform-scenario';

/**
 * Every write operation every service declares in its OpenAPI document gets invalid bodies made
 * from its declared schema; each must be refused as a 4xx problem+json and write no row. A new
 * endpoint or service is covered without editing this file.
 *
 * CORRIDOR_FC_SEED changes the sample (the default keeps runs identical); CORRIDOR_BAD_INPUT_COUNT
 * the requests per operation.
 */
jest.setTimeout(240_000);

const BASE_SEED = Number(process.env.CORRIDOR_FC_SEED ?? 20260808);
const PER_OPERATION = Number(process.env.CORRIDOR_BAD_INPUT_COUNT ?? 25);
/** Logs of refused requests may grow on a refusal; nothing else may (audit and outbox included). */
const REFUSAL_LOGS = ['access_refusal'];

interface Caller {
  label: string;
  roles: Role[];
  agency?: 'A';
}
/** Tried in this order, from the node's usual officer, until one is not refused with 403. */
const CALLERS: Caller[] = [
  { label: 'ministry-officer', roles: ['ministry-officer'] },
  { label: 'destination-officer', roles: ['destination-officer'] },
  { label: 'agency-staff of A', roles: ['agency-staff'], agency: 'A' },
  { label: 'admin', roles: ['admin'] },
  { label: 'auditor', roles: ['auditor'] },
];
const FIRST_CALLER: Record<ScenarioCountry, string> = { KH: 'ministry-officer', TH: 'destination-officer' };

interface Tally {
  name: string;
  operations: number;
  requests: number;
  serverErrors: number;
  acceptedInvalid: number;
  notProblemJson: number;
  batchesWritingRows: number;
  /** Operations whose example body (what the invalid ones are made from) passed validation. */
  baselinesValid: number;
  statuses: Record<number, number>;
}

let scenario: PlatformScenario;
const tallies: Tally[] = [];

beforeAll(async () => {
  scenario = await startPlatformScenario();
  // From here on only these requests may change the databases.
  await scenario.stopReplication();
}, 180_000);

afterAll(async () => {
  const total = tallies.reduce(
    (sum, t) => ({
      operations: sum.operations + t.operations,
      requests: sum.requests + t.requests,
      serverErrors: sum.serverErrors + t.serverErrors,
      acceptedInvalid: sum.acceptedInvalid + t.acceptedInvalid,
      notProblemJson: sum.notProblemJson + t.notProblemJson,
      batchesWritingRows: sum.batchesWritingRows + t.batchesWritingRows,
    }),
    { operations: 0, requests: 0, serverErrors: 0, acceptedInvalid: 0, notProblemJson: 0, batchesWritingRows: 0 },
  );
  console.log([...tallies.map(line), line({ name: 'TOTAL', statuses: {}, baselinesValid: tallies.reduce((n, t) => n + t.baselinesValid, 0), ...total })].join('\n'));
  await scenario?.stop();
});

function line(t: Tally): string {
  const statuses = Object.entries(t.statuses).map(([status, n]) => `${status}×${n}`).join(' ');
  return `bad-input ${t.name.padEnd(16)} operations=${t.operations} requests=${t.requests} 5xx=${t.serverErrors} accepted-invalid=${t.acceptedInvalid} non-problem+json=${t.notProblemJson} batches-writing-rows=${t.batchesWritingRows} example-bodies-past-validation=${t.baselinesValid}/${t.operations}${statuses ? ` [${statuses}]` : ''}`;
}

const excerpt = (text: string) => JSON.stringify(text.length > 240 ? `${text.slice(0, 240)}…` : text);
const requestSummary = (bad: BadRequest) => `«${bad.label}» ${bad.contentType ?? 'no Content-Type'} ${excerpt(bad.body.length > 120 ? `${bad.body.slice(0, 120)}…` : bad.body)}`;

const apps = SCENARIO_COUNTRIES.flatMap((country) => SCENARIO_SERVICES.map((service) => [country, service] as [ScenarioCountry, ScenarioService]));

it('the checks pass correct refusals: hand-picked invalid bodies the services refuse today', async () => {
  const cases: [ScenarioCountry, ScenarioService, string, string, unknown][] = [
    ['KH', 'recruitment', '/api/v1/agencies', scenario.tokens.khMinistry(), { name: 'X Co.', licenceNumber: 'RA-1', licenceValidFrom: '2020-01-01', licenceValidTo: '2099-12-31', favouriteColour: 'blue' }],
    ['KH', 'contracts', `/api/v1/contracts/${scenario.ids.contract.A}/signatures`, scenario.tokens.khMinistry(), { party: 'boss', signedOn: '2026-01-01' }],
    ['TH', 'recruitment', '/api/v1/job-orders', scenario.tokens.thDestination(), { origin: 'KH', workersRequested: 'ten' }],
  ];
  for (const [country, service, path, token, body] of cases) {
    const dataSource = scenario.dataSource(country, service);
    const before = await countRows(dataSource, REFUSAL_LOGS);
    const response = await rawRequest(scenario.app(country, service).getHttpServer() as Server, { method: 'POST', path, headers: { Authorization: token }, contentType: 'application/json', body: JSON.stringify(body) });
    expect({ path, status: response.status, problems: refusalProblems(response) }).toEqual({ path, status: 400, problems: [] });
    expect(changedCounts(before, await countRows(dataSource, REFUSAL_LOGS))).toEqual([]);
  }
});

describe.each(apps)('bad input on %s %s', (country, service) => {
  it('every declared write operation refuses invalid bodies as problem+json and writes no row', async () => {
    const server = scenario.app(country, service).getHttpServer() as Server;
    const dataSource = scenario.dataSource(country, service);
    const docs = await rawRequest(server, { method: 'GET', path: '/api/docs-json' });
    expect(docs.status).toBe(200);
    const operations = operationsOf(docs.body as OpenApiDocument).filter((op) => WRITE_METHODS.includes(op.method));
    const tally: Tally = { name: `${country} ${service}`, operations: operations.length, requests: 0, serverErrors: 0, acceptedInvalid: 0, notProblemJson: 0, batchesWritingRows: 0, baselinesValid: 0, statuses: {} };
    tallies.push(tally);
    const failures: string[] = [];
    const examples: { operation: Operation; path: string; caller: Caller; body: string }[] = [];

    const tokenOf = (caller: Caller) => scenario.tokens.as(country, caller.roles, caller.agency ? scenario.agencyOf(caller.agency) : undefined);
    const first = CALLERS.findIndex((c) => c.label === FIRST_CALLER[country]);
    const ordered = [...CALLERS.slice(first, first + 1), ...CALLERS.filter((_, i) => i !== first)];

    for (const operation of operations) {
      const unbound = new Set<string>();
      const idOf = (resource: string) => {
        const id = scenario.ids[resource]?.A;
        if (!id) unbound.add(resource);
        return id ?? scenario.unknownId;
      };
      const path = concretePath(operation, idOf);
      const bindId = (property: string) => scenario.ids[fallbackResourceOfParam('', property)]?.A;
      for (const resource of unbound) failures.push(`${operation.name}: no scenario object of resource '${resource}' (add a builder to RESOURCE_BUILDERS in test/support/platform-scenario.ts)`);
      const requests = badRequestsFor(operation.body, { seed: seedOf(`${country} ${operation.name}`, BASE_SEED), count: PER_OPERATION, bindId });

      const before = await countRows(dataSource, REFUSAL_LOGS);
      let preferred = ordered[0];
      for (const bad of requests) {
        const { response, caller } = await sendAsFirstAllowed(server, operation, path, bad, [preferred, ...ordered.filter((c) => c !== preferred)], tokenOf);
        preferred = caller;
        tally.requests += 1;
        tally.statuses[response.status] = (tally.statuses[response.status] ?? 0) + 1;
        if (response.status >= 500) tally.serverErrors += 1;
        if (response.status < 300) tally.acceptedInvalid += 1;
        if (!/^application\/problem\+json\b/.test(response.contentType)) tally.notProblemJson += 1;
        const problems = refusalProblems(response);
        if (problems.length) failures.push(`${operation.name} ${path} as ${caller.label}: ${requestSummary(bad)} → ${problems.join('; ')}; body ${excerpt(response.text)}`);
      }
      const written = changedCounts(before, await countRows(dataSource, REFUSAL_LOGS));
      if (written.length) {
        tally.batchesWritingRows += 1;
        failures.push(`${operation.name} ${path}: rows written by its ${requests.length} invalid requests: ${written.join(', ')}`);
      }
      // A route that takes no body (a permit extension) gets {}, as the input policy asks of every POST.
      examples.push({ operation, path, caller: preferred, body: operation.body ? JSON.stringify(exampleOf(operation.body, bindId)) : '{}' });
    }

    // Last, as they change state: the example body each invalid one was made from should get past
    // validation (any answer but 400), else the generator, not the service, made them invalid.
    for (const { operation, path, caller, body } of examples) {
      const example = await rawRequest(server, { method: operation.method, path, headers: { Authorization: tokenOf(caller) }, contentType: 'application/json', body });
      if (example.status !== 400) tally.baselinesValid += 1;
      else console.log(`bad-input: the example body of ${country} ${operation.name} was refused by validation: ${example.text.slice(0, 300)}`);
    }

    if (failures.length) {
      throw new Error(`${failures.length} bad-input failure(s) on ${country} ${service} (seed ${BASE_SEED}):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    }
  });
});

async function sendAsFirstAllowed(
  server: Server,
  operation: Operation,
  path: string,
  bad: BadRequest,
  callers: Caller[],
  tokenOf: (caller: Caller) => string,
): Promise<{ response: RawResponse; caller: Caller }> {
  let last: { response: RawResponse; caller: Caller } | undefined;
  for (const caller of callers) {
    const response = await rawRequest(server, { method: operation.method, path, headers: { Authorization: tokenOf(caller) }, contentType: bad.contentType, body: bad.body });
    last = { response, caller };
    if (response.status !== 403) break;
  }
  return last!;
}
