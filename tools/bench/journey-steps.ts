import type { Role } from '@corridor/auth';
import { aWorkerRegistration } from '@corridor/testing';

/**
 * The steps of one journey the bench drives, in order, over the public HTTP APIs of two nodes. A
 * stage that comes to exist adds its steps at the end of JOURNEY_STEPS (and, if it needs
 * something made once per run, to SetupState in bench.ts); nothing else in the bench changes.
 */
export type Node = 'KH' | 'TH';

export interface Endpoint {
  node: Node;
  service: string;
  method: string;
  path: string;
  /** The path with ids replaced, e.g. /contracts/:id/signatures: latency is reported per label. */
  label: string;
}

export interface BenchApi {
  token(node: Node, roles: Role[], agencyId?: string): string;
  /** Succeeds with the answer's body; retries while `retryWhile(status)` (the other side not caught up yet). */
  call(endpoint: Endpoint, token: string, body?: unknown, retryWhile?: (status: number) => boolean): Promise<Record<string, unknown>>;
}

/** Made once per run before the journeys start. */
export interface SetupState {
  /** Verified job orders of TH employers, 5,000 workers each. */
  jobOrderIds: string[];
  agencyId: string;
  /** Bearer tokens. */
  staff: string;
  khMinistry: string;
  thOfficer: string;
  today: string;
}

/** What the steps of one journey learn on the way. */
export interface JourneyState {
  index: number;
  jobOrderId: string;
  workerId?: string;
  journeyId?: string;
  contractId?: string;
}

export interface JourneyStep {
  name: string;
  run(api: BenchApi, setup: SetupState, journey: JourneyState): Promise<void>;
}

/** Not there yet on this node, or not in the state the step needs yet: the event is still on its way. */
const catchingUp = (status: number) => status === 404 || status === 409 || status === 422;

export const JOURNEY_STEPS: JourneyStep[] = [
  {
    name: 'register',
    async run(api, setup, journey) {
      const worker = await api.call({ node: 'KH', service: 'recruitment', method: 'POST', path: '/api/v1/workers', label: '/workers' }, setup.staff, aWorkerRegistration({ occupationIsco: '9313' }));
      journey.workerId = worker.workerId as string;
      journey.journeyId = worker.journeyId as string;
    },
  },
  {
    name: 'match',
    async run(api, setup, journey) {
      await api.call(
        { node: 'KH', service: 'recruitment', method: 'POST', path: `/api/v1/job-orders/${journey.jobOrderId}/matches`, label: '/job-orders/:id/matches' },
        setup.staff,
        { workerId: journey.workerId },
      );
    },
  },
  {
    name: 'draft contract',
    async run(api, setup, journey) {
      // KH contracts drafts from its replica of the match (recruitment → Kafka → contracts).
      const contract = await api.call({ node: 'KH', service: 'contracts', method: 'POST', path: '/api/v1/contracts', label: '/contracts' }, setup.staff, { journeyId: journey.journeyId }, catchingUp);
      journey.contractId = contract.contractId as string;
    },
  },
  {
    name: 'worker signs (KH)',
    async run(api, setup, journey) {
      await api.call(
        { node: 'KH', service: 'contracts', method: 'POST', path: `/api/v1/contracts/${journey.contractId}/signatures`, label: '/contracts/:id/signatures' },
        setup.staff,
        { party: 'worker', signedOn: setup.today },
      );
    },
  },
  {
    name: 'employer signs (TH)',
    async run(api, setup, journey) {
      await api.call(
        { node: 'TH', service: 'contracts', method: 'POST', path: `/api/v1/contracts/${journey.contractId}/signatures`, label: '/contracts/:id/signatures' },
        setup.thOfficer,
        { party: 'employer', signedOn: setup.today },
        catchingUp,
      );
    },
  },
  {
    name: 'KH verifies',
    async run(api, setup, journey) {
      await api.call(
        { node: 'KH', service: 'contracts', method: 'POST', path: `/api/v1/contracts/${journey.contractId}/verifications`, label: '/contracts/:id/verifications' },
        setup.khMinistry,
        {},
        catchingUp,
      );
    },
  },
  {
    name: 'TH verifies',
    async run(api, setup, journey) {
      await api.call(
        { node: 'TH', service: 'contracts', method: 'POST', path: `/api/v1/contracts/${journey.contractId}/verifications`, label: '/contracts/:id/verifications' },
        setup.thOfficer,
        {},
        catchingUp,
      );
    },
  },
];
