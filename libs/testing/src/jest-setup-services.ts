import { EXPECTED_IN_EVERY_SUITE, expectServiceLogsInFile, stopTestServiceLogExpectations } from './service-logs';

/**
 * Runs before every test file of the suites that start services (integration, e2e, generated):
 * the warnings every in-process app prints in tests are not shown, and the log lines a test
 * expected (expectServiceLogs) stop being intercepted when the test ends.
 */
expectServiceLogsInFile(...EXPECTED_IN_EVERY_SUITE);
afterEach(() => stopTestServiceLogExpectations());

// The signed audit head is published on a timer when the chain moved (ADR 0020): in a suite that
// would add an outbox row at a moment no test chose, under the "stores nothing" checks of the
// bad-input suites. Suites publish it when they test it (AuditHeadPublisher.publishNow()).
process.env.AUDIT_HEAD_INTERVAL_MS ??= String(60 * 60 * 1000);
