import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import { consumerGroupId, loadNodeConfig } from '@corridor/config';
import { createKafka, listDeadLetters, parseDeadLetterPositions, replayDeadLetters, type DeadLetter } from '@corridor/messaging';

/**
 * The dead letters of one topic of this node (docs/runbook.md "Dead letters"):
 *   npm run dlq -- list   --topic country.kh.recruitment.v1
 *   npm run dlq -- replay --topic country.kh.recruitment.v1 --positions 0@3,0@7   (or --all)
 * Runs as the node's Kafka principal (COUNTRY, KAFKA_BROKERS, KAFKA_SASL_*, as a service does).
 * Replaying is idempotent: the consumer's inbox applies an event once, however often it arrives.
 * Exit 0: done; 1: a position that is not a dead letter of the topic; 2: usage or Kafka error.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { topic: { type: 'string' }, positions: { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' } },
});
const [command] = positionals;
if (!values.topic || (command !== 'list' && command !== 'replay') || (command === 'replay' && !values.positions && !values.all)) {
  console.error('usage: npm run dlq -- list --topic <topic> [--json] | replay --topic <topic> (--positions <p@o,…> | --all)');
  process.exit(2);
}

function describe(letter: DeadLetter): string {
  return [
    `${letter.partition}@${letter.offset}`,
    letter.eventType ?? '(no event-type header)',
    letter.eventId ?? '-',
    `from ${letter.original.topic}/${letter.original.partition}@${letter.original.offset}`,
    `group ${letter.consumerGroup}`,
    `${letter.attempts} attempt(s)`,
    letter.failedAt,
    `${letter.errorType}: ${letter.error}`,
  ].join('  ');
}

async function main(topic: string): Promise<number> {
  // kafkajs talks through Nest's logger: only its warnings and errors belong in an operator's terminal.
  Logger.overrideLogger(['warn', 'error', 'fatal']);
  const config = loadNodeConfig(process.env);
  const kafka = createKafka(`ops-dlq-${config.country.toLowerCase()}`, { brokers: config.kafkaBrokers, sasl: config.kafkaSasl });
  const admin = kafka.admin();
  await admin.connect();
  const topics = await admin.listTopics().finally(() => admin.disconnect());
  if (!topics.includes(topic)) {
    console.error(`${config.country} sees no topic ${topic}; its topics with dead letters: ${topics.filter((t) => topics.includes(`${t}.dlq`)).join(', ') || 'none'}`);
    return 2;
  }
  const letters = await listDeadLetters(kafka, topic, consumerGroupId(config.country, `ops.dlq.${Date.now()}`));
  if (command === 'list') {
    if (values.json) console.log(JSON.stringify(letters.map(({ message: _message, ...rest }) => rest), null, 2));
    else {
      console.log(`${letters.length} dead letter(s) in ${topic}.dlq`);
      letters.forEach((l) => console.log(describe(l)));
    }
    return 0;
  }
  const wanted = values.all ? letters : parseDeadLetterPositions(values.positions!).map((p) => letters.find((l) => l.partition === p.partition && l.offset === p.offset) ?? p);
  const unknown = wanted.filter((w) => !('message' in w));
  if (unknown.length) {
    console.error(`not dead letters of ${topic}: ${unknown.map((u) => `${u.partition}@${u.offset}`).join(', ')} (npm run dlq -- list --topic ${topic})`);
    return 1;
  }
  const replayed = await replayDeadLetters(kafka, topic, wanted as DeadLetter[]);
  console.log(`replayed ${replayed.length} record(s) to ${topic}; an event already applied is skipped by the consumer's inbox`);
  replayed.forEach((l) => console.log(describe(l)));
  return 0;
}

main(values.topic).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(2);
  },
);
