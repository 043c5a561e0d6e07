export * from './corridor-feature';
export * from './corridor-service.module';
export * from './create-service-app';
export * from './person-data-keys.module';
export * from './serve-until-stopped';
export * from './service-logger';
export * from './service-definition';
export * from './write-use-case';
