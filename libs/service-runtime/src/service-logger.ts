import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { ConfigurationError } from '@corridor/config';

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

/** The logger of every service (createServiceApp). */
export function createServiceLogger(env: NodeJS.ProcessEnv = process.env, levels: LogLevel[] = logLevelsFrom(env)): ConsoleLogger {
  return new ConsoleLogger({ logLevels: levels, colors: useColours(env) });
}
