import {
  returnTypeName,
  type ArrivalConfirmed,
  type ArrivalDiscrepancyFlagged,
  type BorderCrossed,
  type DepartureRecorded,
  type EmployerChanged,
  type ExitClearanceRevoked,
  type MissingArrivalFlagged,
  type ReturnRecorded,
  type WorkPermitExpiredFlagged,
  type WorkPermitExpiringFlagged,
  type WorkPermitExtended,
  type WorkPermitIssued,
} from '@corridor/events';
import { DEPLOYMENT_LIFECYCLE, type DeploymentAction, type IllegalTransition } from '@corridor/state-machine';
import type { Deployment } from './deployment.entity';

/**
 * What each deployment event does to the record, once: the use case that publishes the event and
 * the replica projector that receives it both call `applyStep`, so the two ends cannot disagree.
 * The state machine decides whether the step is allowed (a use case gets the 409, a projector
 * leaves the event out and logs why).
 */
type Payloads = {
  revoke: ExitClearanceRevoked;
  depart: DepartureRecorded;
  cross: BorderCrossed;
  'confirm-arrival': ArrivalConfirmed;
  'report-discrepancy': ArrivalDiscrepancyFlagged;
  'flag-missing': MissingArrivalFlagged;
  'issue-permit': WorkPermitIssued;
  'extend-permit': WorkPermitExtended;
  'flag-permit': WorkPermitExpiringFlagged | WorkPermitExpiredFlagged;
  'change-employer': EmployerChanged;
  return: ReturnRecorded;
};

const EFFECTS: { [A in DeploymentAction]: (d: Deployment, p: Payloads[A]) => void } = {
  revoke: (d, p) => {
    d.revokedReason = p.reason;
  },
  depart: (d, p) => {
    d.departedOn = p.departedOn;
    d.means = p.means;
    d.plannedCheckpoint = p.plannedCheckpoint;
    d.arrivalDueBy = p.arrivalDueBy;
  },
  cross: (d, p) => {
    d.checkpoint = p.checkpoint;
    d.crossedOn = p.crossedOn;
  },
  'confirm-arrival': (d, p) => {
    d.arrivedOn = p.arrivedOn;
    d.employerName = p.employerName || d.employerName;
  },
  'report-discrepancy': (d, p) => {
    d.flags = [...d.flags, { flagId: p.flagId, kind: 'arrival-discrepancy', detail: `${p.kind}: ${p.detail}`, raisedOn: p.reportedOn }];
  },
  'flag-missing': (d, p) => {
    d.flags = [...d.flags, { flagId: p.flagId, kind: 'missing-arrival', detail: `no arrival confirmed by ${p.arrivalDueBy}`, raisedOn: p.checkedOn }];
  },
  'issue-permit': (d, p) => {
    d.permit = { permitId: p.permitId, permitNumber: p.permitNumber, permitType: p.permitType, issuedOn: p.issuedOn, expiresOn: p.expiresOn, employerName: p.employerName, extensions: 0 };
    d.permitExpiresOn = p.expiresOn;
  },
  'extend-permit': (d, p) => {
    if (d.permit) d.permit = { ...d.permit, expiresOn: p.expiresOn, extensions: p.extensionNumber };
    d.permitExpiresOn = p.expiresOn;
  },
  'flag-permit': (d, p) => {
    const expired = 'expiredOn' in p;
    d.flags = [
      ...d.flags,
      expired
        ? { flagId: p.flagId, kind: 'permit-expired', detail: `permit ${p.permitId} expired on ${p.expiredOn}: overstay risk`, raisedOn: p.checkedOn }
        : { flagId: p.flagId, kind: 'permit-expiring', detail: `permit ${p.permitId} expires on ${p.expiresOn} (${p.daysLeft} days)`, raisedOn: p.checkedOn },
    ];
  },
  'change-employer': (d, p) => {
    d.employerName = p.newEmployer;
  },
  return: (d, p) => {
    d.returnId = p.returnId;
    d.returnType = returnTypeName(p.type) ?? null;
    d.returnedOn = p.returnDate;
  },
};

/** Applies one step to the record (status and columns), or throws the 409 of the state machine. */
export function applyStep<A extends DeploymentAction>(d: Deployment, action: A, payload: Payloads[A], at: Date): void {
  d.status = DEPLOYMENT_LIFECYCLE.next({ id: d.journeyId, status: d.status }, action);
  EFFECTS[action](d, payload);
  d.updatedAt = at;
}

/** Why a replica must leave the step out, if it must. */
export function stepRefusal(d: Deployment, action: DeploymentAction): IllegalTransition | undefined {
  return DEPLOYMENT_LIFECYCLE.refusal({ id: d.journeyId, status: d.status }, action);
}
