export * from './ensure-database';
export * from './data-source';
export * from './postgres-health';
export * from './renamed-migration';
export * from './database-unavailable';
export * from './recorded-by-officer';
