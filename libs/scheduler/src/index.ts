export * from './clock';
export * from './claim-flag';
export * from './scheduled-flag.entity';
export * from './scheduled-flags.migration';
export * from './scheduler';
export * from './claimed-flag-check';
