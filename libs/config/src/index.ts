export * from './node-config';
export * from './node-config.module';
export * from './corridor-policy';
export * from './kafka-identity';
export * from './platform-layout';
export * from './repo-root';
export * from './portal-guide';
