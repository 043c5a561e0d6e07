import { defineStateMachine } from '@corridor/state-machine';

/**
 * A reintegration case: opened on the return, assessed, planned, closed with a reason; a closed
 * case may be reopened, back to where its work stood (open without an assessment, assessed
 * without a plan, planned). Referrals, services and follow-ups belong to a planned case.
 */
export type CaseStatus = 'open' | 'assessed' | 'planned' | 'closed';
export type CaseAction = 'assess' | 'plan' | 'refer' | 'deliver-service' | 'schedule-follow-up' | 'follow-up' | 'close' | 'reopen';

export const REINTEGRATION_CASE = defineStateMachine<CaseStatus, CaseAction>('reintegration case', {
  open: { assess: 'assessed', close: 'closed' },
  assessed: { assess: 'assessed', plan: 'planned', close: 'closed' },
  planned: { assess: 'planned', plan: 'planned', refer: 'planned', 'deliver-service': 'planned', 'schedule-follow-up': 'planned', 'follow-up': 'planned', close: 'closed' },
  closed: { reopen: ['open', 'assessed', 'planned'] },
});

/** Where a reopened case resumes: as far as its work had gone. */
export function resumedStatus(facts: { assessed: boolean; planned: boolean }): CaseStatus {
  return facts.planned ? 'planned' : facts.assessed ? 'assessed' : 'open';
}

/** A referral to a provider: sent, then accepted or declined by the provider; an accepted one completed. */
export type ReferralStatus = 'sent' | 'accepted' | 'declined' | 'completed';
export type ReferralAction = 'accept' | 'decline' | 'complete';

export const REFERRAL = defineStateMachine<ReferralStatus, ReferralAction>('referral', {
  sent: { accept: 'accepted', decline: 'declined' },
  accepted: { complete: 'completed' },
  declined: {},
  completed: {},
});

export const REFERRAL_ACTION_OF: Record<Exclude<ReferralStatus, 'sent'>, ReferralAction> = { accepted: 'accept', declined: 'decline', completed: 'complete' };
