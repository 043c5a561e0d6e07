// Jest's own order, on a machine with no timings cached (every CI run: a fresh clone), is by file
// size, so the longest suite (the generated access suite: a small file, hundreds of thousands of
// requests) could start last and leave one of the two workers idle for minutes. This order puts
// the suites that take longest first: the time jest cached from the last run on this machine when
// there is one, else the seconds measured in a full run (below), else a guess from the project.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/** Seconds measured in a full `npm test` on the 2-core machine (fresh clone); refresh when one moves. */
const MEASURED_SECONDS = {
  'test/generated/access.gen-spec.ts': 320,
  'test/browser/officer-console.browser-spec.ts': 190,
  'test/e2e/national-clusters.e2e-spec.ts': 100,
  'test/browser/public-portal.browser-spec.ts': 90,
  'test/e2e/deployment.e2e-spec.ts': 75,
  'test/e2e/statistics.e2e-spec.ts': 63,
};
/** For a suite with neither: what a suite of its project usually takes. */
const PROJECT_SECONDS = { browser: 120, generated: 60, e2e: 30, integration: 10, unit: 1 };

const ROOT = path.resolve(__dirname, '../..');

class LongSuitesFirst extends Sequencer {
  sort(tests) {
    const seconds = (test) => {
      const cached = this.time(test);
      if (cached != null) return cached / 1000;
      const measured = MEASURED_SECONDS[path.relative(ROOT, test.path)];
      if (measured != null) return measured;
      return PROJECT_SECONDS[test.context.config.displayName?.name] ?? 1;
    };
    const failed = (test) => (this.hasFailed(test) ? 1 : 0);
    // Failed last time first (quick feedback, as jest does), then the longest first.
    return [...tests].sort((a, b) => failed(b) - failed(a) || seconds(b) - seconds(a));
  }
}

module.exports = LongSuitesFirst;
