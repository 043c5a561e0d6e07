export * from './test-node';
export * from './topic-reader';
