// What tools and cross-service end-to-end tests may use of this service; services never import it.
export { DeploymentService, createDeploymentApp } from './deployment.service';
export { checkClearance, type ClearanceCheck, type ClearancePrinted } from './deployments/clearance-document';
