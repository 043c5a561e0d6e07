export * from './idempotency-key';
export * from './idempotency.errors';
export * from './idempotency.store';
export * from './idempotency.interceptor';
export * from './idempotency.module';
export * from './request-fingerprint';
export * from './1763900000400-idempotency-keys';
export { IdempotencyKeys1763900000400 as IdempotencyKeysMigration } from './1763900000400-idempotency-keys';
