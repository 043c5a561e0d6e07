// What tools and cross-service end-to-end tests may use of this service; services never import it.
export { createJourneyApp, type JourneyRuntime } from './journey.app';
export { journeyTopics } from './journey.module';
