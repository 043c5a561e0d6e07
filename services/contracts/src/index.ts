// What tools and cross-service end-to-end tests may use of this service; services never import it.
export { createContractsApp } from './contracts.app';
export { contractsSubscription, type ContractsRuntime } from './contracts-service.module';
