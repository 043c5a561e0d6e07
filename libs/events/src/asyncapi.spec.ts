import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { asyncApiYaml, buildAsyncApiDocument } from './asyncapi';
import { EVENT_CONTRACTS, topicKindsOf } from './event-catalog';
import { DEAD_LETTER_HEADERS, RECORD_HEADERS } from './record-headers';
import { STAGES, corridorTopic, countryTopic, deadLetterTopic } from './topics';

const committed = readFileSync(path.resolve(__dirname, '../../../docs/asyncapi.yaml'), 'utf8');

// Fills {country}, {origin}, {destination} as a KH→TH deployment would.
const concrete = (address: string) => address.replace('{country}', 'kh').replace('{origin}', 'kh').replace('{destination}', 'th');

describe('docs/asyncapi.yaml', () => {
  let parsed: Awaited<ReturnType<Parser['parse']>>;
  beforeAll(async () => {
    parsed = await new Parser().parse(committed);
  });

  it('is what the generator writes from the registry (run `npm run asyncapi` after changing proto/)', () => {
    expect(committed).toBe(asyncApiYaml());
  });

  it('is a valid AsyncAPI 3 document for @asyncapi/parser, without errors or warnings', () => {
    expect(parsed.diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(parsed.document).toBeDefined();
  });

  it('reads back as the generated data (the YAML writer loses nothing)', () => {
    const json = parsed.document!.json() as unknown as Record<string, Record<string, unknown>>;
    const built = buildAsyncApiDocument() as Record<string, Record<string, unknown>>;
    expect(json.info).toEqual(built.info);
    expect(Object.keys(json.channels)).toEqual(Object.keys(built.channels));
    expect(Object.keys(json.operations)).toEqual(Object.keys(built.operations));
  });

  it('has a channel for each stage topic and its dead-letter topic, named as the code names them', () => {
    const addresses = parsed.document!.channels().all().map((c) => concrete(c.address() ?? ''));
    const expected = STAGES.flatMap((stage) => [corridorTopic('KH', 'TH', stage), countryTopic('KH', stage)]).flatMap((t) => [t, deadLetterTopic(t)]);
    expect(addresses.sort()).toEqual(expected.sort());
  });

  it('names every event of the registry, on exactly the topics its visibility allows, and no other message', () => {
    const document = parsed.document!;
    const names = document.components().messages().all().map((m) => m.name()).filter((n) => n !== 'DeadLetter');
    expect(names.sort()).toEqual([...new Set(EVENT_CONTRACTS.map((c) => c.eventType))].sort());
    // A generic event has one contract per stage: all of them together give its topics.
    for (const eventType of new Set(EVENT_CONTRACTS.map((c) => c.eventType))) {
      const carriedOn = document
        .channels()
        .all()
        .filter((c) => c.messages().all().some((m) => m.name() === eventType))
        .map((c) => concrete(c.address() ?? ''));
      const expected = EVENT_CONTRACTS.filter((c) => c.eventType === eventType).flatMap((contract) =>
        topicKindsOf(contract.visibility).map((kind) => (kind === 'country' ? countryTopic('KH', contract.stage) : corridorTopic('KH', 'TH', contract.stage))),
      );
      expect({ event: eventType, topics: carriedOn.sort() }).toEqual({ event: eventType, topics: expected.sort() });
    }
  });

  it('documents the record headers and the dead-letter headers the code writes', () => {
    const messages = parsed.document!.components().messages();
    const headersOf = (id: string) => Object.keys((messages.get(id)!.headers()!.json() as { properties: object }).properties);
    expect(headersOf('WorkerMatched').sort()).toEqual(Object.values(RECORD_HEADERS).sort());
    // Every record carries its correlation id and traceparent; only an event caused by another names a cause.
    expect(((messages.get('WorkerMatched')!.headers()!.json() as { required: string[] }).required).sort()).toEqual(['correlation-id', 'event-id', 'event-type', 'traceparent']);
    expect(headersOf('DeadLetter').sort()).toEqual(Object.values(DEAD_LETTER_HEADERS).sort());
    expect(messages.get('WorkerMatched')!.bindings().get('kafka')!.value()).toMatchObject({ key: { type: 'string' } });
  });
});
