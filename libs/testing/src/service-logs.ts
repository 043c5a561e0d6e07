import { ConsoleLogger } from '@nestjs/common';

/**
 * The warnings and errors the services print through Nest's logger, intercepted for tests: a test
 * that provokes an error on purpose (a poison record, a broker stopped under the services) says
 * which lines it expects, gets them to assert on instead of having them printed as if something
 * were wrong, and every other line is printed as usual. Needs the jest setup
 * (libs/testing/src/jest-setup.ts), which ends each test's expectations after the test.
 */
export type ServiceLogLevel = 'warn' | 'error' | 'fatal';

export interface ServiceLogLine {
  level: ServiceLogLevel;
  /** The message and its context (the logger's name), e.g. "record ... dead-lettered CorridorEventServer". */
  text: string;
}

export interface ExpectedServiceLogs {
  /** The lines that matched, in order. */
  readonly lines: ServiceLogLine[];
  /** Lines matching `pattern` so far. */
  matching(pattern: RegExp): ServiceLogLine[];
  /** Stops intercepting (also done after every test). */
  stop(): void;
}

interface Interception {
  patterns: RegExp[];
  lines: ServiceLogLine[];
  untilTestEnds: boolean;
}

const interceptions: Interception[] = [];
const PATCHED = Symbol.for('corridor.testing.service-logs');

function install(): void {
  const prototype = ConsoleLogger.prototype as unknown as Record<string | symbol, unknown>;
  if (prototype[PATCHED]) return;
  prototype[PATCHED] = true;
  for (const level of ['warn', 'error', 'fatal'] as const) {
    const original = ConsoleLogger.prototype[level];
    ConsoleLogger.prototype[level] = function (this: ConsoleLogger, message: unknown, ...rest: unknown[]) {
      const text = [message, ...rest].filter((part) => typeof part === 'string').join(' ');
      const interception = interceptions.find((i) => i.patterns.some((pattern) => pattern.test(text)));
      if (interception) {
        interception.lines.push({ level, text });
        return;
      }
      return original.call(this, message, ...rest);
    };
  }
}

function intercept(patterns: RegExp[], untilTestEnds: boolean): ExpectedServiceLogs {
  install();
  const interception: Interception = { patterns, lines: [], untilTestEnds };
  interceptions.push(interception);
  return {
    lines: interception.lines,
    matching: (pattern) => interception.lines.filter((line) => pattern.test(line.text)),
    stop: () => {
      const index = interceptions.indexOf(interception);
      if (index >= 0) interceptions.splice(index, 1);
    },
  };
}

/** Log lines this test provokes on purpose: kept for the test to assert on, not printed. Ends with the test. */
export function expectServiceLogs(...patterns: RegExp[]): ExpectedServiceLogs {
  return intercept(patterns, true);
}

/** Lines expected in every suite of a test file (beforeAll, afterAll included): until stop(). */
export function expectServiceLogsInFile(...patterns: RegExp[]): ExpectedServiceLogs {
  return intercept(patterns, false);
}

/** Called by the jest setup after each test. */
export function stopTestServiceLogExpectations(): void {
  for (let index = interceptions.length - 1; index >= 0; index -= 1) {
    if (interceptions[index].untilTestEnds) interceptions.splice(index, 1);
  }
}

/**
 * What every suite that starts services prints and nobody needs to read: each in-process app
 * warns that it uses the development person-data keys (tests always do), TypeORM that several
 * apps in one process register a default data source (one app per process in production), and
 * kafkajs that the services' idempotent producer has bounded retries (deliberate: a broker
 * restart must not block a request for long, see libs/messaging kafka-client.ts).
 */
export const EXPECTED_IN_EVERY_SUITE: readonly RegExp[] = [
  /development keys in use for PERSON_DATA_KEYS/,
  /A data source with the default name is already registered/,
  /Limiting retries for the idempotent producer may invalidate EoS guarantees/,
  // One test cluster carries the corridor events of every suite's nodes: a replica hears of job
  // orders, contracts and flags another suite's node holds (in production a node holds every
  // object of its corridors, and this warning means a lost record).
  / left out: .*not held here/,
];
