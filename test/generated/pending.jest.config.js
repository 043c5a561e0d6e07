// The generated suites that wait for work in progress (the access model): run on demand with
//   npx jest -c test/generated/pending.jest.config.js
// and move into the 'generated' project (rename to *.gen-spec.ts) once they pass.
const path = require('node:path');
const root = require('../../jest.config.js');

const generated = root.projects.find((p) => p.displayName === 'generated');
module.exports = { ...generated, rootDir: path.resolve(__dirname, '../..'), displayName: 'pending', testMatch: ['<rootDir>/test/generated/**/*.pending-spec.ts'] };
