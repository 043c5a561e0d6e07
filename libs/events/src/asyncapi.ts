import { EVENT_CONTRACTS, eventsOnTopics, topicKindsOf, type EventContract, type RecordKeyName, type TopicKind } from './event-catalog';
import { DEAD_LETTER_HEADERS, DEAD_LETTER_HEADER_DESCRIPTIONS, RECORD_HEADERS, RECORD_HEADER_DESCRIPTIONS, REQUIRED_RECORD_HEADERS } from './record-headers';
import { CORRELATION_ID, TRACEPARENT_V00 } from '@corridor/trace-context';
import { STAGES, type Stage } from './topics';
import { toYaml } from './yaml';

/**
 * The AsyncAPI 3 document of every Corridor topic, generated from the event registry
 * (event-catalog.ts, itself read from the proto options). `npm run asyncapi` writes it to
 * docs/asyncapi.yaml; `npm test` fails when the committed file differs; every service serves it
 * at /api/docs-asyncapi next to its OpenAPI.
 */

const KAFKA_BINDING_VERSION = '0.5.0';
const PROTOBUF = 'application/x-protobuf';

const KEY_DESCRIPTION: Record<RecordKeyName, string> = {
  journey: "The worker's journey id (UUIDv7 minted at origin), as in the envelope's journey_id: all events of one journey stay in order on one partition.",
  agency: "The recruitment agency's id, carried in the envelope's journey_id: all events of one agency stay in order.",
  'job-order': "The job order's id, carried in the envelope's journey_id: all events of one job order stay in order.",
  'orientation-session': "The orientation session's id, carried in the envelope's journey_id.",
  'audit-log': "The audit log's name, <country>.<service> (e.g. KH.recruitment), carried in the envelope's journey_id: the heads of one audit log stay in order.",
};

const VISIBILITY_DESCRIPTION = {
  internal: 'Never leaves the country: travels on country.<country>.<stage>.v1 only.',
  corridor: 'Crosses the border: travels on corridor.<origin>-<destination>.<stage>.v1 only.',
  'follows-journey':
    "Follows its journey: on country.<origin>.<stage>.v1 until the worker is on a destination's name list (nominated or matched), on corridor.<origin>-<destination>.<stage>.v1 from then on.",
};

const DELIVERY = `Delivery: at least once, effectively once per consumer. A producer writes the event into
its database's outbox in the transaction that makes the change; a relay publishes it with an
idempotent producer and acks=all and marks it sent, so a crash re-sends, never loses. Records of
one key are in order on one partition (Kafka's default murmur2 partitioner over the key). A
consumer records each event_id in its inbox in the transaction that applies it, so a duplicate has
no second effect; it skips event types it does not know (a newer node sent them); it retries a
failing record with back-off a bounded number of times, then copies it untouched to <topic>.dlq
with the dlq-* headers and moves on. An undecodable record goes to the dead-letter topic at once.`;

function channelId(kind: TopicKind, stage: Stage, deadLetter = false): string {
  const camel = stage.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return `${kind}${camel[0].toUpperCase()}${camel.slice(1)}${deadLetter ? 'DeadLetter' : ''}`;
}

function address(kind: TopicKind, stage: Stage): string {
  return kind === 'country' ? `country.{country}.${stage}.v1` : `corridor.{origin}-{destination}.${stage}.v1`;
}

function messageId(contract: EventContract): string {
  return contract.eventType.replace(/^corridor\.v1\./, '');
}

function channelParameters(kind: TopicKind) {
  return kind === 'country'
    ? { country: { $ref: '#/components/parameters/country' } }
    : { origin: { $ref: '#/components/parameters/origin' }, destination: { $ref: '#/components/parameters/destination' } };
}

function channel(kind: TopicKind, stage: Stage) {
  const events = eventsOnTopics(kind, stage);
  const who =
    kind === 'country'
      ? 'Events that never leave the country node; only that node reads and writes them.'
      : 'Events that cross the border along an open corridor; both ends read and write them (the origin most of them, the destination what it records).';
  const note = events.length === 0 ? ' No event of this stage is defined yet: the topic exists and is subscribed to, so that the events can land without redeploying consumers.' : '';
  return {
    address: address(kind, stage),
    title: `${kind === 'country' ? 'Country-internal' : 'Corridor'} ${stage} events`,
    description: `${who}${note}`,
    parameters: channelParameters(kind),
    messages: Object.fromEntries(events.map((c) => [messageId(c), { $ref: `#/components/messages/${messageId(c)}` }])),
    bindings: { kafka: { partitions: 3, replicas: 1, topicConfiguration: { 'cleanup.policy': ['delete'] }, bindingVersion: KAFKA_BINDING_VERSION } },
  };
}

function deadLetterChannel(kind: TopicKind, stage: Stage) {
  return {
    address: `${address(kind, stage)}.dlq`,
    title: `Dead letters of ${address(kind, stage)}`,
    description: `Records of ${address(kind, stage)} that a consumer could not handle after bounded retries (or could not decode at all), copied untouched with the dlq-* headers. Read by operators (docs/runbook.md), never by services.`,
    parameters: channelParameters(kind),
    messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
    bindings: { kafka: { partitions: 3, replicas: 1, bindingVersion: KAFKA_BINDING_VERSION } },
  };
}

function channelMessageRefs(id: string, kind: TopicKind, stage: Stage) {
  return eventsOnTopics(kind, stage).map((c) => ({ $ref: `#/channels/${id}/messages/${messageId(c)}` }));
}

function eventMessage(contract: EventContract) {
  return {
    name: contract.eventType,
    title: messageId(contract),
    summary: `${contract.eventType} (${contract.protoFile}), stage ${contract.stage}. ${VISIBILITY_DESCRIPTION[contract.visibility]}`,
    description: [
      `The record value is a corridor.v1.EventEnvelope (proto/corridor/v1/common.proto) with event_type "${contract.eventType}"; its payload field holds the ${contract.eventType} encoding (proto/${contract.protoFile}).`,
      contract.carriesPersonData
        ? 'Its sealed_person_data field holds a serialized corridor.v1.SealedPersonData sealed for the destination (docs/sealed-person-data.md), with the envelope journey_id as associated data and the recipient key id also in the envelope encryption_key_id; empty without the worker consent to share.'
        : '',
    ]
      .filter(Boolean)
      .join(' '),
    contentType: PROTOBUF,
    headers: {
      type: 'object',
      required: REQUIRED_RECORD_HEADERS,
      properties: {
        [RECORD_HEADERS.eventType]: { type: 'string', const: contract.eventType, description: RECORD_HEADER_DESCRIPTIONS['event-type'] },
        [RECORD_HEADERS.eventId]: { type: 'string', format: 'uuid', description: RECORD_HEADER_DESCRIPTIONS['event-id'] },
        [RECORD_HEADERS.correlationId]: { type: 'string', pattern: CORRELATION_ID.source, description: RECORD_HEADER_DESCRIPTIONS['correlation-id'] },
        [RECORD_HEADERS.causationId]: { type: 'string', description: RECORD_HEADER_DESCRIPTIONS['causation-id'] },
        [RECORD_HEADERS.traceparent]: { type: 'string', pattern: TRACEPARENT_V00.source, description: RECORD_HEADER_DESCRIPTIONS.traceparent },
      },
    },
    payload: { $ref: '#/components/schemas/EventEnvelope' },
    correlationId: { $ref: '#/components/correlationIds/correlationId' },
    bindings: { kafka: { key: { type: 'string', description: KEY_DESCRIPTION[contract.key] }, bindingVersion: KAFKA_BINDING_VERSION } },
    'x-corridor-event': {
      eventType: contract.eventType,
      protoFile: `proto/${contract.protoFile}`,
      stage: contract.stage,
      visibility: contract.visibility,
      topics: topicKindsOf(contract.visibility).map((kind) => address(kind, contract.stage)),
      recordKey: contract.key,
      carriesPersonData: contract.carriesPersonData,
    },
  };
}

/** The whole document as plain data, deterministic for a given registry. */
export function buildAsyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const stage of STAGES) {
    for (const kind of ['corridor', 'country'] as const) {
      const id = channelId(kind, stage);
      channels[id] = channel(kind, stage);
      channels[channelId(kind, stage, true)] = deadLetterChannel(kind, stage);
      const messages = channelMessageRefs(id, kind, stage);
      const groupId = {
        type: 'string',
        pattern: '^[a-z_]+\\.',
        description: "A node's consumer groups start with its country as in topic names and a dot, e.g. th.journey (its principal may read only those).",
      };
      operations[`publish${id[0].toUpperCase()}${id.slice(1)}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${id}` },
        title: `A ${kind === 'country' ? 'country node' : 'node at either end of the corridor'} publishes ${stage} events`,
        messages,
      };
      operations[`consume${id[0].toUpperCase()}${id.slice(1)}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${id}` },
        title: `A ${kind === 'country' ? 'country node' : 'node at either end of the corridor'} consumes ${stage} events`,
        messages,
        bindings: { kafka: { groupId, bindingVersion: KAFKA_BINDING_VERSION } },
      };
    }
  }
  return {
    asyncapi: '3.1.0',
    info: {
      title: 'Corridor event contracts',
      version: '1.0.0',
      description: [
        'Every Kafka topic of the Corridor country nodes, the events each carries and how. Generated from the event registry in libs/events, which reads the (corridor.v1.event) option of proto/corridor/v1/*.proto: do not edit, run `npm run asyncapi`.',
        '',
        'Encoding: every record value is a protobuf corridor.v1.EventEnvelope; its payload is the message named by event_type, encoded on its own. Generate classes from proto/ with protoc or buf (language options for Java, Go, C#, PHP and Ruby are set; Python uses the proto package).',
        '',
        DELIVERY,
        '',
        'Topic names: country codes in lower case, the hyphen of a subdivision code as underscore (CN-YN -> cn_yn). A breaking change is a corridor.v2 package and .v2 topics.',
        '',
        'Access: SASL/SCRAM-SHA-512, one principal per country node (User:node-<country>); ACLs allow a node its country.<country>. topics and the corridor.<origin>-<destination>. topics of the corridors it is an end of (docs/adr/0007-kafka-identities-and-acls.md).',
      ].join('\n'),
    },
    defaultContentType: PROTOBUF,
    servers: {
      regional: {
        host: '{bootstrap}',
        protocol: 'kafka',
        description: 'The shared regional cluster; each ministry receives the bootstrap address and its principal with the bilateral agreement.',
        variables: { bootstrap: { default: '127.0.0.1:9092', description: 'host:port of a bootstrap broker (the development broker by default).' } },
        security: [{ $ref: '#/components/securitySchemes/nodePrincipal' }],
      },
    },
    channels,
    operations,
    components: {
      parameters: {
        country: { description: 'The country node, e.g. kh.', examples: ['kh', 'th', 'cn_yn'] },
        origin: { description: 'The origin country of the corridor, e.g. kh.', examples: ['kh', 'la'] },
        destination: { description: 'The destination country of the corridor, e.g. th.', examples: ['th'] },
      },
      securitySchemes: {
        nodePrincipal: { type: 'scramSha512', description: 'One SCRAM-SHA-512 principal per country node, node-<country>; credentials are issued per installation.' },
      },
      correlationIds: {
        correlationId: { description: 'Shared by every event one request caused, across services and countries.', location: `$message.header#/${RECORD_HEADERS.correlationId}` },
      },
      schemas: {
        EventEnvelope: {
          type: 'string',
          format: 'binary',
          contentMediaType: PROTOBUF,
          description:
            'A protobuf-encoded corridor.v1.EventEnvelope (proto/corridor/v1/common.proto): event_id, event_type, journey_id (= record key), corridor, occurred_at, recorded_by, correlation_id, causation_id, payload (the event message named by event_type), encryption_key_id, traceparent.',
          'x-protobuf-message': 'corridor.v1.EventEnvelope',
        },
        DeadLetterValue: {
          type: 'string',
          format: 'binary',
          description: 'The original record value, byte for byte (normally an EventEnvelope; whatever it was when undecodable).',
        },
      },
      messages: {
        ...Object.fromEntries(EVENT_CONTRACTS.map((c) => [messageId(c), eventMessage(c)])),
        DeadLetter: {
          name: 'DeadLetter',
          title: 'A record a consumer gave up on',
          summary: 'The original key, value and headers, plus why and where it failed.',
          contentType: PROTOBUF,
          headers: {
            type: 'object',
            required: Object.values(DEAD_LETTER_HEADERS),
            description: 'The original record headers (event-type, event-id, correlation-id, traceparent, causation-id, as far as present) plus:',
            properties: Object.fromEntries(Object.values(DEAD_LETTER_HEADERS).map((name) => [name, { type: 'string', description: DEAD_LETTER_HEADER_DESCRIPTIONS[name] }])),
          },
          payload: { $ref: '#/components/schemas/DeadLetterValue' },
          bindings: { kafka: { key: { type: 'string', description: 'The original record key.' }, bindingVersion: KAFKA_BINDING_VERSION } },
        },
      },
    },
  };
}

/** docs/asyncapi.yaml as it must be committed. */
export function asyncApiYaml(): string {
  return `# Generated by \`npm run asyncapi\` from proto/ (the (corridor.v1.event) options) through the\n# event registry in libs/events. Do not edit: npm test fails when this file differs.\n${toYaml(buildAsyncApiDocument())}`;
}
