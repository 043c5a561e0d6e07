import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { pino, type Logger as PinoLogger } from 'pino';
import { ConfigurationError } from '@corridor/config';
import { currentTraceContext, type TraceContext } from '@corridor/trace-context';

/** Nest's levels from the most to the least verbose. */
const LEVELS: readonly LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];

/**
 * The levels a service logs: LOG_LEVEL and everything more severe (`silent`: nothing). Default
 * `log`, but `warn` under NODE_ENV=test (jest sets it): the suites start dozens of apps, whose
 * start-up lines would bury a failure.
 */
export function logLevelsFrom(env: NodeJS.ProcessEnv = process.env): LogLevel[] {
  const wanted = (env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'log')).trim().toLowerCase();
  if (wanted === 'silent') return [];
  const index = LEVELS.indexOf(wanted as LogLevel);
  if (index < 0) throw new ConfigurationError(`LOG_LEVEL must be one of ${LEVELS.join(', ')} or silent, got "${wanted}"`);
  return LEVELS.slice(index);
}

/** Colours only on a terminal (never in a pipe, a file or CI logs), unless NO_COLOR or FORCE_COLOR say otherwise. */
export function useColours(env: NodeJS.ProcessEnv = process.env, stream: { isTTY?: boolean } = process.stdout): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return stream.isTTY === true;
}

/**
 * What a line written while a request or a consumed event is worked on says about it, after the
 * logger's name: `corr=<correlation id> trace=<trace id> `; nothing outside (start-up, timers).
 * grep for either finds every line of one request in every service and country.
 */
export function traceTag(context: TraceContext | undefined = currentTraceContext()): string {
  return context ? `corr=${context.correlationId} trace=${context.traceId} ` : '';
}

/** `json` (default: one JSON object a line, never coloured) or `text` (Nest's lines, coloured on a terminal), from LOG_FORMAT. */
export type LogFormat = 'json' | 'text';

export function logFormatFrom(env: NodeJS.ProcessEnv = process.env): LogFormat {
  const wanted = (env.LOG_FORMAT ?? 'json').trim().toLowerCase();
  if (wanted !== 'json' && wanted !== 'text') throw new ConfigurationError(`LOG_FORMAT must be json or text, got "${wanted}"`);
  return wanted;
}

/** Nest's levels as pino's (and so as every log collector's) names. */
const PINO_LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

/** Who writes the lines: the service and its node, on every line. */
export interface LogLabels {
  service?: string;
  country?: string;
}

function pinoTo(stream: NodeJS.WritableStream, labels: LogLabels): PinoLogger {
  return pino(
    {
      // Nest filters by level (LOG_LEVEL) before a line reaches pino.
      level: 'trace',
      base: { pid: process.pid, ...labels },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // The trace context of the request or event the line is written for (none outside one).
      mixin: () => {
        const context = currentTraceContext();
        return context ? { correlationId: context.correlationId, traceId: context.traceId } : {};
      },
    },
    stream,
  );
}

/**
 * The logger of every service. In JSON (the default) each line is one object: `level`, `time`,
 * `pid`, `service`, `country`, `context` (the logger's name), `correlationId` and `traceId` of the
 * request or consumed event it was written for, `msg`, and `err` (type, message, stack) for errors;
 * pino writes it to stdout (errors to stderr), without colours. In text, Nest's console lines
 * naming `corr=… trace=…`. Either way Nest decides which levels are written (LOG_LEVEL), and what
 * a line says is the caller's: no request bodies or queries are logged (person data stays out).
 */
export class ServiceLogger extends ConsoleLogger {
  private readonly json: { stdout: PinoLogger; stderr: PinoLogger } | undefined;

  constructor(options: { logLevels: LogLevel[]; colors: boolean; format: LogFormat; labels?: LogLabels }) {
    super({ logLevels: options.logLevels, colors: options.format === 'text' && options.colors });
    // Through the process streams (not pino's own fd writer), so lines keep their order with other output and tests can read them.
    this.json = options.format === 'json' ? { stdout: pinoTo(process.stdout, options.labels ?? {}), stderr: pinoTo(process.stderr, options.labels ?? {}) } : undefined;
  }

  protected override formatContext(context: string): string {
    return super.formatContext(context) + traceTag();
  }

  protected override printMessages(messages: unknown[], context = '', logLevel: LogLevel = 'log', writeStreamType?: 'stdout' | 'stderr', errorStack?: unknown): void {
    if (!this.json) return super.printMessages(messages, context, logLevel, writeStreamType, errorStack);
    const logger = writeStreamType === 'stderr' ? this.json.stderr : this.json.stdout;
    const level = PINO_LEVEL[logLevel];
    for (const message of messages) {
      const fields: Record<string, unknown> = { context: context || undefined };
      if (message instanceof Error) fields.err = { type: message.name, message: message.message, stack: message.stack };
      else if (typeof errorStack === 'string' && errorStack) fields.err = { stack: errorStack };
      logger[level](fields, message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message));
    }
  }

  protected override printStackTrace(stack: string): void {
    // In JSON the stack is a field of the line (err.stack).
    if (!this.json) super.printStackTrace(stack);
  }
}

/** The logger of every service (createServiceApp). */
export function createServiceLogger(env: NodeJS.ProcessEnv = process.env, levels: LogLevel[] = logLevelsFrom(env), labels: LogLabels = {}): ConsoleLogger {
  return new ServiceLogger({ logLevels: levels, colors: useColours(env), format: logFormatFrom(env), labels });
}
