import { ConfigurationError } from '@corridor/config';
import { runInTraceContext, traceContextForRequest } from '@corridor/trace-context';
import { createServiceLogger, logFormatFrom, logLevelsFrom, useColours } from './service-logger';

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

describe('service log lines', () => {
  const written = (work: () => void): string[] => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      work();
      return write.mock.calls.map(([chunk]) => String(chunk));
    } finally {
      write.mockRestore();
    }
  };

  it('name the correlation id and trace id of the request they were written for, one line each', () => {
    const logger = createServiceLogger({ NO_COLOR: '1', LOG_FORMAT: 'text' }, ['log']);
    const request = traceContextForRequest({ correlationId: 'req-42', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    const lines = written(() => runInTraceContext(request, () => logger.log('contract drafted', 'DraftContract')));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ LOG \[DraftContract\] corr=req-42 trace=4bf92f3577b34da6a3ce929d0e0e4736 contract drafted\n$/);
  });

  it('name nothing outside a request or a handled event', () => {
    const logger = createServiceLogger({ NO_COLOR: '1', LOG_FORMAT: 'text' }, ['log']);
    const [line] = written(() => logger.log('listening', 'Bootstrap'));
    expect(line).toMatch(/ LOG \[Bootstrap\] listening\n$/);
    expect(line).not.toContain('corr=');
  });
});

describe('service log lines in JSON (the default)', () => {
  const written = (stream: NodeJS.WriteStream, work: () => void): string[] => {
    const write = jest.spyOn(stream, 'write').mockImplementation(() => true);
    try {
      work();
      return write.mock.calls.map(([chunk]) => String(chunk));
    } finally {
      write.mockRestore();
    }
  };

  it('is the default; LOG_FORMAT=text gives Nest lines, anything else is refused', () => {
    expect(logFormatFrom({})).toBe('json');
    expect(logFormatFrom({ LOG_FORMAT: 'TEXT' })).toBe('text');
    expect(() => logFormatFrom({ LOG_FORMAT: 'pretty' })).toThrow(ConfigurationError);
  });

  it('are one object a line with level, time, service, country, context, correlation id, trace id and message, never coloured', () => {
    const logger = createServiceLogger({ FORCE_COLOR: '1' }, ['log'], { service: 'contracts', country: 'KH' });
    const request = traceContextForRequest({ correlationId: 'req-42', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    const lines = written(process.stdout, () => runInTraceContext(request, () => logger.log('contract drafted', 'DraftContract')));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/\x1b\[/);
    expect(lines[0].endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0])).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      pid: process.pid,
      service: 'contracts',
      country: 'KH',
      context: 'DraftContract',
      correlationId: 'req-42',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      msg: 'contract drafted',
    });
  });

  it('name no trace outside a request, follow the levels given, and write errors with their stack to stderr', () => {
    const logger = createServiceLogger({}, ['warn', 'error']);
    expect(written(process.stdout, () => logger.log('listening', 'Bootstrap'))).toEqual([]);
    const [warning] = written(process.stdout, () => logger.warn('slow', 'Relay'));
    expect(JSON.parse(warning)).toMatchObject({ level: 'warn', context: 'Relay', msg: 'slow' });
    expect(JSON.parse(warning)).not.toHaveProperty('correlationId');
    const [error] = written(process.stderr, () => logger.error('publish failed', 'at relay.ts:1', 'Relay'));
    expect(JSON.parse(error)).toMatchObject({ level: 'error', context: 'Relay', msg: 'publish failed', err: { stack: 'at relay.ts:1' } });
  });
});
