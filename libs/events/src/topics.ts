/** The five stages of a journey; each is one service and one topic family. */
export const STAGES = ['recruitment', 'contracts', 'deployment', 'social-protection', 'reintegration'] as const;
export type Stage = (typeof STAGES)[number];

/** Kafka topic names allow [a-zA-Z0-9._-]; '-' separates the corridor ends, so subdivision codes (CN-YN) use '_'. */
function topicCountry(country: string): string {
  return country.toLowerCase().replace(/-/g, '_');
}

/** Every topic of one corridor (and their .dlq topics) starts with this, e.g. "corridor.kh-th." (Kafka ACLs are PREFIXED on it). */
export function corridorTopicPrefix(origin: string, destination: string): string {
  return `corridor.${topicCountry(origin)}-${topicCountry(destination)}.`;
}

/** Every topic internal to one country node starts with this, e.g. "country.kh.". */
export function countryTopicPrefix(country: string): string {
  return `country.${topicCountry(country)}.`;
}

/** Events that cross the border along an open corridor, e.g. corridor.kh-th.recruitment.v1. */
export function corridorTopic(origin: string, destination: string, stage: Stage): string {
  return `${corridorTopicPrefix(origin, destination)}${stage}.v1`;
}

/** Events that must not leave the country, e.g. country.kh.recruitment.v1. */
export function countryTopic(country: string, stage: Stage): string {
  return `${countryTopicPrefix(country)}${stage}.v1`;
}

/** Where a consumer parks a record it could not handle after bounded retries. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** The stage a corridor or country topic belongs to, e.g. "recruitment"; undefined for other topics. */
export function stageOfTopic(topic: string): Stage | undefined {
  const match = /^(?:corridor|country)\.[a-z_-]+\.([a-z-]+)\.v\d+$/.exec(topic);
  const stage = match?.[1];
  return (STAGES as readonly string[]).includes(stage ?? '') ? (stage as Stage) : undefined;
}
