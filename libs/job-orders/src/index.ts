export * from './job-order-columns';
