import { Logger, type INestApplication } from '@nestjs/common';

/**
 * Listens until SIGTERM or SIGINT, then shuts down in order — stop consuming and finish the
 * records in flight, stop taking requests, flush the outbox, close Postgres — and exits 0.
 * A shutdown that hangs is cut after `graceMs` with exit code 1, so an orchestrator never waits forever.
 */
export async function serveUntilStopped(app: INestApplication, port: number, label: string, graceMs = 25_000): Promise<void> {
  const logger = new Logger(label);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  logger.log(`listening on http://127.0.0.1:${port} (docs /api/docs)`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down`);
    setTimeout(() => {
      logger.error(`shutdown did not finish within ${graceMs} ms`);
      process.exit(1);
    }, graceMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error(`shutdown failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
