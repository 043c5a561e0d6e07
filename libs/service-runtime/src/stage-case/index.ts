export * from './stage-case.columns';
export * from './stage-case.inputs';
export * from './stage-case.views';
export * from './stage-case.store';
