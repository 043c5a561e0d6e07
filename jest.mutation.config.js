// The unit specs of the domain-rule modules (tools/mutation/rule-modules.json), for Stryker's
// jest runner: the `unit` project of jest.config.js, narrowed to the specs next to the rules.
const base = require('./jest.config.js');

const unit = base.projects.find((project) => project.displayName === 'unit');

module.exports = {
  ...unit,
  displayName: undefined,
  testMatch: [
    '<rootDir>/libs/{auth,state-machine,reference-data}/src/**/*.spec.ts',
    '<rootDir>/services/{recruitment,contracts}/src/**/*.spec.ts',
  ],
};
