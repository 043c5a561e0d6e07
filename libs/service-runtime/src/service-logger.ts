import { ConsoleLogger, type LogLevel } from '@nestjs/common';
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

/** Nest's console logger, each line naming the trace context it was written in. */
export class ServiceLogger extends ConsoleLogger {
  protected override formatContext(context: string): string {
    return super.formatContext(context) + traceTag();
  }
}

/** The logger of every service (createServiceApp). */
export function createServiceLogger(env: NodeJS.ProcessEnv = process.env, levels: LogLevel[] = logLevelsFrom(env)): ConsoleLogger {
  return new ServiceLogger({ logLevels: levels, colors: useColours(env) });
}
