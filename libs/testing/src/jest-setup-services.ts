import { EXPECTED_IN_EVERY_SUITE, expectServiceLogsInFile, stopTestServiceLogExpectations } from './service-logs';

/**
 * Runs before every test file of the suites that start services (integration, e2e, generated):
 * the warnings every in-process app prints in tests are not shown, and the log lines a test
 * expected (expectServiceLogs) stop being intercepted when the test ends.
 */
expectServiceLogsInFile(...EXPECTED_IN_EVERY_SUITE);
afterEach(() => stopTestServiceLogExpectations());
