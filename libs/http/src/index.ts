export * from './problem';
export * from './validation';
export * from './problem-details.filter';
export * from './configure-http';
export * from './health';
export * from './idempotency';
export * from './paging';
