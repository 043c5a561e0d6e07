import { execFileSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { NATIONAL_CLUSTERS, PLATFORM_CONSOLE, PLATFORM_CORRIDORS, PLATFORM_NODES, PLATFORM_SERVICES, consoleUrl, kafkaCredentialsFile, kafkaSaslFromFile, serviceUrl } from '@corridor/config';
import { spawnService, waitForHealth } from './service-process';

/**
 * `npm start`: runs the compiled build (dist/<service>/) of every service of the KH, TH and LA nodes as its own process against the
 * Postgres and Kafka that tools/start.sh brought up, waits until each /health answers 200,
 * prints where to look, and on Ctrl-C stops the services (then the broker, if it started it).
 */
const root = path.resolve(__dirname, '../..');
const children: { label: string; process: ChildProcess }[] = [];
let stopping = false;
/** `npm start -- --national-clusters` (tools/start.sh): each node on its own country's cluster (ADR 0022). */
const national = process.env.CORRIDOR_NATIONAL_CLUSTERS === '1';
const nodes = national ? PLATFORM_NODES.filter((n) => NATIONAL_CLUSTERS.clusters.some((c) => c.country === n.country)) : PLATFORM_NODES;
const corridors = national ? NATIONAL_CLUSTERS.corridors : (process.env.CORRIDORS ?? PLATFORM_CORRIDORS);

/** Where a node's Kafka is: the one shared cluster, or its country's own. */
function kafkaOf(country: string): { brokers: string; credentialsFile: string } {
  const cluster = national ? NATIONAL_CLUSTERS.clusters.find((c) => c.country === country) : undefined;
  if (!cluster) return { brokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092', credentialsFile: kafkaCredentialsFile() };
  return { brokers: cluster.brokers, credentialsFile: path.join(root, cluster.dataDir, 'credentials.json') };
}

/**
 * Each node runs as its own Kafka principal (node-kh, ...), handed over as production would:
 * KAFKA_SASL_USERNAME/PASSWORD, here from the installation's credentials file (ADR 0007).
 */
function kafkaIdentity(country: string): { KAFKA_BROKERS: string; KAFKA_SASL_USERNAME: string; KAFKA_SASL_PASSWORD: string } {
  const { brokers, credentialsFile: file } = kafkaOf(country);
  const sasl = kafkaSaslFromFile(file, country);
  if (!sasl) throw new Error(`no Kafka credentials for ${country} in ${file}: start the broker with infra/kafka/broker.sh (npm start does)`);
  return { KAFKA_BROKERS: brokers, KAFKA_SASL_USERNAME: sasl.username, KAFKA_SASL_PASSWORD: sasl.password };
}

function startService(country: string, service: { name: string }): void {
  const label = `${country} ${service.name}`.padEnd(15);
  // Compiled JavaScript (tools/start.sh builds what is stale first): no transpiler in the service process.
  const child = spawnService(
    service.name,
    {
      ...process.env,
      ...kafkaIdentity(country),
      COUNTRY: country,
      // The service takes its port from the platform layout (libs/config), as this script does.
      PORT: '',
      CORRIDORS: corridors,
    },
    label,
  );
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[${label}] exited unexpectedly (${signal ?? code}); stopping the platform`);
      void shutdown(1);
    }
  });
  children.push({ label, process: child });
}

async function shutdown(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('\nStopping the platform…');
    const exits = children.map(
      ({ process: child }) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve()))),
    );
    for (const { process: child } of children) child.kill('SIGTERM');
    const forced = setTimeout(() => children.forEach(({ process: child }) => child.kill('SIGKILL')), 20_000);
    await Promise.all(exits);
    clearTimeout(forced);
    if (process.env.CORRIDOR_STOP_KAFKA_ON_EXIT === '1') {
      execFileSync('bash', [path.join(root, national ? 'infra/kafka/national-clusters.sh' : 'infra/kafka/broker.sh'), 'stop'], { stdio: 'inherit' });
    }
    console.log('Stopped.');
  }
  process.exit(exitCode);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  for (const node of nodes) kafkaIdentity(node.country); // fail before starting anything
  for (const node of nodes) {
    for (const service of PLATFORM_SERVICES) startService(node.country, service);
    // The officer console of the node (SPA + backend-for-frontend), built by tools/start.sh.
    startService(node.country, PLATFORM_CONSOLE);
  }
  await Promise.all(nodes.flatMap((n) => PLATFORM_SERVICES.map((s) => waitForHealth(serviceUrl(n.country, s.name), 120_000))));
  await Promise.all(nodes.map((n) => waitForHealth(consoleUrl(n.country), 120_000)));
  const rows = nodes.flatMap((n) =>
    PLATFORM_SERVICES.map((s) => `  ${n.country}  ${s.name.padEnd(12)} ${serviceUrl(n.country, s.name).padEnd(24)} docs ${serviceUrl(n.country, s.name)}/api/docs`),
  );
  console.log(
    [
      '',
      national
        ? `Corridor is running on national clusters: ${nodes.map((n) => `${n.country} on ${kafkaOf(n.country).brokers}`).join(', ')}, linked by MirrorMaker 2 (corridor topics only, ${corridors}), each node as its own SASL principal node-<cc>; Postgres on ${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? 5432}.`
        : `Corridor is running: three country nodes (corridors ${corridors}) on one Kafka cluster (${process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'}, each node as its own SASL principal node-<cc>), Postgres on ${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? 5432}.`,
      ...rows,
      '',
      'Officer consoles (development sign-in: pick country, role, agency):',
      ...nodes.map((n) => `  ${n.country}  console      ${consoleUrl(n.country)}`),
      '',
      `Health:     curl ${serviceUrl('KH', 'recruitment')}/health`,
      'A token:    npm run token -- --country KH --role ministry-officer',
      'The demo:   npm run demo        (in another terminal)',
      'Stop:       Ctrl-C',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(error);
  void shutdown(1);
});
