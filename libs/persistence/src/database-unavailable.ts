/**
 * The database out of reach for a moment: every pooled connection busy past the wait, too many
 * clients, a restart or shutdown, a connection refused or cut. Nothing is wrong with the request
 * or the record being handled: the HTTP layer answers 503 to retry (ADR 0025), a consumer waits
 * and applies the record again, never parking it as a dead letter (ADR 0026).
 */
const UNAVAILABLE_SQLSTATES = new Set(['53300', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const UNAVAILABLE_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|Driver not Connected|Client has encountered a connection error/;

export function isDatabaseUnavailable(exception: unknown): boolean {
  const error = exception as { code?: unknown; driverError?: { code?: unknown }; message?: unknown } | undefined;
  const code = error?.driverError?.code ?? error?.code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
  return typeof error?.message === 'string' && UNAVAILABLE_MESSAGES.test(error.message);
}
