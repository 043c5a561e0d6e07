// What tools and cross-service end-to-end tests may use of this service; services never import it.
export { JourneyService, createJourneyApp, journeyTopics } from './journey.service';
export { rebuildJourneyReadModel, type RebuildReport } from './rebuild-read-model';
export { STATISTIC_TABLES } from './statistics/statistics.rules';
export { RECORD_MEASURES } from './agency-register/agency-record.rules';
