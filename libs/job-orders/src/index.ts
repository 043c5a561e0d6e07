export * from './job-order-columns';
export * from './labour-terms-inputs';
