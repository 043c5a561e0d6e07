export * from './node-config';
export * from './node-config.module';
export * from './node-officers-only.guard';
export * from './corridor-policy';
export * from './kafka-identity';
