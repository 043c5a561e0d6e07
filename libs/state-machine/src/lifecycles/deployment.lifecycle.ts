import { defineStateMachine } from '../state-machine';

export type DeploymentStatus = 'cleared' | 'revoked' | 'departed' | 'crossed' | 'arrived' | 'working';
export type DeploymentAction = 'revoke' | 'depart' | 'cross' | 'confirm-arrival' | 'report-discrepancy' | 'flag-missing' | 'issue-permit' | 'extend-permit' | 'flag-permit' | 'change-employer';

/**
 * A journey's deployment, from exit clearance (the first event creates it as cleared) to working
 * abroad. Held by the deployment service on both nodes (use cases and replica projector) and read
 * by the scheduled checks: a discrepancy or a missing arrival is a flag, not a state.
 */
export const DEPLOYMENT_LIFECYCLE = defineStateMachine<DeploymentStatus, DeploymentAction>('deployment', {
  cleared: { revoke: 'revoked', depart: 'departed' },
  revoked: {},
  departed: { cross: 'crossed', 'confirm-arrival': 'arrived', 'report-discrepancy': 'departed', 'flag-missing': 'departed' },
  crossed: { 'confirm-arrival': 'arrived', 'report-discrepancy': 'crossed', 'flag-missing': 'crossed' },
  arrived: { 'issue-permit': 'working', 'report-discrepancy': 'arrived', 'change-employer': 'arrived' },
  working: { 'extend-permit': 'working', 'flag-permit': 'working', 'change-employer': 'working' },
});
