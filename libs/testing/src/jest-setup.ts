/**
 * Runs before every test file of every jest project (jest.config.js setupFilesAfterEnv): a test
 * that makes no assertion fails ("Expected at least one assertion to be called but received
 * none"), so no test passes by returning early, or by asserting only inside a callback that never
 * ran. Proven by libs/testing/src/jest-setup.spec.ts.
 */
beforeEach(() => {
  expect.hasAssertions();
});
