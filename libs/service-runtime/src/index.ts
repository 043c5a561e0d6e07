export * from './node-config.module';
export * from './corridor-service.module';
export * from './create-service-app';
