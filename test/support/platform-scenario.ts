import type { INestApplication } from '@nestjs/common';
import { clearForDeparture, deploymentOnTh } from './deployment-steps';
import { addDays, isoDay } from '@corridor/reference-data';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '@corridor/auth';
import type { CorridorEventServer } from '@corridor/messaging';
import { aWorkerRegistration, bearer, eventually, worseContractTerms } from '@corridor/testing';
import { startCountryNodes, type CountryNode } from './country-nodes';

/**
 * One object of every resource type for each of two licensed KH agencies, A and B, made through
 * the HTTP APIs only, on KH (origin) and TH (destination) nodes started in-process on throw-away
 * databases. The generated suites (test/generated) bind every declared endpoint to these ids.
 *
 * Lives in test/support, not libs/testing: it starts the service apps, and a lib may not import a
 * service (eslint.config.mjs, module boundaries).
 */

export type Owner = 'A' | 'B';
export const OWNERS: readonly Owner[] = ['A', 'B'];
export const SCENARIO_COUNTRIES = ['KH', 'TH'] as const;
export type ScenarioCountry = (typeof SCENARIO_COUNTRIES)[number];
/** The services every country node of the scenario runs (startCountryNodes withContracts); the stage-service generator adds its service. */
export const SCENARIO_SERVICES = ['recruitment', 'contracts', 'journey', 'deployment', 'social-protection', 'reintegration'] as const;
export type ScenarioService = (typeof SCENARIO_SERVICES)[number];

export interface ScenarioApp {
  country: ScenarioCountry;
  service: ScenarioService;
  app: INestApplication;
}

/** What a builder may use: the apps, tokens, and what was built before it for the same owner. */
export interface BuildStep {
  owner: Owner;
  app(country: ScenarioCountry, service: ScenarioService): INestApplication;
  tokens: ScenarioTokens;
  /** Ids built so far for this owner, by resource name. */
  made: Record<string, string>;
  /** Other values a builder hands to a later one (e.g. the breach a fee raised). */
  notes: Record<string, unknown>;
}

/** Makes one object of a resource type for the step's owner, through the API, and returns its id. */
export type ResourceBuilder = (step: BuildStep) => Promise<string>;

export interface ScenarioTokens {
  /** Any token: country, roles, and optionally an agency claim. */
  as(country: string, roles: Role[], agencyId?: string): string;
  /** KH ministry officer, no agency. */
  khMinistry(): string;
  /** TH destination officer. */
  thDestination(): string;
  /** KH agency staff of agency A or B. */
  staffOf(owner: Owner): string;
}

const today = () => isoDay();

/** The scenario's tokens; `agencyOf` names the agency of owner A or B once it is built. */
export const scenarioTokensFor = (agencyOf: (owner: Owner) => string): ScenarioTokens => ({
  as: (country, roles, agencyId) => bearer(country, roles, agencyId, `probe-${country.toLowerCase()}-${roles.join('+')}${agencyId ? `-${agencyId.slice(-6)}` : ''}`),
  khMinistry: () => bearer('KH', ['ministry-officer']),
  thDestination: () => bearer('TH', ['destination-officer'], undefined, 'officer-th-1'),
  staffOf: (owner) => bearer('KH', ['agency-staff'], agencyOf(owner), `agency-${owner.toLowerCase()}-clerk`),
});

async function created(test: request.Test, what: string): Promise<Record<string, unknown>> {
  const response = await test;
  if (response.status !== 201) throw new Error(`${what} answered ${response.status}: ${response.text.slice(0, 400)}`);
  return response.body;
}

const worseTerms = worseContractTerms;

async function contractOn(step: BuildStep, country: ScenarioCountry, contractId: string, until: (c: Record<string, unknown>) => boolean) {
  const token = country === 'KH' ? step.tokens.khMinistry() : step.tokens.thDestination();
  return eventually(async () => {
    const response = await request(step.app(country, 'contracts').getHttpServer()).get(`/api/v1/contracts/${contractId}`).set('Authorization', token);
    return response.status === 200 && until(response.body) ? response.body : undefined;
  }, 30_000, `contract ${contractId} on ${country}`);
}

/** A social-protection object recorded by `at`'s officer for the step's journey, once the other end holds it too. */
async function protectionObject(step: BuildStep, at: ScenarioCountry, path: string, idField: string, body: Record<string, unknown>): Promise<string> {
  const tokenOf = (country: ScenarioCountry) => (country === 'KH' ? step.tokens.khMinistry() : step.tokens.thDestination());
  const made = await created(
    request(step.app(at, 'social-protection').getHttpServer())
      .post(path)
      .set('Authorization', tokenOf(at))
      .send({ journeyId: step.made.journey, origin: 'KH', destination: 'TH', ...body }),
    `${path} of ${step.owner}`,
  );
  const id = made[idField] as string;
  const other: ScenarioCountry = at === 'KH' ? 'TH' : 'KH';
  await eventually(async () => {
    const r = await request(step.app(other, 'social-protection').getHttpServer()).get(`${path}/${id}`).set('Authorization', tokenOf(other));
    return r.status === 200 ? true : undefined;
  }, 30_000, `${path}/${id} on ${other}`);
  return id;
}

/** Registers the step's worker at KH as its agency's staff (the registration with `overrides`). */
export const registersWorker =
  (overrides: Record<string, unknown>): ResourceBuilder =>
  async (step) => {
    const body = await created(
      request(step.app('KH', 'recruitment').getHttpServer()).post('/api/v1/workers').set('Authorization', step.tokens.staffOf(step.owner)).send(aWorkerRegistration(overrides)),
      `worker of ${step.owner}`,
    );
    step.notes.journeyId = body.journeyId;
    return body.workerId as string;
  };

/** A recruitment-service fee the worker paid the agency today; a breach it raised (above the corridor cap) goes to notes.breachId. */
export const paysFee =
  (amountMinor: number): ResourceBuilder =>
  async (step) => {
    const body = await created(
      request(step.app('KH', 'recruitment').getHttpServer())
        .post(`/api/v1/workers/${step.made.worker}/fees`)
        .set('Authorization', step.tokens.staffOf(step.owner))
        .send({ amountMinor, currency: 'THB', purpose: 'recruitment-service', payeeAgencyId: step.made.agency, paidOn: today() }),
      `fee of ${step.owner}`,
    );
    const breach = body.breach as { breachId: string } | null | undefined;
    if (breach) step.notes.breachId = breach.breachId;
    return (body.fee as { feeId: string } | undefined)?.feeId ?? (body.feeId as string);
  };

/** The step's contract signed by the worker at KH and the employer at TH, then verified by KH and TH, each step awaited on the other side. */
export async function signAndVerifyContract(step: BuildStep): Promise<void> {
  const id = step.made.contract;
  const kh = () => request(step.app('KH', 'contracts').getHttpServer());
  const th = () => request(step.app('TH', 'contracts').getHttpServer());
  await contractOn(step, 'TH', id, () => true);
  await created(kh().post(`/api/v1/contracts/${id}/signatures`).set('Authorization', step.tokens.staffOf(step.owner)).send({ party: 'worker', signedOn: today() }), 'worker signature');
  await contractOn(step, 'TH', id, (c) => (c.signatures as unknown[]).length === 1);
  await created(th().post(`/api/v1/contracts/${id}/signatures`).set('Authorization', step.tokens.thDestination()).send({ party: 'employer', signedOn: today() }), 'employer signature');
  await contractOn(step, 'KH', id, (c) => c.status === 'signed');
  await created(kh().post(`/api/v1/contracts/${id}/verifications`).set('Authorization', step.tokens.khMinistry()).send({}), 'origin verification');
  await contractOn(step, 'TH', id, (c) => c.status === 'partly-verified');
  await created(th().post(`/api/v1/contracts/${id}/verifications`).set('Authorization', step.tokens.thDestination()).send({}), 'destination verification');
}

/**
 * How each resource type is made, in the order they are made (later builders use earlier ids).
 * A new service adds its resources here, and nowhere else.
 */
export const RESOURCE_BUILDERS: Record<string, ResourceBuilder> = {
  agency: async (step) => {
    const body = await created(
      request(step.app('KH', 'recruitment').getHttpServer())
        .post('/api/v1/agencies')
        .set('Authorization', step.tokens.khMinistry())
        .send({ name: `Agency ${step.owner} Manpower Co., Ltd.`, licenceNumber: `MOLVT-${step.owner}-${uuidv7().slice(-12)}`, licenceValidFrom: '2020-01-01', licenceValidTo: '2099-12-31' }),
      `agency ${step.owner}`,
    );
    return body.agencyId as string;
  },
  worker: registersWorker({ occupationIsco: '9329' }),
  'job-order': async (step) => {
    const th = () => request(step.app('TH', 'recruitment').getHttpServer());
    const body = await created(
      th()
        .post('/api/v1/job-orders')
        .set('Authorization', step.tokens.thDestination())
        .send({
          origin: 'KH', employerName: 'Siam Frozen Foods Co., Ltd.', employerRegistrationNumber: '0105548012345', workplaceProvince: 'Samut Sakhon',
          occupationIsco: '9329', sectorIsic: '10', workersRequested: 5, wageAmountMinor: 1_040_000, wageCurrency: 'THB', wagePeriod: 'month', hoursPerDay: 8, contractMonths: 24,
          benefits: ['accommodation'],
        }),
      `job order for ${step.owner}`,
    );
    const id = body.jobOrderId as string;
    await created(th().post(`/api/v1/job-orders/${id}/approval`).set('Authorization', step.tokens.thDestination()).send({}), 'approval');
    const kh = () => request(step.app('KH', 'recruitment').getHttpServer());
    await eventually(async () => {
      const r = await kh().get(`/api/v1/job-orders/${id}`).set('Authorization', step.tokens.khMinistry());
      return r.status === 200 && r.body.status === 'approved' ? true : undefined;
    }, 30_000, `job order ${id} approved on KH`);
    await created(kh().post(`/api/v1/job-orders/${id}/verification`).set('Authorization', step.tokens.khMinistry()).send({}), 'verification');
    return id;
  },
  match: async (step) => {
    const body = await created(
      request(step.app('KH', 'recruitment').getHttpServer())
        .post(`/api/v1/job-orders/${step.made['job-order']}/matches`)
        .set('Authorization', step.tokens.staffOf(step.owner))
        .send({ workerId: step.made.worker }),
      `match of ${step.owner}`,
    );
    return body.matchId as string;
  },
  'orientation-session': async (step) => {
    const kh = () => request(step.app('KH', 'recruitment').getHttpServer());
    const body = await created(
      kh().post('/api/v1/orientation-sessions').set('Authorization', step.tokens.staffOf(step.owner)).send({ heldOn: today(), place: `Resource centre ${step.owner}`, topics: ['fees-and-debt'] }),
      `orientation session of ${step.owner}`,
    );
    const id = body.sessionId as string;
    await created(kh().post(`/api/v1/orientation-sessions/${id}/attendance`).set('Authorization', step.tokens.staffOf(step.owner)).send({ workerId: step.made.worker }), 'attendance');
    return id;
  },
  // The corridor cap defaults to zero: any fee raises a breach.
  fee: paysFee(350_000),
  'fee-breach': async (step) => step.notes.breachId as string,
  journey: async (step) => {
    const journeyId = step.notes.journeyId as string;
    await eventually(async () => {
      const r = await request(step.app('KH', 'journey').getHttpServer()).get(`/api/v1/journeys/${journeyId}/timeline`).set('Authorization', step.tokens.khMinistry());
      return r.status === 200 ? true : undefined;
    }, 30_000, `journey ${journeyId} on KH`);
    return journeyId;
  },
  contract: async (step) => {
    // The contracts service learns the job order and the match from the corridor topic.
    const response = await eventually(async () => {
      const r = await request(step.app('KH', 'contracts').getHttpServer()).post('/api/v1/contracts').set('Authorization', step.tokens.staffOf(step.owner)).send({ journeyId: step.made.journey });
      return r.status === 201 ? r : undefined;
    }, 30_000, `contract of ${step.owner} drafted`);
    return response.body.contractId as string;
  },
  'substitution-flag': async (step) => {
    // Signed and verified on both sides, then registered at destination on worse terms.
    const id = step.made.contract;
    await signAndVerifyContract(step);
    const th = () => request(step.app('TH', 'contracts').getHttpServer());
    const registered = await created(
      th().post(`/api/v1/contracts/${id}/registrations-at-destination`).set('Authorization', step.tokens.thDestination()).send({ registeredOn: today(), terms: worseTerms }),
      'registration at destination',
    );
    await contractOn(step, 'KH', id, (c) => (c.openFlags as unknown[]).length === 1);
    return registered.substitutionFlagId as string;
  },
  // Cleared for departure (flag, breach and orientation settled, insurance recorded), seen on TH.
  deployment: async (step) => {
    await clearForDeparture(step, `N${step.owner}${Date.now().toString().slice(-7)}`);
    await deploymentOnTh(step, step.made.journey);
    return step.made.journey;
  },
  // Social protection: one object of each kind per journey, recorded at one end and awaited at the
  // other, the four side by side (the first builder makes them all; the others hand out their ids).
  grievance: async (step) => {
    const [grievance, enrolment, welfareCase, remittance] = await Promise.all([
      protectionObject(step, 'KH', '/api/v1/grievances', 'grievanceId', { category: 'unpaid-wages', description: `Wages of ${step.owner}'s worker unpaid for two months`, filedOn: today() }),
      protectionObject(step, 'TH', '/api/v1/enrolments', 'enrolmentId', { schemeCode: 'TH-MOPH-MIGRANT', memberNumber: `MIG-${step.owner}-0001`, coverageFrom: today() }),
      protectionObject(step, 'TH', '/api/v1/welfare-cases', 'caseId', { kind: 'health', summary: `Health follow-up of ${step.owner}'s worker`, openedOn: today() }),
      protectionObject(step, 'KH', '/api/v1/remittances', 'remittanceId', { sentOn: today(), amountMinor: 800_000, currency: 'THB', feeMinor: 12_000, channel: 'mobile-money' }),
    ]);
    Object.assign(step.notes, { enrolment, welfareCase, remittance });
    return grievance;
  },
  enrolment: async (step) => step.notes.enrolment as string,
  'welfare-case': async (step) => step.notes.welfareCase as string,
  remittance: async (step) => step.notes.remittance as string,
  return: async (step) => {
    // The worker comes home at the end of the contract; the KH caseworker records it once KH reintegration knows the journey.
    const body = await eventually(async () => {
      const r = await request(step.app('KH', 'reintegration').getHttpServer())
        .post('/api/v1/returns')
        .set('Authorization', step.tokens.as('KH', ['caseworker']))
        .send({ journeyId: step.notes.journeyId, status: 'happened', type: 'end-of-contract', returnDate: today(), checkpoint: 'Poipet' });
      return r.status === 201 ? (r.body as Record<string, unknown>) : undefined;
    }, 30_000, `return of ${step.owner}`);
    return body.returnId as string;
  },
  'reintegration-case': async (step) =>
    eventually(async () => {
      const r = await request(step.app('KH', 'reintegration').getHttpServer()).get(`/api/v1/reintegration-cases?journeyId=${step.notes.journeyId as string}`).set('Authorization', step.tokens.as('KH', ['caseworker']));
      return r.status === 200 && r.body.total === 1 ? (r.body.items[0].caseId as string) : undefined;
    }, 30_000, `reintegration case of ${step.owner}`),
  // A referral of the case to a training provider: the case assessed and planned first (its lifecycle).
  referral: async (step) => {
    const caseId = step.made['reintegration-case'] as string;
    const post = (path: string, body: object, what: string) =>
      created(request(step.app('KH', 'reintegration').getHttpServer()).post(path).set('Authorization', step.tokens.as('KH', ['caseworker'])).send(body), `${what} of ${step.owner}`);
    const answers = { 'econ.income-sufficiency': 'very-poor', 'econ.employment': 'none', 'econ.debt-burden': 'heavy', 'social.housing': 'poor', 'social.services-access': 'fair', 'social.network': 'no', 'psy.distress': 'often', 'psy.belonging': 'poor', 'psy.discrimination': 'sometimes' };
    await post(`/api/v1/reintegration-cases/${caseId}/assessments`, { heldOn: today(), answers }, 'assessment');
    await post(`/api/v1/reintegration-cases/${caseId}/plans`, { goals: [{ dimension: 'economic', description: 'certified as a welder', targetDate: addDays(today(), 90) }] }, 'plan');
    const provider = await post('/api/v1/service-providers', { name: `Training centre of ${step.owner}`, serviceType: 'skills-training', province: 'Battambang' }, 'provider');
    const referred = await post(`/api/v1/reintegration-cases/${caseId}/referrals`, { providerId: provider.providerId, need: 'welding course', sentOn: today() }, 'referral');
    return (referred.referrals as { referralId: string }[])[0].referralId;
  },
  'mass-return': async (step) => {
    const body = await created(
      request(step.app('KH', 'reintegration').getHttpServer())
        .post('/api/v1/mass-returns')
        .set('Authorization', step.tokens.as('KH', ['caseworker']))
        .send({ checkpoint: 'Poipet', returnDate: today(), rows: [{ documentType: 'passport', documentNumber: `MR${step.owner}${uuidv7().slice(-12).toUpperCase()}`, sex: 'female', returnedFrom: 'TH' }] }),
      `mass-return list of ${step.owner}`,
    );
    return body.batchId as string;
  },
  // stage-service generator: builders of new stage services above this line
};

/** The builders of the chain before `resource`, in their order: for a suite that drives that stage and the later ones itself. */
export function buildersBefore(resource: string): Record<string, ResourceBuilder> {
  const names = Object.keys(RESOURCE_BUILDERS);
  const at = names.indexOf(resource);
  if (at < 0) throw new Error(`no builder of ${resource}`);
  return Object.fromEntries(names.slice(0, at).map((name) => [name, RESOURCE_BUILDERS[name]]));
}

export type ResourceRegistry = Record<string, Record<Owner, string>>;

/** Resources no agency owns: A's and B's are just two of them, which either agency may see. */
export const SHARED_RESOURCES: ReadonlySet<string> = new Set(['job-order']);

export interface PlatformScenario {
  apps: ScenarioApp[];
  app(country: ScenarioCountry, service: ScenarioService): INestApplication;
  /** resource → { A: id, B: id } */
  ids: ResourceRegistry;
  /** An id no node knows, the same for every resource type. */
  unknownId: string;
  agencyOf(owner: Owner): string;
  tokens: ScenarioTokens;
  /** The TypeORM DataSource of one app's own database. */
  dataSource(country: ScenarioCountry, service: ScenarioService): DataSource;
  /** One app's event consumer (to observe what it does with each record). */
  events(country: ScenarioCountry, service: ScenarioService): CorridorEventServer;
  /**
   * Stops every app's event consumer: the shared corridor topics carry every other run's events,
   * which would otherwise keep landing in these databases while a suite counts rows.
   */
  stopReplication(): Promise<void>;
  stop(): Promise<void>;
}

/** The builders' view of started country nodes: an app by country and platform-layout service name. */
export function appsOf(nodes: Record<string, CountryNode>): BuildStep['app'] {
  return (country, service) => {
    const node = nodes[country];
    const found = service === 'recruitment' || service === 'contracts' || service === 'journey' ? node?.[service] : node?.stages[service];
    if (!found) throw new Error(`no ${service} app on ${country}`);
    return found;
  };
}

/** What the chain up to a departure needs: no fee (no breach to settle), the rest as the scenario builds it. */
const UP_TO_CLEARANCE = ['agency', 'worker', 'job-order', 'match', 'orientation-session', 'journey', 'contract', 'substitution-flag'] as const;

/** How a departing worker crosses: by air through Bangkok unless the test names a road checkpoint. */
export interface Crossing {
  means: 'air' | 'road';
  plannedCheckpoint: string;
}
const BY_AIR: Crossing = { means: 'air', plannedCheckpoint: 'AIR-BKK' };

/**
 * `count` KH→TH deployments cleared and departed (by air, or the given crossing), each seen
 * departed on TH: workers whose arrival a TH officer confirms. Each worker goes through the
 * scenario chain with an agency of its own, side by side; each has its own document number (the
 * name list finds them by it).
 */
export async function departedDeployments(nodes: Record<string, CountryNode>, count: number, crossing = BY_AIR): Promise<{ journeyId: string; documentNumber: string; clearanceNumber: string }[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const cleared = await clearedDeployment(nodes);
      await departs(nodes, cleared, crossing);
      return { journeyId: cleared.journeyId, documentNumber: cleared.documentNumber, clearanceNumber: cleared.clearanceNumber };
    }),
  );
}

/** One KH→TH worker through the scenario chain (an agency of its own) up to exit clearance: the granted document (JWS) too. */
export async function clearedDeployment(nodes: Record<string, CountryNode>) {
  const app = appsOf(nodes);
  let agencyId = '';
  const step: BuildStep = { owner: 'A', app, tokens: scenarioTokensFor(() => agencyId), made: {}, notes: {} };
  for (const resource of UP_TO_CLEARANCE) {
    step.made[resource] = await RESOURCE_BUILDERS[resource](step);
    if (resource === 'agency') agencyId = step.made.agency;
  }
  const documentNumber = `D${uuidv7().replace(/-/g, '').slice(-12).toUpperCase()}`;
  const granted = await clearForDeparture(step, documentNumber);
  return { step, agencyId, journeyId: step.made.journey, documentNumber, document: granted.document as string, clearanceNumber: (granted.deployment as { clearanceNumber: string }).clearanceNumber };
}

/** The cleared worker departs today (by air, or the given crossing), and TH deployment has seen it. */
export async function departs(nodes: Record<string, CountryNode>, cleared: Awaited<ReturnType<typeof clearedDeployment>>, crossing = BY_AIR): Promise<void> {
  await created(
    request(appsOf(nodes)('KH', 'deployment').getHttpServer()).post(`/api/v1/deployments/${cleared.journeyId}/departure`).set('Authorization', cleared.step.tokens.khMinistry()).send({ departedOn: today(), ...crossing }),
    `departure of ${cleared.journeyId}`,
  );
  await deploymentOnTh(cleared.step, cleared.journeyId, (d) => d.status === 'departed');
}

export async function startPlatformScenario(
  builders: Record<string, ResourceBuilder> = RESOURCE_BUILDERS,
  stageRuntime?: NonNullable<Parameters<typeof startCountryNodes>[2]>['stageRuntime'],
): Promise<PlatformScenario> {
  const platform = await startCountryNodes([...SCENARIO_COUNTRIES], undefined, { withContracts: true, stageRuntime });
  const app = appsOf(platform.nodes);
  const apps = SCENARIO_COUNTRIES.flatMap((country) => SCENARIO_SERVICES.map((service) => ({ country, service, app: app(country, service) })));
  const agencies: Partial<Record<Owner, string>> = {};
  const agencyOf = (owner: Owner) => {
    const id = agencies[owner];
    if (!id) throw new Error(`agency ${owner} is not built yet`);
    return id;
  };
  const scenarioTokens = scenarioTokensFor(agencyOf);
  const ids: ResourceRegistry = {};
  try {
    // The two owners' chains run side by side; within a chain, builders run in their order.
    await Promise.all(
      OWNERS.map(async (owner) => {
        const step: BuildStep = { owner, app, tokens: scenarioTokens, made: {}, notes: {} };
        for (const [resource, build] of Object.entries(builders)) {
          const id = await build(step);
          if (!id) throw new Error(`builder ${resource} returned no id for ${owner}`);
          step.made[resource] = id;
          if (resource === 'agency') agencies[owner] = id;
          (ids[resource] ??= {} as Record<Owner, string>)[owner] = id;
        }
      }),
    );
  } catch (error) {
    await platform.stop().catch(() => undefined);
    throw error;
  }
  return {
    apps,
    app,
    ids,
    unknownId: uuidv7(),
    agencyOf,
    tokens: scenarioTokens,
    dataSource: (country, service) => app(country, service).get(DataSource),
    events: (country, service) => {
      const [server] = app(country, service).getMicroservices().map(eventServerOf);
      if (!server) throw new Error(`${service} on ${country} consumes no events`);
      return server;
    },
    async stopReplication() {
      for (const { app: each } of apps) {
        // The server only, not the microservice: closing that would close the app's module graph.
        for (const microservice of each.getMicroservices()) await eventServerOf(microservice).close();
      }
    },
    stop: () => platform.stop(),
  };
}

/** The transport a service's microservice runs on (create-service-app.ts connects one CorridorEventServer). */
function eventServerOf(microservice: unknown): CorridorEventServer {
  return (microservice as { serverInstance: CorridorEventServer }).serverInstance;
}
