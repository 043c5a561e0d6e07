import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { serviceMain } from '@corridor/config';
import { eventually, freePort } from '@corridor/testing';

const ROOT = path.resolve(__dirname, '../../..');

export interface ServiceProcessOptions {
  country: string;
  service: string;
  /** The environment of the process (Kafka, Postgres, identity); COUNTRY, PORT and DATABASE_NAME are added. */
  env: NodeJS.ProcessEnv;
  database: string;
  /** Where the process's stdout and stderr go (appended across restarts). */
  logFile: string;
}

/**
 * One service of a country node as its own OS process, started as `npm start` starts it
 * (services/<name>/src/main.ts), so a fault can be a real SIGKILL and a restart a real cold start:
 * the same port, database and consumer group as before.
 */
export class ServiceProcess {
  readonly label: string;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private log: WriteStream;
  private port = 0;
  /** Exits nobody asked for (a crash), with their code or signal. */
  readonly unexpectedExits: string[] = [];
  private expectingExit = false;

  constructor(private readonly options: ServiceProcessOptions) {
    this.label = `${options.country} ${options.service}`;
    this.log = createWriteStream(options.logFile, { flags: 'a' });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process (on the same port as before, if it ran) and waits for /health 200. */
  async start(timeoutMs = 180_000): Promise<void> {
    if (!this.port) this.port = await freePort();
    const { country, service, env, database } = this.options;
    this.log.write(`\n==== start ${this.label} on ${this.port} at ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, serviceMain(service))], {
      cwd: ROOT,
      env: { ...env, COUNTRY: country, PORT: String(this.port), DATABASE_NAME: database, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.expectingExit = false;
    child.stdout!.pipe(this.log, { end: false });
    child.stderr!.pipe(this.log, { end: false });
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.log.write(`==== ${this.label} exited (${signal ?? code}) at ${new Date().toISOString()}\n`);
        if (!this.expectingExit) this.unexpectedExits.push(`${this.label}: ${signal ?? code}`);
        resolve();
      }),
    );
    await eventually(
      async () => {
        if (child.exitCode !== null || child.signalCode) throw new Error(`${this.label} exited during start (see ${this.options.logFile})`);
        const health = await fetch(`${this.url}/health`).catch(() => undefined);
        return health?.status === 200 ? true : undefined;
      },
      timeoutMs,
      `${this.label} /health answering 200`,
    );
  }

  /** SIGKILL: no shutdown hook runs, whatever was in flight is cut where it stood. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: the graceful shutdown of serveUntilStopped (consumer stopped, outbox flushed). */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  async close(): Promise<void> {
    if (this.child && this.child.exitCode === null && !this.child.signalCode) await this.signal('SIGTERM');
    this.log.end();
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode) return;
    this.expectingExit = true;
    child.kill(signal);
    const forced = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(forced);
  }
}
