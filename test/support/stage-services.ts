import { createDeploymentApp } from '@corridor/deployment-service';
import { createSocialProtectionApp } from '@corridor/social-protection-service';
import { createReintegrationApp } from '@corridor/reintegration-service';
import type { NodeConfig } from '@corridor/config';
import type { ServiceApp, ServiceRuntime } from '@corridor/service-runtime';

/**
 * Stage services made with the stage-service generator (tools/generators): startCountryNodes
 * starts each of them with the full platform (`withContracts`), and the generated suites cover
 * their endpoints. The generator adds a line; nothing else lists them.
 */
export const GENERATED_STAGE_APPS: Record<string, (config: NodeConfig, runtime: ServiceRuntime) => Promise<ServiceApp>> = {
  'deployment': createDeploymentApp,
  'social-protection': createSocialProtectionApp,
  'reintegration': createReintegrationApp,
  // stage-service generator: new stage services above this line
};
