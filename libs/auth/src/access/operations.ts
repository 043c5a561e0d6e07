import type { Role } from '../roles';

/** Which end of a corridor an officer acts for, relative to the object (or the node). */
export type Side = 'origin' | 'destination';

/**
 * Every operation a Corridor API offers, named `<object>.<verb>`. A route declares exactly one
 * with `@Access(...)`; the guard refuses a route that declares none.
 */
const OPERATION_TRAITS = {
  'worker.register': { personData: true, agencyLicence: true },
  'worker.search': { personData: true, agencyLicence: true },
  'worker.read': { personData: true, agencyLicence: true },
  'worker.nominate': { personData: true, agencyLicence: true },
  'worker.withdraw-consent': { personData: false, agencyLicence: false },
  'agency.register': { personData: false, agencyLicence: false },
  'agency.read': { personData: false, agencyLicence: false },
  'agency.change-licence': { personData: false, agencyLicence: false },
  'job-order.create': { personData: false, agencyLicence: false },
  'job-order.approve': { personData: false, agencyLicence: false },
  'job-order.read': { personData: false, agencyLicence: false },
  'job-order.decide': { personData: false, agencyLicence: false },
  'match.create': { personData: true, agencyLicence: true },
  'match.read': { personData: false, agencyLicence: false },
  'orientation.schedule': { personData: false, agencyLicence: true },
  'orientation.read': { personData: false, agencyLicence: false },
  'orientation.record': { personData: false, agencyLicence: false },
  'fee.record': { personData: false, agencyLicence: false },
  'fee.read': { personData: false, agencyLicence: false },
  'fee-breach.read': { personData: false, agencyLicence: false },
  'fee-breach.refund': { personData: false, agencyLicence: false },
  'fee-breach.decide': { personData: false, agencyLicence: false },
  'contract.draft': { personData: true, agencyLicence: true },
  'contract.read': { personData: false, agencyLicence: false },
  'contract.sign': { personData: false, agencyLicence: false },
  'contract.decide': { personData: false, agencyLicence: false },
  'contract.amend': { personData: false, agencyLicence: false },
  'contract.register-at-destination': { personData: false, agencyLicence: false },
  'contract.resolve-flag': { personData: false, agencyLicence: false },
  'journey.read': { personData: false, agencyLicence: false, crossNode: true },
  'audit.read': { personData: false, agencyLicence: false },
  'deployment.read': { personData: false, agencyLicence: false },
  'deployment.clear': { personData: true, agencyLicence: false },
  'deployment.record-insurance': { personData: false, agencyLicence: false },
  'deployment.revoke-clearance': { personData: false, agencyLicence: false },
  'deployment.record-movement': { personData: false, agencyLicence: false },
  'deployment.confirm-arrival': { personData: true, agencyLicence: false },
  'deployment.permit': { personData: false, agencyLicence: false },
  'deployment.change-employer': { personData: false, agencyLicence: false },
  // Social protection (services/social-protection): free text may hold person data.
  'enrolment.record': { personData: true, agencyLicence: false },
  'enrolment.read': { personData: true, agencyLicence: false },
  'grievance.file': { personData: true, agencyLicence: false },
  'grievance.read': { personData: true, agencyLicence: false },
  'grievance.handle': { personData: false, agencyLicence: false },
  'grievance.supervise': { personData: true, agencyLicence: false },
  'welfare-case.record': { personData: true, agencyLicence: false },
  'welfare-case.read': { personData: true, agencyLicence: false },
  'remittance.record': { personData: false, agencyLicence: false },
  'remittance.read': { personData: false, agencyLicence: false },
  'return.record': { personData: false, agencyLicence: false },
  'return.read': { personData: false, agencyLicence: false },
  'mass-return.upload': { personData: false, agencyLicence: false },
  'mass-return.read': { personData: false, agencyLicence: false },
  'reintegration-case.read': { personData: false, agencyLicence: false },
  'reintegration-case.manage': { personData: false, agencyLicence: false },
  'service-provider.register': { personData: false, agencyLicence: false },
  'service-provider.read': { personData: false, agencyLicence: false },
  'statistics.read': { personData: false, agencyLicence: false },
} satisfies Record<string, OperationTraits>;

export interface OperationTraits {
  /** Discloses person data or sends it across the border. */
  personData: boolean;
  /** An agency may do it only while its licence is valid today (checked where the licence is known). */
  agencyLicence: boolean;
  /**
   * The officer may be of another country than the node: the object's own visibility rules
   * (origin, destination from the first crossing) decide. Everything else is for the node's own officers.
   */
  crossNode?: boolean;
}

export type Operation = keyof typeof OPERATION_TRAITS;

export const OPERATIONS: Readonly<Record<Operation, OperationTraits>> = OPERATION_TRAITS;

export function isOperation(value: string): value is Operation {
  return Object.prototype.hasOwnProperty.call(OPERATIONS, value);
}

const ORIGIN: Side[] = ['origin'];
const DESTINATION: Side[] = ['destination'];
const EITHER: Side[] = ['origin', 'destination'];

/**
 * What each role may do, and for which side of the corridor. Roles only ever add operations;
 * which objects an operation reaches is decided by the token's narrowest claim (see access-model.ts).
 */
export const ROLE_GRANTS: Record<Role, Partial<Record<Operation, Side[]>>> = {
  'ministry-officer': {
    'deployment.read': ORIGIN,
    'deployment.clear': ORIGIN,
    'deployment.record-insurance': ORIGIN,
    'deployment.revoke-clearance': ORIGIN,
    'deployment.record-movement': ORIGIN,
    'return.record': ORIGIN,
    'return.read': ORIGIN,
    'mass-return.upload': ORIGIN,
    'mass-return.read': ORIGIN,
    'reintegration-case.read': ORIGIN,
    'service-provider.register': ORIGIN,
    'service-provider.read': ORIGIN,
    'worker.register': ORIGIN,
    'worker.search': ORIGIN,
    'worker.read': ORIGIN,
    'worker.nominate': ORIGIN,
    'worker.withdraw-consent': ORIGIN,
    'agency.register': ORIGIN,
    'agency.read': ORIGIN,
    'agency.change-licence': ORIGIN,
    'job-order.read': ORIGIN,
    'job-order.decide': ORIGIN,
    'match.create': ORIGIN,
    'match.read': ORIGIN,
    'orientation.schedule': ORIGIN,
    'orientation.read': ORIGIN,
    'orientation.record': ORIGIN,
    'fee.record': ORIGIN,
    'fee.read': ORIGIN,
    'fee-breach.read': ORIGIN,
    'fee-breach.refund': ORIGIN,
    'fee-breach.decide': ORIGIN,
    'contract.draft': ORIGIN,
    'contract.read': ORIGIN,
    'contract.sign': ORIGIN,
    'contract.decide': ORIGIN,
    'contract.amend': ORIGIN,
    'contract.resolve-flag': ORIGIN,
    'journey.read': ORIGIN,
    'enrolment.record': ORIGIN,
    'enrolment.read': ORIGIN,
    'grievance.file': ORIGIN,
    'grievance.read': ORIGIN,
    'grievance.supervise': ORIGIN,
    'welfare-case.record': ORIGIN,
    'welfare-case.read': ORIGIN,
    'remittance.record': ORIGIN,
    'remittance.read': ORIGIN,
  },
  'agency-staff': {
    'worker.register': ORIGIN,
    'worker.search': ORIGIN,
    'worker.read': ORIGIN,
    'worker.nominate': ORIGIN,
    'worker.withdraw-consent': ORIGIN,
    'agency.read': ORIGIN,
    'job-order.read': ORIGIN,
    'match.create': ORIGIN,
    'match.read': ORIGIN,
    'orientation.schedule': ORIGIN,
    'orientation.read': ORIGIN,
    'orientation.record': ORIGIN,
    'fee.record': ORIGIN,
    'fee.read': ORIGIN,
    'fee-breach.read': ORIGIN,
    'fee-breach.refund': ORIGIN,
    'contract.draft': ORIGIN,
    'contract.read': ORIGIN,
    'contract.sign': ORIGIN,
    'journey.read': ORIGIN,
  },
  'destination-officer': {
    'deployment.read': DESTINATION,
    'deployment.confirm-arrival': DESTINATION,
    'deployment.permit': DESTINATION,
    'deployment.change-employer': DESTINATION,
    'return.record': DESTINATION,
    'return.read': DESTINATION,
    'job-order.create': DESTINATION,
    'job-order.approve': DESTINATION,
    'job-order.read': DESTINATION,
    'contract.read': DESTINATION,
    'contract.sign': DESTINATION,
    'contract.decide': DESTINATION,
    'contract.amend': DESTINATION,
    'contract.register-at-destination': DESTINATION,
    'contract.resolve-flag': DESTINATION,
    'journey.read': DESTINATION,
    'enrolment.record': DESTINATION,
    'enrolment.read': DESTINATION,
    'grievance.file': DESTINATION,
    'grievance.read': DESTINATION,
    // The grievance queue is the destination's, whichever side filed; its supervisors see escalations.
    'grievance.handle': DESTINATION,
    'grievance.supervise': DESTINATION,
    'welfare-case.record': DESTINATION,
    'welfare-case.read': DESTINATION,
    'remittance.record': DESTINATION,
    'remittance.read': DESTINATION,
  },
  'welfare-officer': {
    'journey.read': EITHER,
    'enrolment.record': EITHER,
    'enrolment.read': EITHER,
    'grievance.file': EITHER,
    'grievance.read': EITHER,
    'welfare-case.record': EITHER,
    'welfare-case.read': EITHER,
    'remittance.record': EITHER,
    'remittance.read': EITHER,
  },
  caseworker: {
    'journey.read': EITHER,
    'grievance.file': EITHER,
    'grievance.read': EITHER,
    'grievance.handle': DESTINATION,
    'welfare-case.record': EITHER,
    'welfare-case.read': EITHER,
    // Reintegration works at origin: returns, mass-return lists, cases, providers.
    'return.record': ORIGIN,
    'return.read': ORIGIN,
    'mass-return.upload': ORIGIN,
    'mass-return.read': ORIGIN,
    'reintegration-case.read': ORIGIN,
    'reintegration-case.manage': ORIGIN,
    'service-provider.register': ORIGIN,
    'service-provider.read': ORIGIN,
  },
  // Aggregates only: the node's labour-migration statistics, never a journey or a person.
  statistician: { 'statistics.read': EITHER },
  auditor: { 'audit.read': EITHER, 'journey.read': EITHER },
  admin: { 'audit.read': EITHER, 'journey.read': EITHER, 'statistics.read': EITHER },
};
