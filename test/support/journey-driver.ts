import { randomBytes } from 'node:crypto';
import { isoDay } from '@corridor/reference-data';
import { aWorkerRegistration, bearer, eventually } from '@corridor/testing';

/**
 * Drives journeys through every stage that exists, over the services' public HTTP APIs, as a
 * ministry would while faults hit the platform. A journey is a list of steps; each step says
 * which events it causes and on which node's journey timeline each must appear, so the suite
 * knows exactly what every timeline should hold. A new stage adds its steps to JOURNEY_STEPS
 * (RECRUITMENT_AND_CONTRACT_STEPS is the shorter journey of suites that run only those services).
 *
 * Writes carry an Idempotency-Key, kept across retries: a request whose answer was lost (the
 * service was killed, Postgres restarted) is sent again under the same key and either replayed
 * or done once. A key left "in progress" by a process killed mid-request is given up after a
 * while and the step sent under a new key: the domain's own rules then refuse a second effect
 * (a worker registered twice, a contract signed twice), which the step recognises as done.
 */

export type Country = 'KH' | 'TH';

export interface Answer {
  status: number;
  body: Record<string, unknown> & { type?: string; detail?: string };
}

/** Where each service of each node answers (changes never: a restarted process keeps its port). */
export type ServiceUrls = Record<Country, Record<string, string>>;

export interface JourneyContext {
  readonly index: number;
  readonly jobOrderId: string;
  /** A name no other journey has, so a lost registration answer can be found again. */
  readonly workerName: string;
  /** The registration, made once: a retry must send the same body (same document number). */
  readonly registration: Record<string, unknown>;
  /** Steps done so far (for progress reports). */
  stepsDone: number;
  /** Set by the caller when the journey ended with an error. */
  gaveUp?: boolean;
  workerId?: string;
  journeyId?: string;
  contractId?: string;
  sessionId?: string;
  /** Refusals the domain recorded as events (exit clearance refused), by step index: they are on the timelines too. */
  refusals: Record<number, number>;
}

export interface ExpectedEvent {
  /** The event type, without the `corridor.v1.` prefix. */
  type: string;
  /** The nodes whose journey timeline must show it (once). */
  on: Country[];
}

export interface JourneyStep {
  name: string;
  stage: string;
  events: ExpectedEvent[];
  /** Sends the step once under `key`. */
  send(api: CorridorApi, journey: JourneyContext, key: string): Promise<Answer>;
  /** Takes what the step's success answer says (ids) into the journey. */
  accept?(journey: JourneyContext, answer: Answer): void;
  /**
   * The domain refused the step because it is already done (an earlier attempt whose answer was
   * lost): recover what `accept` would have taken, or return false if it is not that.
   */
  alreadyDone?(api: CorridorApi, journey: JourneyContext, answer: Answer): Promise<boolean>;
  /**
   * For a write the domain would do twice (a second enrolment, a second remittance): whether its
   * effect exists already, asked before a key left "in progress" is given up for a new one.
   */
  done?(api: CorridorApi, journey: JourneyContext): Promise<boolean>;
  /** Asked before each attempt: false while what the step needs has not reached the node (nothing is sent then). */
  ready?(api: CorridorApi, journey: JourneyContext): Promise<boolean>;
  /** A refusal the domain records as an event: each answer of this problem type puts these events on the timelines, before the step's own. */
  recordedRefusal?: { problem: string; events: ExpectedEvent[] };
  /**
   * The step's events come from different services (a return and the case it opens at origin),
   * so their order against each other is not defined; against the other steps' it is.
   */
  eventsUnordered?: boolean;
}

const KH_MINISTRY = bearer('KH', ['ministry-officer']);
const TH_OFFICER = bearer('TH', ['destination-officer'], undefined, 'officer-th-1');
export const TOKENS: Record<Country, string> = { KH: KH_MINISTRY, TH: TH_OFFICER };

/** The platform's HTTP APIs: a transport failure is an answer with status 0 (the caller retries). */
export class CorridorApi {
  constructor(private readonly urls: ServiceUrls) {}

  async call(method: 'GET' | 'POST', country: Country, service: string, path: string, body?: unknown, key?: string): Promise<Answer> {
    try {
      const response = await fetch(`${this.urls[country][service]}${path}`, {
        method,
        headers: { authorization: TOKENS[country], 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      let parsed: Answer['body'] = {};
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        parsed = { detail: text.slice(0, 200) };
      }
      return { status: response.status, body: parsed };
    } catch (error) {
      return { status: 0, body: { detail: (error as Error).message } };
    }
  }

  post(country: Country, service: string, path: string, body: unknown, key: string): Promise<Answer> {
    return this.call('POST', country, service, path, body, key);
  }

  get(country: Country, service: string, path: string): Promise<Answer> {
    return this.call('GET', country, service, path);
  }
}

const problemName = (answer: Answer) => String(answer.body.type ?? '').split('/').pop() ?? '';
const today = () => isoDay();

/** A contract step that may only have been refused because the contract already moved past it. */
async function contractShows(api: CorridorApi, journey: JourneyContext, country: Country, check: (contract: Answer['body']) => boolean): Promise<boolean> {
  const contract = await api.get(country, 'contracts', `/api/v1/contracts/${journey.contractId}`);
  return contract.status === 200 && check(contract.body);
}

const signatures = (contract: Answer['body']) => (contract.signatures as { party: string }[] | undefined) ?? [];
const verifiedBy = (contract: Answer['body']) => ((contract.verifications as { country: string }[] | undefined) ?? []).map((v) => v.country);

/** Recruitment and contracts: a worker registered and matched, the contract signed and verified by both sides. */
export const RECRUITMENT_AND_CONTRACT_STEPS: JourneyStep[] = [
  {
    name: 'KH registers the worker',
    stage: 'recruitment',
    events: [{ type: 'WorkerRegistered', on: ['KH'] }],
    send: (api, j, key) => api.post('KH', 'recruitment', '/api/v1/workers', j.registration, key),
    accept: (j, a) => {
      j.workerId = a.body.workerId as string;
      j.journeyId = a.body.journeyId as string;
    },
    async alreadyDone(api, j, answer) {
      if (answer.status !== 409) return false;
      const found = await api.get('KH', 'recruitment', `/api/v1/workers?name=${encodeURIComponent(j.workerName)}&purpose=${encodeURIComponent('find a registration whose answer was lost')}`);
      const worker = (found.body as unknown as { workerId: string; journeyId: string }[])[0];
      if (found.status !== 200 || !worker) return false;
      j.workerId = worker.workerId;
      j.journeyId = worker.journeyId;
      return true;
    },
  },
  {
    name: 'KH matches the worker to the TH job order',
    stage: 'recruitment',
    events: [{ type: 'WorkerMatched', on: ['KH', 'TH'] }],
    send: (api, j, key) => api.post('KH', 'recruitment', `/api/v1/job-orders/${j.jobOrderId}/matches`, { workerId: j.workerId }, key),
    alreadyDone: async (_api, _j, answer) => answer.status === 409 && /already/.test(problemName(answer)),
  },
  {
    name: 'KH drafts the contract',
    stage: 'contracts',
    events: [{ type: 'ContractDrafted', on: ['KH', 'TH'] }],
    send: (api, j, key) => api.post('KH', 'contracts', '/api/v1/contracts', { journeyId: j.journeyId }, key),
    accept: (j, a) => {
      j.contractId = a.body.contractId as string;
    },
    async alreadyDone(api, j, answer) {
      if (answer.status !== 409) return false;
      const list = await api.get('KH', 'contracts', `/api/v1/contracts?journeyId=${j.journeyId}`);
      const contract = ((list.body.items as { contractId: string }[] | undefined) ?? [])[0];
      if (!contract) return false;
      j.contractId = contract.contractId;
      return true;
    },
  },
  {
    name: 'the worker signs at origin',
    stage: 'contracts',
    events: [{ type: 'ContractSigned', on: ['KH', 'TH'] }],
    send: (api, j, key) => api.post('KH', 'contracts', `/api/v1/contracts/${j.contractId}/signatures`, { party: 'worker', signedOn: today() }, key),
    alreadyDone: (api, j) => contractShows(api, j, 'KH', (c) => signatures(c).some((s) => s.party === 'worker')),
  },
  {
    name: 'the employer signs at destination',
    stage: 'contracts',
    events: [{ type: 'ContractSigned', on: ['KH', 'TH'] }],
    send: (api, j, key) => api.post('TH', 'contracts', `/api/v1/contracts/${j.contractId}/signatures`, { party: 'employer', signedOn: today() }, key),
    alreadyDone: (api, j) => contractShows(api, j, 'TH', (c) => signatures(c).some((s) => s.party === 'employer')),
  },
  {
    name: 'KH verifies the contract',
    stage: 'contracts',
    events: [{ type: 'ContractVerified', on: ['KH', 'TH'] }],
    send: (api, j, key) => api.post('KH', 'contracts', `/api/v1/contracts/${j.contractId}/verifications`, {}, key),
    alreadyDone: (api, j) => contractShows(api, j, 'KH', (c) => verifiedBy(c).includes('KH')),
  },
  {
    name: 'TH verifies the contract',
    stage: 'contracts',
    events: [{ type: 'ContractVerified', on: ['KH', 'TH'] }],
    send: (api, j, key) => api.post('TH', 'contracts', `/api/v1/contracts/${j.contractId}/verifications`, {}, key),
    alreadyDone: (api, j) => contractShows(api, j, 'TH', (c) => verifiedBy(c).includes('TH')),
  },
];

/** Where a deployment stands at one end (undefined: not there yet). */
async function deploymentStatus(api: CorridorApi, journey: JourneyContext, country: Country): Promise<string | undefined> {
  const answer = await api.get(country, 'deployment', `/api/v1/deployments/${journey.journeyId}`);
  return answer.status === 200 ? String(answer.body.status) : undefined;
}

/** A deployment step refused because the deployment already moved past it (an earlier attempt whose answer was lost). */
const deploymentPast = (country: Country, statuses: string[]) => async (api: CorridorApi, journey: JourneyContext, answer: Answer) =>
  answer.status === 409 && statuses.includes((await deploymentStatus(api, journey, country)) ?? '');

/** A record of the journey exists in a list (an enrolment, a remittance): the write was done. */
const listed = (country: Country, service: string, path: string) => async (api: CorridorApi, journey: JourneyContext) => {
  const answer = await api.get(country, service, `${path}?journeyId=${journey.journeyId}`);
  return answer.status === 200 && Number(answer.body.total ?? 0) > 0;
};

const BOTH: Country[] = ['KH', 'TH'];
const corridorOf = (j: JourneyContext) => ({ journeyId: j.journeyId, origin: 'KH', destination: 'TH' });

/**
 * Orientation and deployment: the worker completes pre-departure orientation, KH records the
 * insurance and grants exit clearance, the worker departs and crosses at Poipet, TH confirms the
 * arrival and issues the work permit (the requests of tools/demo/demo.ts).
 */
export const DEPLOYMENT_STEPS: JourneyStep[] = [
  {
    name: 'KH schedules an orientation session for the worker',
    stage: 'recruitment',
    // A session is keyed by its own id, not by a journey: nothing on the timelines.
    events: [],
    send: (api, _j, key) => api.post('KH', 'recruitment', '/api/v1/orientation-sessions', { heldOn: today(), place: 'Migrant Worker Resource Centre, Battambang', topics: ['rights-and-obligations', 'employment-contract', 'fees-and-debt'] }, key),
    accept: (j, a) => {
      j.sessionId = a.body.sessionId as string;
    },
  },
  {
    name: 'the worker attends it',
    stage: 'recruitment',
    events: [{ type: 'OrientationAttended', on: BOTH }],
    send: (api, j, key) => api.post('KH', 'recruitment', `/api/v1/orientation-sessions/${j.sessionId}/attendance`, { workerId: j.workerId }, key),
    alreadyDone: async (_api, _j, answer) => answer.status === 409 && problemName(answer) === 'attendance-already-recorded',
  },
  {
    name: 'KH completes the session',
    stage: 'recruitment',
    events: [{ type: 'OrientationCompleted', on: BOTH }],
    send: (api, j, key) => api.post('KH', 'recruitment', `/api/v1/orientation-sessions/${j.sessionId}/completion`, {}, key),
    alreadyDone: async (_api, _j, answer) => answer.status === 409 && answer.body.currentState === 'completed',
  },
  {
    name: 'KH records the pre-departure insurance',
    stage: 'deployment',
    events: [{ type: 'PreDepartureInsuranceRecorded', on: BOTH }],
    send: (api, j, key) =>
      api.post('KH', 'deployment', `/api/v1/deployments/${j.journeyId}/insurance`, { insurer: 'Forte Insurance Cambodia', policyNumber: `MW-${j.registration.documentNumber as string}`, coveredFrom: today(), coveredTo: '2030-12-31' }, key),
  },
  {
    name: 'KH grants exit clearance',
    stage: 'deployment',
    events: [{ type: 'ExitClearanceGranted', on: BOTH }],
    // Until KH deployment has every condition from the other stages' events, the answer is a
    // refusal, and the refusal is an event of the journey on both timelines.
    recordedRefusal: { problem: 'exit-clearance-refused', events: [{ type: 'ExitClearanceRefused', on: BOTH }] },
    send: (api, j, key) => {
      const r = j.registration;
      const identity = { fullName: r.fullName, fullNameLatin: r.fullNameLatin, birthDate: r.birthDate, documentType: r.documentType, documentNumber: r.documentNumber, documentExpiry: r.documentExpiry, nationality: r.nationality };
      return api.post('KH', 'deployment', `/api/v1/deployments/${j.journeyId}/clearance`, { identity }, key);
    },
    alreadyDone: async (_api, _j, answer) => answer.status === 409 && problemName(answer) === 'already-cleared',
  },
  {
    name: 'the worker departs by road towards Poipet',
    stage: 'deployment',
    events: [{ type: 'DepartureRecorded', on: BOTH }],
    send: (api, j, key) => api.post('KH', 'deployment', `/api/v1/deployments/${j.journeyId}/departure`, { departedOn: today(), means: 'road', plannedCheckpoint: 'KH-TH-POIPET' }, key),
    alreadyDone: deploymentPast('KH', ['departed', 'crossed', 'arrived', 'working']),
  },
  {
    name: 'KH immigration records the crossing',
    stage: 'deployment',
    events: [{ type: 'BorderCrossed', on: BOTH }],
    send: (api, j, key) => api.post('KH', 'deployment', `/api/v1/deployments/${j.journeyId}/crossing`, { checkpoint: 'KH-TH-POIPET', crossedOn: today(), direction: 'outbound' }, key),
    alreadyDone: deploymentPast('KH', ['crossed', 'arrived', 'working']),
  },
  {
    name: 'TH confirms the arrival at the employer',
    stage: 'deployment',
    events: [{ type: 'ArrivalConfirmed', on: BOTH }],
    // Not before TH deployment has the crossing (an arrival from "departed" is allowed too, and the crossing would then come after it).
    ready: async (api, j) => ['crossed', 'arrived', 'working'].includes((await deploymentStatus(api, j, 'TH')) ?? ''),
    send: (api, j, key) => api.post('TH', 'deployment', `/api/v1/deployments/${j.journeyId}/arrival`, { arrivedOn: today(), employerName: 'Rayong Garments Co., Ltd.' }, key),
    alreadyDone: deploymentPast('TH', ['arrived', 'working']),
  },
  {
    name: 'TH issues the work permit',
    stage: 'deployment',
    events: [{ type: 'WorkPermitIssued', on: BOTH }],
    send: (api, j, key) => api.post('TH', 'deployment', `/api/v1/deployments/${j.journeyId}/permit`, { permitNumber: `WP-TH-${j.registration.documentNumber as string}`, permitType: 'work-permit-and-visa', issuedOn: today() }, key),
    alreadyDone: deploymentPast('TH', ['working']),
  },
];

/** Social protection abroad: TH enrols the worker in the migrant health insurance, KH records a remittance. */
export const SOCIAL_PROTECTION_STEPS: JourneyStep[] = [
  {
    name: 'TH enrols the worker in the migrant health insurance',
    stage: 'social-protection',
    events: [{ type: 'SchemeEnrolmentRecorded', on: BOTH }],
    send: (api, j, key) => api.post('TH', 'social-protection', '/api/v1/enrolments', { ...corridorOf(j), schemeCode: 'TH-MOPH-MIGRANT', memberNumber: `MIG-${j.registration.documentNumber as string}`, coverageFrom: today() }, key),
    done: listed('TH', 'social-protection', '/api/v1/enrolments'),
  },
  {
    name: 'KH records a remittance home',
    stage: 'social-protection',
    events: [{ type: 'RemittanceRecorded', on: BOTH }],
    send: (api, j, key) => api.post('KH', 'social-protection', '/api/v1/remittances', { ...corridorOf(j), sentOn: today(), amountMinor: 800_000, currency: 'THB', feeMinor: 16_000, channel: 'agent' }, key),
    done: listed('KH', 'social-protection', '/api/v1/remittances'),
  },
];

/** Return: TH reports the early return home; KH opens the reintegration case on it. */
export const RETURN_STEPS: JourneyStep[] = [
  {
    name: 'TH reports the early return through Poipet',
    stage: 'reintegration',
    events: [
      { type: 'ReturnRecorded', on: BOTH },
      { type: 'ReintegrationCaseOpened', on: ['KH'] },
    ],
    eventsUnordered: true,
    send: (api, j, key) => api.post('TH', 'reintegration', '/api/v1/returns', { journeyId: j.journeyId, status: 'happened', type: 'early', returnDate: today(), checkpoint: 'Poipet', reason: 'end of work before the contract' }, key),
    alreadyDone: async (_api, _j, answer) => answer.status === 409 && problemName(answer) === 'return-already-recorded',
  },
];

/** Every stage that exists, in the order a real journey takes them. */
export const JOURNEY_STEPS: JourneyStep[] = [...RECRUITMENT_AND_CONTRACT_STEPS, ...DEPLOYMENT_STEPS, ...SOCIAL_PROTECTION_STEPS, ...RETURN_STEPS];


const typesOn = (events: ExpectedEvent[], country: Country) => events.filter((e) => e.on.includes(country)).map((e) => `corridor.v1.${e.type}`);

/**
 * What a timeline of a journey must hold once `steps` are done, step by step: each step's
 * recorded refusals (as many as the journey was answered, when it is given), then its events.
 */
export function expectedSteps(steps: JourneyStep[], country: Country, journey?: Pick<JourneyContext, 'refusals'>): string[][] {
  return steps.map((step, index) => {
    const refused = step.recordedRefusal ? Array.from({ length: journey?.refusals[index] ?? 0 }, () => typesOn(step.recordedRefusal!.events, country)).flat() : [];
    return [...refused, ...typesOn(step.events, country)];
  });
}

/** What every timeline of a journey must hold, in order, once all its steps are done. */
export function expectedTimeline(steps: JourneyStep[], country: Country, journey?: Pick<JourneyContext, 'refusals'>): string[] {
  return expectedSteps(steps, country, journey).flat();
}

/**
 * Whether `seen` is `expected` in the order of the steps: event for event, except within a step
 * whose events come from different services (`eventsUnordered`), where only the set counts.
 */
export function inStepOrder(steps: JourneyStep[], expected: string[][], seen: string[]): boolean {
  if (seen.length !== expected.flat().length) return false;
  let at = 0;
  return expected.every((group, index) => {
    const part = seen.slice(at, (at += group.length));
    return steps[index].eventsUnordered ? JSON.stringify([...part].sort()) === JSON.stringify([...group].sort()) : JSON.stringify(part) === JSON.stringify(group);
  });
}

export interface DriverOptions {
  /** How long one step may keep failing (faults included) before the journey is given up. */
  stepDeadlineMs: number;
  /** How long a key may stay "in progress" (its request died with a killed process) before a new key is used. */
  inProgressGraceMs: number;
  /** Pause between attempts. */
  retryMs: number;
  /** True once the journey should give up (the suite is over). */
  stop?: () => boolean;
}

export interface JourneyOutcome {
  journey: JourneyContext;
  completedSteps: number;
  attempts: number;
  error?: string;
}

/**
 * Runs one journey through `steps`. After each step it waits until the step's events are on the
 * timelines the step names, before the next: the per-journey order on every timeline is then
 * the order of the steps, which the suite checks. Polls with eventually() (no fixed sleeps),
 * sending at most one attempt per `retryMs`.
 */
/** The step's request itself is wrong (a bug of the driver or of the API): not worth a retry. */
class BadRequest extends Error {}

export async function driveJourney(api: CorridorApi, journey: JourneyContext, steps: JourneyStep[], options: DriverOptions): Promise<JourneyOutcome> {
  const runId = randomBytes(4).toString('hex');
  let attempts = 0;
  for (const [index, step] of steps.entries()) {
    let generation = 0;
    let inProgressSince: number | undefined;
    let nextAttemptAt = 0;
    let last: Answer | undefined;
    const attempt = async (): Promise<true | undefined> => {
      // eventually() retries what throws: a stop ends the wait, and is told apart after it.
      if (options.stop?.()) return true;
      if (Date.now() < nextAttemptAt) return undefined;
      nextAttemptAt = Date.now() + options.retryMs;
      if (step.ready && !(await step.ready(api, journey))) return undefined;
      attempts++;
      const answer = await step.send(api, journey, `fault-${runId}-${journey.index}-${index}-${generation}`);
      last = answer;
      if (answer.status >= 200 && answer.status < 300) {
        step.accept?.(journey, answer);
        return true;
      }
      const name = problemName(answer);
      if (answer.status === 409 && name === 'idempotency-key-in-progress') {
        inProgressSince ??= Date.now();
        if (Date.now() - inProgressSince > options.inProgressGraceMs) {
          if (step.done && (await step.done(api, journey))) return true;
          generation++;
          inProgressSince = undefined;
        }
      } else if (answer.status === 400) {
        throw new BadRequest(`${step.name}: 400 ${answer.body.detail ?? JSON.stringify(answer.body)}`);
      } else if (answer.status >= 400 && answer.status < 500) {
        if (step.recordedRefusal && name === step.recordedRefusal.problem) {
          journey.refusals[index] = (journey.refusals[index] ?? 0) + 1;
          // The refusal is an event of the journey: give the other node's replica time before the next.
          nextAttemptAt = Date.now() + 5 * options.retryMs;
        }
        if (step.alreadyDone && (await step.alreadyDone(api, journey, answer))) return true;
        // Refused for now (the other node's replica has not arrived, a fault in between): the
        // refusal is stored under the key, so the next attempt needs a new one.
        generation++;
      }
      return undefined;
    };
    let badRequest: BadRequest | undefined;
    const attemptOrStop = async () => {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof BadRequest)) throw error;
        badRequest = error;
        return true;
      }
    };
    try {
      await eventually(attemptOrStop, options.stepDeadlineMs, `journey ${journey.index}: step "${step.name}"`);
      if (badRequest) throw badRequest;
      await waitForStepOnTimelines(api, journey, steps.slice(0, index + 1), options);
      if (options.stop?.()) return { journey, completedSteps: index, attempts, error: 'stopped: the suite ended' };
      journey.stepsDone = index + 1;
    } catch (error) {
      const lastAnswer = last as Answer | undefined;
      const detail = lastAnswer ? `; last answer ${lastAnswer.status} ${lastAnswer.body.type ?? ''} ${lastAnswer.body.detail ?? ''}` : '';
      return { journey, completedSteps: index, attempts, error: `${(error as Error).message}${detail}` };
    }
  }
  return { journey, completedSteps: steps.length, attempts };
}

export interface TimelineEntry {
  eventId: string;
  eventType: string;
}

export async function readTimeline(api: CorridorApi, country: Country, journeyId: string): Promise<TimelineEntry[] | undefined> {
  const answer = await api.get(country, 'journey', `/api/v1/journeys/${journeyId}/timeline`);
  return answer.status === 200 ? (answer.body.entries as TimelineEntry[]) : undefined;
}

async function waitForStepOnTimelines(api: CorridorApi, journey: JourneyContext, done: JourneyStep[], options: DriverOptions): Promise<void> {
  const timeoutMs = options.stepDeadlineMs;
  for (const country of ['KH', 'TH'] as const) {
    const count = expectedTimeline(done, country, journey).length;
    if (!count) continue;
    let nextReadAt = 0;
    await eventually(
      async () => {
        if (Date.now() < nextReadAt) return undefined;
        nextReadAt = Date.now() + 250;
        if (options.stop?.()) return true;
        return ((await readTimeline(api, country, journey.journeyId!))?.length ?? 0) >= count ? true : undefined;
      },
      timeoutMs,
      `journey ${journey.index}: ${count} event(s) on the ${country} timeline`,
    );
  }
}

/** Latin letters only (the registration refuses digits in a name). */
const letters = (n: number) => n.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));

export function newJourney(index: number, jobOrderId: string): JourneyContext {
  const workerName = `Fault ${letters(randomBytes(4).readUInt32BE(0))} ${letters(index)}`;
  return { index, jobOrderId, workerName, registration: aWorkerRegistration({ fullNameLatin: workerName, occupationIsco: '8153' }), stepsDone: 0, refusals: {} };
}
