import { readFileSync } from 'node:fs';

/**
 * `npm test` starts one Kafka broker per jest worker (tools/test.sh, ADR 0029) and lists them in
 * CORRIDOR_TEST_BROKERS_FILE: each worker's suites take the broker of its JEST_WORKER_ID, so two
 * suites running side by side never read each other's events on the topics that share names.
 * Runs before each test file (jest `setupFiles`), before anything reads the Kafka settings.
 */
const file = process.env.CORRIDOR_TEST_BROKERS_FILE;
if (file) {
  const brokers = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>[];
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  Object.assign(process.env, brokers[(worker - 1) % brokers.length]);
}
