import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kafkaSaslFromFile, type NodeConfig } from '@corridor/config';
import { registerBrokerCredentials } from './test-kafka';
import { freePort } from './free-port';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const BROKER_SCRIPT = path.join(REPO_ROOT, 'infra/kafka/broker.sh');

export interface PrivateBrokerOptions {
  /** SASL_PLAINTEXT listener port; default: a free port, so parallel runs on one machine never collide. */
  port?: number;
  /** KRaft controller port; default port + 1. */
  controllerPort?: number;
  /** State directory; default a new directory under the OS temp dir. destroy() removes it. */
  dataDir?: string;
  /** Seconds broker.sh waits for readiness on each start; default 120. */
  readyTimeoutSec?: number;
  /** More settings for broker.sh, e.g. CORRIDORS, KAFKA_MIRROR_MAKER=1 (a national cluster). */
  env?: NodeJS.ProcessEnv;
}

/**
 * A Kafka broker of one test suite's own, started with infra/kafka/broker.sh: a suite that stops
 * and restarts its broker must not do it to the broker the other suites share.
 */
export interface PrivateBroker {
  readonly port: number;
  readonly controllerPort: number;
  readonly dataDir: string;
  /** For NodeConfig.kafkaBrokers, e.g. ['127.0.0.1:19292']. */
  readonly brokers: string[];
  /** This broker's own credentials (broker.sh writes them into the data dir at the first start). */
  readonly credentialsFile: string;
  /** The node config pointed at this broker, as the node's own principal. Call after start(). */
  nodeConfig(config: NodeConfig): NodeConfig;
  /** Starts the broker (again) and resolves once it answers a produce/consume round trip. */
  start(): Promise<void>;
  /** Stops the broker (SIGTERM, SIGKILL after 30 s); its data stays for the next start(). */
  stop(): Promise<void>;
  /** Stops the broker and removes its data directory. */
  destroy(): Promise<void>;
}

/** Creates a private broker without starting it. */
export async function createPrivateBroker(options: PrivateBrokerOptions = {}): Promise<PrivateBroker> {
  const port = options.port ?? (await freePort());
  const controllerPort = options.controllerPort ?? (await freePort());
  const readyTimeoutSec = options.readyTimeoutSec ?? 120;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), `corridor-kafka-${port}-`)));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
    KAFKA_DATA_DIR: dataDir,
    // broker.sh writes (and reads) this broker's own credentials there, not the installation's.
    KAFKA_CREDENTIALS_FILE: path.join(dataDir, 'credentials.json'),
    KAFKA_READY_TIMEOUT: String(readyTimeoutSec),
    // broker.sh's readiness check reads KAFKA_BROKERS first: it must probe this broker, not the
    // shared one the test run points at.
    KAFKA_BROKERS: `127.0.0.1:${port}`,
    ...options.env,
  };

  const run = (command: 'start' | 'stop', timeoutMs: number): Promise<string> =>
    new Promise((resolve, reject) => {
      execFile('bash', [BROKER_SCRIPT, command], { env, cwd: REPO_ROOT, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`broker.sh ${command} (port ${port}, data ${dataDir}) failed: ${error.message}\n${stdout}\n${stderr}`));
        } else {
          resolve(`${stdout}${stderr}`);
        }
      });
    });

  const brokers = [`127.0.0.1:${port}`];
  const credentialsFile = path.join(dataDir, 'credentials.json');
  // Test helpers (testKafka, readTopic...) on these brokers authenticate with this broker's credentials.
  registerBrokerCredentials(brokers, credentialsFile);
  return {
    port,
    controllerPort,
    dataDir,
    brokers,
    credentialsFile,
    nodeConfig(config) {
      const kafkaSasl = kafkaSaslFromFile(credentialsFile, config.country);
      if (!kafkaSasl) throw new Error(`no credentials for ${config.country} in ${credentialsFile}: start() the broker first`);
      return { ...config, kafkaBrokers: brokers, kafkaSasl };
    },
    async start() {
      const output = await run('start', (readyTimeoutSec + 120) * 1000);
      // broker.sh leaves a broker it did not start alone; a suite must not restart someone else's.
      if (output.includes('not started from')) {
        throw new Error(`port ${port} is already served by a Kafka broker of another data dir; stop it or choose another port\n${output}`);
      }
    },
    async stop() {
      await run('stop', 90_000);
    },
    async destroy() {
      try {
        await run('stop', 90_000);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Creates and starts a private broker. */
export async function startPrivateBroker(options: PrivateBrokerOptions = {}): Promise<PrivateBroker> {
  const broker = await createPrivateBroker(options);
  try {
    await broker.start();
  } catch (error) {
    await broker.destroy().catch(() => undefined);
    throw error;
  }
  return broker;
}
