import { defineStateMachine } from '../state-machine';

export type AgencyStatus = 'licensed' | 'suspended' | 'revoked';
export type AgencyAction = 'suspend' | 'reinstate' | 'revoke';

/**
 * An agency's licence: licensed ⇄ suspended, either → revoked (final). The origin's recruitment
 * service moves it; the journey service's public register of agencies follows the same table.
 */
export const AGENCY_LIFECYCLE = defineStateMachine<AgencyStatus, AgencyAction>('agency', {
  licensed: { suspend: 'suspended', revoke: 'revoked' },
  suspended: { reinstate: 'licensed', revoke: 'revoked' },
  revoked: {},
});
