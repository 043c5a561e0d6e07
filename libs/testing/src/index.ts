export * from './test-node';
export * from './topic-reader';
export * from './private-broker';
export * from './worker-registration.fixture';
export * from './consumer-group';
export * from './recruitment-fixtures';
export * from './test-kafka';
