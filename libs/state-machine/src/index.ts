export * from './state-machine';
export * from './lifecycles/agency.lifecycle';
export * from './lifecycles/job-order.lifecycle';
export * from './lifecycles/fee-breach.lifecycle';
export * from './lifecycles/substitution-flag.lifecycle';
export * from './lifecycles/deployment.lifecycle';
export * from './lifecycles/grievance.lifecycle';
export * from './lifecycles/welfare-case.lifecycle';
