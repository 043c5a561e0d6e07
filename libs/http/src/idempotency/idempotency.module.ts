import { Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor';

const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Installs the Idempotency-Key interceptor on every route of the service (needs the TypeORM
 * DataSource and the IdempotencyKeys migration) and purges expired keys hourly.
 */
@Module({
  providers: [IdempotencyInterceptor, { provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor }],
  exports: [IdempotencyInterceptor],
})
export class IdempotencyModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private timer?: NodeJS.Timeout;

  constructor(private readonly interceptor: IdempotencyInterceptor) {}

  onApplicationBootstrap(): void {
    // Several instances of a service may purge at once: the DELETE is harmless to repeat.
    this.timer = setInterval(() => {
      this.interceptor.purgeExpired().catch((error: Error) => this.logger.warn(`purging expired idempotency keys failed: ${error.message}`));
    }, PURGE_EVERY_MS);
    // Never the reason a process stays alive.
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
