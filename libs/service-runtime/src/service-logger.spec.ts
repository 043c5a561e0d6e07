import { ConfigurationError } from '@corridor/config';
import { logLevelsFrom, useColours } from './service-logger';

describe('service log level', () => {
  it('is log by default and warn in the test suites', () => {
    expect(logLevelsFrom({})).toEqual(['log', 'warn', 'error', 'fatal']);
    expect(logLevelsFrom({ NODE_ENV: 'test' })).toEqual(['warn', 'error', 'fatal']);
  });

  it('follows LOG_LEVEL, in the suites too', () => {
    expect(logLevelsFrom({ NODE_ENV: 'test', LOG_LEVEL: 'debug' })).toEqual(['debug', 'log', 'warn', 'error', 'fatal']);
    expect(logLevelsFrom({ LOG_LEVEL: 'ERROR' })).toEqual(['error', 'fatal']);
    expect(logLevelsFrom({ LOG_LEVEL: 'silent' })).toEqual([]);
  });

  it('refuses a level it does not know', () => {
    expect(() => logLevelsFrom({ LOG_LEVEL: 'info' })).toThrow(ConfigurationError);
  });
});

describe('service log colours', () => {
  it('only on a terminal', () => {
    expect(useColours({}, { isTTY: true })).toBe(true);
    expect(useColours({}, { isTTY: false })).toBe(false);
    expect(useColours({}, {})).toBe(false);
  });

  it('NO_COLOR wins, FORCE_COLOR forces them in a pipe', () => {
    expect(useColours({ NO_COLOR: '1', FORCE_COLOR: '1' }, { isTTY: true })).toBe(false);
    expect(useColours({ FORCE_COLOR: '1' }, { isTTY: false })).toBe(true);
    expect(useColours({ FORCE_COLOR: '0' }, { isTTY: true })).toBe(false);
  });
});
