#!/usr/bin/env node
/*
 * Readiness check for the dev/test Kafka broker (infra/kafka/broker.sh).
 *
 * "Ready" = (optionally) the broker log shows "Kafka Server started" AND a real Kafka protocol
 * round trip with kafkajs succeeds:
 *   1. admin.describeCluster()
 *   2. (unless --no-roundtrip) create topic __corridor_ready (1 partition), produce one message
 *      with an idempotent producer (acks=-1), consume it in consumer group __corridor_ready and
 *      commit its offset, then read the committed offset back with admin.fetchOffsets().
 * Retries until the timeout.
 *
 * Usage: node wait-ready.js [--once] [--no-roundtrip] [--timeout SEC] [--log FILE] [--pid PID] [--quiet]
 *   --once          a single quick describeCluster() attempt (used by `broker.sh status`)
 *   --log FILE      also wait until FILE contains "Kafka Server started"
 *   --pid PID       fail fast if process PID exits
 * Env: KAFKA_BROKERS (default 127.0.0.1:${KAFKA_PORT:-9092}), KAFKA_READY_TIMEOUT (s, default 90),
 *      KAFKA_CREDENTIALS_FILE (set by broker.sh): every request authenticates as its "admin"
 *      principal with SASL/SCRAM-SHA-512 (ADR 0007); without the file, no SASL.
 * Exit codes: 0 ready; 1 not ready before the timeout; 2 broker process exited; 4 kafkajs missing;
 *      5 (--once) a broker answers but refuses the admin credentials or SASL itself (e.g. a
 *      plaintext broker of an older checkout).
 */
'use strict';

const fs = require('fs');

const STARTED_LINE = 'Kafka Server started';
const READY_TOPIC = '__corridor_ready';
const READY_GROUP = '__corridor_ready';

function parseArgs(argv) {
  const opts = {
    once: false,
    roundtrip: true,
    quiet: false,
    timeoutSec: Number(process.env.KAFKA_READY_TIMEOUT || 90),
    log: null,
    pid: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--once') opts.once = true;
    else if (a === '--no-roundtrip') opts.roundtrip = false;
    else if (a === '--quiet') opts.quiet = true;
    else if (a === '--timeout') opts.timeoutSec = Number(argv[++i]);
    else if (a === '--log') opts.log = argv[++i];
    else if (a === '--pid') opts.pid = Number(argv[++i]);
    else {
      console.error(`wait-ready: unknown argument ${a}`);
      process.exit(64);
    }
  }
  if (!Number.isFinite(opts.timeoutSec) || opts.timeoutSec <= 0) opts.timeoutSec = 90;
  if (opts.once) opts.roundtrip = false;
  return opts;
}

let kafkajs;
try {
  kafkajs = require('kafkajs');
} catch (e) {
  console.error(
    'wait-ready: cannot load kafkajs (run `npm install` at the repo root, or set NODE_PATH): ' + e.message,
  );
  process.exit(4);
}
const { Kafka, logLevel, Partitioners } = kafkajs;

/** The admin principal's SASL settings from the installation's credentials file, if there is one. */
function adminSasl() {
  const file = process.env.KAFKA_CREDENTIALS_FILE;
  if (!file || !fs.existsSync(file)) return undefined;
  const admin = JSON.parse(fs.readFileSync(file, 'utf8')).principals.admin;
  return admin ? { mechanism: 'scram-sha-512', username: admin.username, password: admin.password } : undefined;
}
const SASL = adminSasl();
const sasl = SASL ? { sasl: SASL } : {};

/** The broker answered but refused who we are (wrong credentials, or it does not speak SASL). */
function isAuthFailure(e) {
  const text = `${e && e.name} ${e && e.type} ${e && e.message}`;
  return /SASL|Authentication|ILLEGAL_SASL_STATE|UNSUPPORTED_SASL_MECHANISM/i.test(text);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      t = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), Math.max(ms, 1));
    }),
  ]).finally(() => clearTimeout(t));
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function logShowsStarted(file) {
  try {
    return fs.readFileSync(file, 'utf8').includes(STARTED_LINE);
  } catch {
    return false;
  }
}

async function describeOnce(brokers, budgetMs) {
  const kafka = new Kafka({
    clientId: 'corridor-wait-ready',
    brokers,
    ...sasl,
    connectionTimeout: 1000,
    requestTimeout: 3000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await withTimeout(admin.connect(), budgetMs, 'admin.connect');
    return await withTimeout(admin.describeCluster(), budgetMs, 'describeCluster');
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

async function roundTrip(brokers, budgetMs) {
  const kafka = new Kafka({
    clientId: 'corridor-wait-ready',
    brokers,
    ...sasl,
    connectionTimeout: 2000,
    requestTimeout: 10000,
    retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 1000 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  // kafkajs rejects idempotent sends unless acks=-1; maxInFlightRequests=1 avoids
  // OUT_OF_ORDER_SEQUENCE_NUMBER when sends overlap (kafkajs keeps one sequence per partition).
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const consumer = kafka.consumer({
    groupId: READY_GROUP,
    sessionTimeout: 10000,
    heartbeatInterval: 1000,
    // Short fetch long-poll: consumer.disconnect() waits for the in-flight fetch (default 5 s).
    maxWaitTimeInMs: 100,
    allowAutoTopicCreation: false,
  });
  const t0 = Date.now();
  const value = `ready-${process.pid}-${t0}`;
  try {
    return await withTimeout(
      (async () => {
        await admin.connect();
        const existing = await admin.listTopics();
        if (!existing.includes(READY_TOPIC)) {
          await admin.createTopics({
            waitForLeaders: true,
            topics: [{ topic: READY_TOPIC, numPartitions: 1, replicationFactor: 1 }],
          });
        }
        await producer.connect();
        const [meta] = await producer.send({ topic: READY_TOPIC, acks: -1, messages: [{ key: 'ready', value }] });
        const producedOffset = meta.baseOffset;

        await consumer.connect();
        await consumer.subscribe({ topics: [READY_TOPIC], fromBeginning: true });
        const consumed = new Promise((resolve, reject) => {
          consumer
            .run({
              autoCommit: false,
              eachMessage: async ({ topic, partition, message }) => {
                if (message.value && message.value.toString() === value) {
                  const next = (BigInt(message.offset) + 1n).toString();
                  await consumer.commitOffsets([{ topic, partition, offset: next }]);
                  resolve({ offset: message.offset, committed: next });
                }
              },
            })
            .catch(reject);
        });
        const got = await consumed;
        const fetched = await admin.fetchOffsets({ groupId: READY_GROUP, topics: [READY_TOPIC] });
        const committed = fetched[0].partitions.find((p) => p.partition === 0);
        if (!committed || committed.offset !== got.committed) {
          throw new Error(`committed offset mismatch: expected ${got.committed}, got ${committed && committed.offset}`);
        }
        return { producedOffset, consumedOffset: got.offset, committedOffset: committed.offset, ms: Date.now() - t0 };
      })(),
      budgetMs,
      'round trip',
    );
  } finally {
    await consumer.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const brokers = (process.env.KAFKA_BROKERS || `127.0.0.1:${process.env.KAFKA_PORT || 9092}`).split(',');
  const start = Date.now();
  const deadline = start + opts.timeoutSec * 1000;
  const say = (m) => {
    if (!opts.quiet) console.log(m);
  };

  if (opts.once) {
    try {
      const c = await describeOnce(brokers, Math.min(5000, opts.timeoutSec * 1000));
      say(`kafka answering on ${brokers.join(',')}: clusterId=${c.clusterId} controller=${c.controller}`);
      return 0;
    } catch (e) {
      if (isAuthFailure(e)) {
        say(`kafka on ${brokers.join(',')} refuses SASL/SCRAM as ${SASL ? SASL.username : '(no credentials)'}: ${e.message}`);
        return 5;
      }
      say(`kafka not answering on ${brokers.join(',')}: ${e.message}`);
      return 1;
    }
  }

  let lastError = 'no attempt made';
  let cluster = null;
  while (Date.now() < deadline) {
    if (opts.pid && !processAlive(opts.pid)) {
      console.error(`wait-ready: broker process ${opts.pid} exited before becoming ready`);
      return 2;
    }
    if (opts.log && !logShowsStarted(opts.log)) {
      lastError = `"${STARTED_LINE}" not yet in ${opts.log}`;
      await sleep(200);
      continue;
    }
    try {
      cluster = await describeOnce(brokers, Math.max(1, deadline - Date.now()));
      break;
    } catch (e) {
      lastError = `describeCluster: ${e.message}`;
      await sleep(250);
    }
  }
  if (!cluster) {
    console.error(`wait-ready: broker not ready after ${opts.timeoutSec}s (${lastError})`);
    return 1;
  }
  const describedMs = Date.now() - start;
  const brokerList = cluster.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(',');
  if (!opts.roundtrip) {
    say(`kafka ready in ${describedMs} ms: clusterId=${cluster.clusterId} brokers=${brokerList}`);
    return 0;
  }

  while (Date.now() < deadline) {
    if (opts.pid && !processAlive(opts.pid)) {
      console.error(`wait-ready: broker process ${opts.pid} exited during the round trip`);
      return 2;
    }
    try {
      const r = await roundTrip(brokers, Math.max(1, deadline - Date.now()));
      say(
        `kafka ready in ${Date.now() - start} ms: clusterId=${cluster.clusterId} brokers=${brokerList}; ` +
          `describeCluster after ${describedMs} ms; round trip ${r.ms} ms ` +
          `(idempotent produce acks=-1 -> offset ${r.producedOffset}, consumed offset ${r.consumedOffset}, ` +
          `group ${READY_GROUP} committed ${r.committedOffset})`,
      );
      return 0;
    } catch (e) {
      lastError = `round trip: ${e.message}`;
      await sleep(500);
    }
  }
  console.error(`wait-ready: broker answered describeCluster but the round trip failed within ${opts.timeoutSec}s (${lastError})`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error('wait-ready: ' + (e && e.stack ? e.stack : e));
    process.exit(1);
  },
);
