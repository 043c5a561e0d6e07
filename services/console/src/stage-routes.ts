import { serviceUrl, type ServiceName } from '@corridor/config';

/**
 * Which stage service of the node answers a path under /api/v1, by its first segment. The
 * console forwards only these; a new stage's resources are added here as its screens land.
 */
export const STAGE_ROUTES: Record<string, ServiceName> = {
  workers: 'recruitment',
  agencies: 'recruitment',
  'job-orders': 'recruitment',
  matches: 'recruitment',
  'fee-breaches': 'recruitment',
  'orientation-sessions': 'recruitment',
  contracts: 'contracts',
  journeys: 'journey',
  statistics: 'journey',
  deployments: 'deployment',
  grievances: 'social-protection',
  enrolments: 'social-protection',
  schemes: 'social-protection',
  'uninsured-flags': 'social-protection',
  'welfare-cases': 'social-protection',
  remittances: 'social-protection',
  'reintegration-cases': 'reintegration',
  'service-providers': 'reintegration',
  returns: 'reintegration',
  'mass-returns': 'reintegration',
};

/** The stage-service URL for an /api/v1/... path on this node, or undefined when none serves it. */
export function stageUrlFor(country: string, apiPath: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const match = /^\/api\/v1\/([a-z-]+)(?:[/?]|$)/.exec(apiPath);
  const service = match ? STAGE_ROUTES[match[1]] : undefined;
  return service ? `${serviceUrl(country, service, env)}${apiPath}` : undefined;
}
