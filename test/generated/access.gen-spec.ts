import type { Server } from 'node:http';
import fc from 'fast-check';
import { ROLES, type Role } from '@corridor/auth';
import { concretePath, exampleOf, operationsOf, rawRequest, seedOf, WRITE_METHODS, type OpenApiDocument, type Operation } from '@corridor/testing';
import { SCENARIO_COUNTRIES, SCENARIO_SERVICES, SHARED_RESOURCES, startPlatformScenario, type Owner, type PlatformScenario, type ScenarioCountry, type ScenarioService } from '../support/platform-scenario';

/**
 * Access properties of every declared endpoint, from the same scenario as the bad-input suite:
 * tokens (role sets × agency claim × country) against A's object, B's object and an unknown id.
 * Writes carry `{"__probe":1}`: object access is decided in the guard before validation, so an
 * allowed request answers 400 and changes nothing, a refused one 401/403/404 (or 409 when the
 * token's agency may not act at all, whatever the object). The pure model is checked over every
 * combination in libs/auth/src/access/access-model.spec.ts; this suite checks the platform.
 */
jest.setTimeout(300_000);

const BASE_SEED = Number(process.env.CORRIDOR_FC_SEED ?? 20260808);
/** Requests in flight at once per endpoint: the in-process server answers them concurrently. */
const CONCURRENCY = 8;
const COUNTRIES = ['KH', 'TH', 'LA'] as const;
const REFUSED_STATUSES = new Set([401, 403, 404]);
/** Refused before the object or the input is looked at: no valid token, no role, another country, or an agency that may not act. */
const isRefused = (a: Answer) => REFUSED_STATUSES.has(a.status) || (a.status === 409 && a.type?.endsWith('/agency-licence-not-valid') === true);

/** Every non-empty combination of the roles: 255 for 8 roles. */
const ROLE_SETS: Role[][] = Array.from({ length: (1 << ROLES.length) - 1 }, (_, i) => ROLES.filter((_, bit) => (i + 1) & (1 << bit)));
type Claim = 'none' | 'A' | 'B' | 'made-up' | 'other-country';
const CLAIMS: Claim[] = ['none', 'A', 'B', 'made-up', 'other-country'];
type Target = Owner | 'unknown' | 'none';

interface Answer {
  status: number;
  type: string | undefined;
}

let scenario: PlatformScenario;
let otherCountryAgency: string;
const MADE_UP_AGENCY = '0193aaaa-0000-7000-8000-00000000abcd';
const counts = { endpoints: 0, combinations: new Set<string>(), requests: 0 };
const violations: Record<'a-existence-oracle' | 'b-monotonic-scope' | 'c-other-agency' | 'd-other-country', string[]> = {
  'a-existence-oracle': [],
  'b-monotonic-scope': [],
  'c-other-agency': [],
  'd-other-country': [],
};

beforeAll(async () => {
  scenario = await startPlatformScenario();
  const th = await rawRequest(scenario.app('TH', 'recruitment').getHttpServer() as Server, {
    method: 'POST',
    path: '/api/v1/agencies',
    headers: { Authorization: scenario.tokens.as('TH', ['ministry-officer']) },
    contentType: 'application/json',
    body: JSON.stringify({ name: 'Bangkok Placement Co.', licenceNumber: `TH-${Date.now()}`, licenceValidFrom: '2020-01-01', licenceValidTo: '2099-12-31' }),
  });
  // A Thai agency where the TH node registers agencies, else an id only Thailand would know.
  otherCountryAgency = th.status === 201 ? (th.body as { agencyId: string }).agencyId : '0193aaaa-0000-7000-8000-0000000074a1';
  await scenario.stopReplication();
}, 180_000);

afterAll(async () => {
  const total = Object.values(violations).reduce((n, v) => n + v.length, 0);
  console.log(
    `access endpoints=${counts.endpoints} combinations=${counts.combinations.size} requests=${counts.requests} violations=${total} ` +
      Object.entries(violations).map(([property, found]) => `${property}=${found.length}`).join(' '),
  );
  await scenario?.stop();
});

const apps = SCENARIO_COUNTRIES.flatMap((country) => SCENARIO_SERVICES.map((service) => [country, service] as [ScenarioCountry, ScenarioService]));

describe.each(apps)('access on %s %s', (country, service) => {
  it('no existence oracle, monotonic scope, no other agency’s objects, no other country’s', async () => {
    const server = scenario.app(country, service).getHttpServer() as Server;
    const docs = await rawRequest(server, { method: 'GET', path: '/api/docs-json' });
    const operations = operationsOf(docs.body as OpenApiDocument).filter((op) => !['/health'].includes(op.path) && !op.path.startsWith('/api/docs'));
    counts.endpoints += operations.length;
    // Fail closed starts here: every route says what it does, so the model can decide it.
    expect(operations.filter((op) => !op.access).map((op) => op.name)).toEqual([]);
    const before = Object.fromEntries(Object.entries(violations).map(([property, list]) => [property, list.length]));

    for (const operation of operations) {
      if (operation.access?.public) {
        await checkPublic(server, operation, `${operation.name} on ${country}`);
        continue;
      }
      const owned = operation.pathParams.length > 0;
      const targets: Target[] = owned ? ['A', 'B', 'unknown'] : ['none'];
      const cache = new Map<string, Answer>();
      const ask = async (roles: Role[], claim: Claim, tokenCountry: string, target: Target): Promise<Answer> => {
        const key = `${roles.join('+')}|${claim}|${tokenCountry}|${target}`;
        const known = cache.get(key);
        if (known) return known;
        const response = await send(server, operation, roles, claim, tokenCountry, target);
        counts.requests += 1;
        const answer = { status: response.status, type: (response.body as { type?: string } | undefined)?.type };
        cache.set(key, answer);
        return answer;
      };
      // Every role combination, each against every owner; the agency claim and the token's country
      // are drawn (seeded) per combination, so all of them occur across the 255.
      const drawn = fc.sample(fc.tuple(fc.constantFrom(...CLAIMS), fc.constantFrom(...COUNTRIES)), { seed: seedOf(`${country} ${operation.name}`, BASE_SEED), numRuns: ROLE_SETS.length });
      const shapes = ROLE_SETS.map((roles, i) => [roles, ...drawn[i]] as const);
      await inPool(shapes, CONCURRENCY, async ([roles, claim, tokenCountry]) => {
        counts.combinations.add(`${roles.join('+')}|${claim}|${tokenCountry}`);
        const who = `${operation.name} on ${country} as ${tokenCountry} [${roles.join(', ')}] agency=${claim}`;
        const answers = new Map<Target, Answer>();
        for (const target of targets) answers.set(target, await ask(roles, claim, tokenCountry, target));

        // (a) An object the token may not see answers exactly as an id nobody knows.
        if (owned) {
          const unknown = answers.get('unknown')!;
          for (const owner of ['A', 'B'] as const) {
            const seen = answers.get(owner)!;
            if (isRefused(seen) && (seen.status !== unknown.status || seen.type !== unknown.type)) {
              violations['a-existence-oracle'].push(`${who}: ${owner}'s object ${seen.status} ${seen.type}, unknown id ${unknown.status} ${unknown.type}`);
            }
          }
        }
        // (b) A set of roles reaches no object that none of its roles alone reaches.
        if (roles.length > 1) {
          for (const target of targets) {
            if (isRefused(answers.get(target)!)) continue;
            const alone = await Promise.all(roles.map((role) => ask([role], claim, tokenCountry, target)));
            if (alone.every(isRefused)) {
              violations['b-monotonic-scope'].push(`${who} on ${target}: allowed (${answers.get(target)!.status}) though each role alone is refused (${alone.map((a) => a.status).join(', ')})`);
            }
          }
        }
        // (c) Naming one agency never reaches the other's object (job orders are nobody's).
        if (owned && (claim === 'A' || claim === 'B') && !SHARED_RESOURCES.has(operation.access?.resource ?? '')) {
          const other: Owner = claim === 'A' ? 'B' : 'A';
          const answer = answers.get(other)!;
          if (!isRefused(answer)) violations['c-other-agency'].push(`${who} on ${other}'s object: ${answer.status}`);
        }
        // (d) A third country never reaches KH's objects.
        if (owned && tokenCountry === 'LA') {
          for (const owner of ['A', 'B'] as const) {
            const answer = answers.get(owner)!;
            if (!isRefused(answer)) violations['d-other-country'].push(`${who} on ${owner}'s object: ${answer.status}`);
          }
        }
      });
    }

    const found = Object.entries(violations).flatMap(([property, list]) => list.slice(before[property]).map((v) => `[${property}] ${v}`));
    if (found.length) throw new Error(`${found.length} access violation(s) on ${country} ${service}:\n${found.slice(0, 60).map((v) => `  - ${v}`).join('\n')}${found.length > 60 ? `\n  … and ${found.length - 60} more` : ''}`);
  });
});

async function send(server: Server, operation: Operation, roles: Role[], claim: Claim, tokenCountry: string, target: Target) {
  const agency = claim === 'none' ? undefined : claim === 'made-up' ? MADE_UP_AGENCY : claim === 'other-country' ? otherCountryAgency : scenario.agencyOf(claim);
  const idOf = (resource: string) => (target === 'A' || target === 'B' ? scenario.ids[resource]?.[target] : undefined) ?? scenario.unknownId;
  const path = withRequiredQuery(operation, concretePath(operation, idOf));
  const write = WRITE_METHODS.includes(operation.method);
  return rawRequest(server, {
    method: operation.method,
    path,
    headers: { Authorization: scenario.tokens.as(tokenCountry, roles, agency) },
    contentType: write ? 'application/json' : undefined,
    body: write ? '{"__probe":1}' : undefined,
  });
}

/** The path with an example value for each required query parameter. */
function withRequiredQuery(operation: Operation, path: string): string {
  const query = operation.queryParams.filter((q) => q.required).map((q) => `${encodeURIComponent(q.name)}=${encodeURIComponent(String(exampleOf(q.schema, undefined, q.name)))}`);
  return `${path}${query.length ? `?${query.join('&')}` : ''}`;
}

/**
 * A public route (a border officer checking a clearance, a migrant looking up an agency, with no
 * login) answers everyone alike: no token, a forged one, another country's officer with every role. Anything else would make
 * the token an oracle, or lock out the people the route is for.
 */
async function checkPublic(server: Server, operation: Operation, who: string): Promise<void> {
  const path = withRequiredQuery(operation, operation.path);
  const callers: Record<string, string | undefined> = {
    'no token': undefined,
    'a forged token': 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged',
    'an LA officer with every role': scenario.tokens.as('LA', [...ROLES]),
  };
  const answers: Record<string, string> = {};
  for (const [caller, authorization] of Object.entries(callers)) {
    const response = await rawRequest(server, { method: operation.method, path, headers: authorization ? { Authorization: authorization } : {} });
    counts.requests += 1;
    answers[caller] = `${response.status} ${JSON.stringify(response.body)}`;
    // A path naming an object (a licence number, a reference) that nobody knows is a 404 for everyone alike; the answers are compared below.
    const refused = REFUSED_STATUSES.has(response.status) && !(response.status === 404 && operation.pathParams.length > 0);
    if (refused) violations['a-existence-oracle'].push(`${who}: public, yet ${caller} is refused (${response.status})`);
  }
  if (new Set(Object.values(answers)).size !== 1) violations['a-existence-oracle'].push(`${who}: public, yet the answer depends on the caller: ${JSON.stringify(answers)}`);
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}
