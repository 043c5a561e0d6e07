export * from './field-cipher';
export * from './blind-index';
export * from './encrypted-column';
export * from './country-sealed-box';
export * from './country-keys';
export * from './node-signing-keys';
