import { getOption, hasOption, type DescFile, type DescMessage } from '@bufbuild/protobuf';
import { file_corridor_v1_common } from './generated/corridor/v1/common_pb';
import { file_corridor_v1_contracts } from './generated/corridor/v1/contracts_pb';
import { EventRecordKey, EventStage, EventVisibility, event as eventOption, file_corridor_v1_options } from './generated/corridor/v1/options_pb';
import { file_corridor_v1_recruitment } from './generated/corridor/v1/recruitment_pb';
import { STAGES, type Stage } from './topics';

/**
 * The one registry of event contracts: which messages are events, the stage and topics each
 * travels on and what its record key holds. Read from the `(corridor.v1.event)` option of the
 * .proto files (proto/corridor/v1/options.proto), so proto/, this registry and the AsyncAPI
 * document generated from it (docs/asyncapi.yaml) cannot disagree.
 */

/** Every .proto file of the contracts, in dependency order. */
export const CONTRACT_FILES: readonly DescFile[] = [file_corridor_v1_options, file_corridor_v1_common, file_corridor_v1_recruitment, file_corridor_v1_contracts];

/** Which of a stage's topics an event travels on (see EventVisibility in options.proto). */
export type EventVisibilityName = 'internal' | 'corridor' | 'follows-journey';
/** What the envelope's journey_id (= the record key) holds. */
export type RecordKeyName = 'journey' | 'agency' | 'job-order' | 'orientation-session' | 'audit-log';
export type TopicKind = 'country' | 'corridor';

export interface EventContract {
  /** Fully qualified message name: the envelope's event_type and the event-type header. */
  eventType: string;
  schema: DescMessage;
  stage: Stage;
  visibility: EventVisibilityName;
  key: RecordKeyName;
  /** The .proto file that declares it, e.g. corridor/v1/recruitment.proto. */
  protoFile: string;
  /** It has a sealed_person_data field (docs/sealed-person-data.md). */
  carriesPersonData: boolean;
}

const STAGE_OF: Record<number, Stage | undefined> = {
  [EventStage.RECRUITMENT]: 'recruitment',
  [EventStage.CONTRACTS]: 'contracts',
  [EventStage.DEPLOYMENT]: 'deployment',
  [EventStage.SOCIAL_PROTECTION]: 'social-protection',
  [EventStage.REINTEGRATION]: 'reintegration',
};
const VISIBILITY_OF: Record<number, EventVisibilityName | undefined> = {
  [EventVisibility.INTERNAL]: 'internal',
  [EventVisibility.CORRIDOR]: 'corridor',
  [EventVisibility.FOLLOWS_JOURNEY]: 'follows-journey',
};
const KEY_OF: Record<number, RecordKeyName | undefined> = {
  [EventRecordKey.JOURNEY]: 'journey',
  [EventRecordKey.AGENCY]: 'agency',
  [EventRecordKey.JOB_ORDER]: 'job-order',
  [EventRecordKey.ORIENTATION_SESSION]: 'orientation-session',
  [EventRecordKey.AUDIT_LOG]: 'audit-log',
};

/**
 * Messages that are neither events nor field types of other messages, on purpose: the envelope,
 * the sealed block and its plaintext, the option itself, and shared vocabulary not used yet.
 * Any other message without the event option is a mistake (a forgotten option).
 */
export const STANDALONE_PARTS: ReadonlySet<string> = new Set([
  'corridor.v1.EventEnvelope',
  'corridor.v1.SealedPersonData',
  'corridor.v1.PersonData',
  'corridor.v1.EventOptions',
  'corridor.v1.CountryCode',
  'corridor.v1.LocalDate',
]);

function allMessages(): DescMessage[] {
  const out: DescMessage[] = [];
  const walk = (messages: readonly DescMessage[]) => {
    for (const message of messages) {
      out.push(message);
      walk(message.nestedMessages);
    }
  };
  for (const file of CONTRACT_FILES) walk(file.messages);
  return out;
}

/** Descriptor problems that make the registry unusable; empty when the contracts are sound. */
export function catalogProblems(): string[] {
  const problems: string[] = [];
  const messages = allMessages();
  const usedAsField = new Set(messages.flatMap((m) => m.fields.map((f) => f.message?.typeName).filter((t): t is string => !!t)));
  for (const message of messages) {
    if (!hasOption(message, eventOption)) {
      if (!usedAsField.has(message.typeName) && !STANDALONE_PARTS.has(message.typeName)) {
        problems.push(`${message.typeName} is neither an event (no (corridor.v1.event) option) nor used by another message`);
      }
      continue;
    }
    const options = getOption(message, eventOption);
    const stage = STAGE_OF[options.stage];
    if (!stage && !isGenericEvent(message)) problems.push(`${message.typeName}: (corridor.v1.event).stage is not set`);
    if (!VISIBILITY_OF[options.visibility]) problems.push(`${message.typeName}: (corridor.v1.event).visibility is not set`);
    if (!KEY_OF[options.key]) problems.push(`${message.typeName}: (corridor.v1.event).key is not set`);
    // One file per stage: a stage's events are declared in corridor/v1/<stage>.proto.
    if (stage && message.file.name !== `corridor/v1/${stage.replace(/-/g, '_')}`) {
      problems.push(`${message.typeName} is an event of stage ${stage} but is declared in ${message.file.name}.proto`);
    }
    if (usedAsField.has(message.typeName)) problems.push(`${message.typeName} is an event and also a field type of another message`);
  }
  return problems;
}

/**
 * A generic event: declared in common.proto with no stage. It travels on the topics of every stage
 * its visibility allows (StageCaseOpened: what a generated stage service publishes until its stage
 * has messages of its own, docs/stages.md; AuditHeadSigned: every stage service vouches for its
 * audit chain, ADR 0020), so it is documented once per stage.
 */
function isGenericEvent(message: DescMessage): boolean {
  return getOption(message, eventOption).stage === EventStage.UNSPECIFIED && message.file.name === 'corridor/v1/common';
}

function buildContracts(): EventContract[] {
  return allMessages()
    .filter((message) => hasOption(message, eventOption))
    .flatMap((schema) => {
      const options = getOption(schema, eventOption);
      const visibility = VISIBILITY_OF[options.visibility];
      const key = KEY_OF[options.key];
      const stages = isGenericEvent(schema) ? [...STAGES] : [STAGE_OF[options.stage]];
      if (!visibility || !key) return []; // reported by catalogProblems()
      return stages.flatMap((stage) =>
        stage
          ? [{ eventType: schema.typeName, schema, stage, visibility, key, protoFile: `${schema.file.name}.proto`, carriesPersonData: schema.fields.some((f) => f.name === 'sealed_person_data') }]
          : [],
      );
    });
}

/** Every event, in declaration order (stage files in order, messages as declared); a generic event once per stage. */
export const EVENT_CONTRACTS: readonly EventContract[] = buildContracts();
const BY_TYPE = new Map<string, EventContract[]>();
for (const contract of EVENT_CONTRACTS) BY_TYPE.set(contract.eventType, [...(BY_TYPE.get(contract.eventType) ?? []), contract]);

/** The event's contract (for a generic event, the one of its first stage; see eventContractsOf). */
export function eventContract(eventType: string): EventContract | undefined {
  return BY_TYPE.get(eventType)?.[0];
}

/** All contracts of an event type: one, or one per stage for a generic event. */
export function eventContractsOf(eventType: string): readonly EventContract[] {
  return BY_TYPE.get(eventType) ?? [];
}

export function topicKindsOf(visibility: EventVisibilityName): TopicKind[] {
  if (visibility === 'internal') return ['country'];
  if (visibility === 'corridor') return ['corridor'];
  return ['country', 'corridor'];
}

/** The events that travel on one kind of topic of one stage. */
export function eventsOnTopics(kind: TopicKind, stage: Stage): EventContract[] {
  return EVENT_CONTRACTS.filter((c) => c.stage === stage && topicKindsOf(c.visibility).includes(kind));
}

export interface ParsedTopic {
  kind: TopicKind;
  stage: Stage;
  /** The country of a country topic, the origin of a corridor topic (as in the name: kh, cn_yn). */
  origin: string;
  destination?: string;
  deadLetter: boolean;
}

const TOPIC = /^(?:country\.([a-z_]+)|corridor\.([a-z_]+)-([a-z_]+))\.([a-z-]+)\.v1(\.dlq)?$/;

/** Reads a topic name back into what the contracts say about it; undefined for a name no contract documents. */
export function parseTopic(topic: string): ParsedTopic | undefined {
  const match = TOPIC.exec(topic);
  if (!match) return undefined;
  const [, country, origin, destination, stage, dlq] = match;
  if (!(STAGES as readonly string[]).includes(stage)) return undefined;
  return country
    ? { kind: 'country', stage: stage as Stage, origin: country, deadLetter: !!dlq }
    : { kind: 'corridor', stage: stage as Stage, origin, destination, deadLetter: !!dlq };
}

/** Thrown when code would publish an event the contracts do not document on that topic. */
export class UndocumentedEventError extends Error {
  constructor(message: string) {
    super(`${message} (add it to proto/ with its (corridor.v1.event) option, then npm run asyncapi)`);
    this.name = 'UndocumentedEventError';
  }
}

/** Refuses an event type or topic that proto/ and docs/asyncapi.yaml do not document together. */
export function assertTopicCarries(topic: string, eventType: string): void {
  const parsed = parseTopic(topic);
  if (!parsed || parsed.deadLetter) throw new UndocumentedEventError(`"${topic}" is not an event topic of the contracts`);
  const contracts = eventContractsOf(eventType);
  if (!contracts.length) throw new UndocumentedEventError(`${eventType} is not an event of the contracts`);
  if (!contracts.some((c) => c.stage === parsed.stage && topicKindsOf(c.visibility).includes(parsed.kind))) {
    const contract = contracts[0];
    throw new UndocumentedEventError(`${eventType} (stage ${contracts.length > 1 ? 'any' : contract.stage}, ${contract.visibility}) does not travel on ${topic}`);
  }
}

/** Refuses subscribing to a topic the contracts do not document (dead-letter topics included). */
export function assertDocumentedTopic(topic: string): void {
  if (!parseTopic(topic)) throw new UndocumentedEventError(`"${topic}" is not a topic of the contracts`);
}
