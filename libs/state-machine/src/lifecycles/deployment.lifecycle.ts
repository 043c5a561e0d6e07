import { defineStateMachine } from '../state-machine';

export type DeploymentStatus = 'cleared' | 'revoked' | 'departed' | 'crossed' | 'arrived' | 'working' | 'returned';
export type DeploymentAction = 'revoke' | 'depart' | 'cross' | 'confirm-arrival' | 'report-discrepancy' | 'flag-missing' | 'issue-permit' | 'extend-permit' | 'flag-permit' | 'change-employer' | 'return';

/**
 * A journey's deployment, from exit clearance (the first event creates it as cleared) to working
 * abroad. Held by the deployment service on both nodes (use cases and replica projector) and read
 * by the scheduled checks: a discrepancy or a missing arrival is a flag, not a state.
 *
 * A return that happened (ReturnRecorded, from either end's reintegration service) closes any
 * deployment not revoked: also one still cleared, because the return travels on another topic
 * than the departure and may be seen first; the late departure is then left out, not reopened.
 */
export const DEPLOYMENT_LIFECYCLE = defineStateMachine<DeploymentStatus, DeploymentAction>('deployment', {
  cleared: { revoke: 'revoked', depart: 'departed', return: 'returned' },
  revoked: {},
  departed: { cross: 'crossed', 'confirm-arrival': 'arrived', 'report-discrepancy': 'departed', 'flag-missing': 'departed', return: 'returned' },
  crossed: { 'confirm-arrival': 'arrived', 'report-discrepancy': 'crossed', 'flag-missing': 'crossed', return: 'returned' },
  arrived: { 'issue-permit': 'working', 'report-discrepancy': 'arrived', 'change-employer': 'arrived', return: 'returned' },
  working: { 'extend-permit': 'working', 'flag-permit': 'working', 'change-employer': 'working', return: 'returned' },
  returned: {},
});
