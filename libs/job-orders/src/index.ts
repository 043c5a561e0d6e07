export * from './job-order-columns';
export * from './labour-terms-inputs';
export * from './job-order-replica-step';
export * from './employer-inputs';
