export * from './correlation-id';
export * from './traceparent';
export * from './trace-context';
