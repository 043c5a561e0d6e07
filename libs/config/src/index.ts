export * from './node-config';
