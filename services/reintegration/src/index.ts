// What tools and cross-service end-to-end tests may use of this service; services never import it.
export { ReintegrationService, createReintegrationApp } from './reintegration.service';
