import { randomBytes } from 'node:crypto';
import { isoDay } from '@corridor/reference-data';
import { aWorkerRegistration, bearer, eventually } from '@corridor/testing';

/**
 * Drives journeys through every stage that exists, over the services' public HTTP APIs, as a
 * ministry would while faults hit the platform. A journey is a list of steps; each step says
 * which events it causes and on which node's journey timeline each must appear, so the suite
 * knows exactly what every timeline should hold. A new stage adds its steps to JOURNEY_STEPS.
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

/** Recruitment and contracts, as far as they exist: the order a real journey takes. */
export const JOURNEY_STEPS: JourneyStep[] = [
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

/** What every timeline of a journey must hold, in order, once all its steps are done. */
export function expectedTimeline(steps: JourneyStep[], country: Country): string[] {
  return steps.flatMap((s) => s.events.filter((e) => e.on.includes(country)).map((e) => `corridor.v1.${e.type}`));
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
          generation++;
          inProgressSince = undefined;
        }
      } else if (answer.status === 400) {
        throw new BadRequest(`${step.name}: 400 ${answer.body.detail ?? JSON.stringify(answer.body)}`);
      } else if (answer.status >= 400 && answer.status < 500) {
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
    const count = expectedTimeline(done, country).length;
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
  return { index, jobOrderId, workerName, registration: aWorkerRegistration({ fullNameLatin: workerName, occupationIsco: '8153' }), stepsDone: 0 };
}
