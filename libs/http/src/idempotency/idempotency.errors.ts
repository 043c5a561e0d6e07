import { ProblemError } from '../problem';

/** The Idempotency-Key header is present but is not a usable key. */
export class InvalidIdempotencyKey extends ProblemError {
  readonly status = 400;
  readonly slug = 'invalid-idempotency-key';
  readonly title = 'Invalid Idempotency-Key header';

  constructor() {
    super('the Idempotency-Key header must be 1 to 255 characters of A-Z, a-z, 0-9, "_", "-", ":" and "."');
  }
}

/** The first request with this key has not answered yet; the client should retry shortly. */
export class IdempotencyKeyInProgress extends ProblemError {
  readonly status = 409;
  readonly slug = 'idempotency-key-in-progress';
  readonly title = 'Request still being processed';

  constructor() {
    super('a request with this Idempotency-Key is still being processed; retry it shortly to get its answer');
  }
}

/** The key was used before for another request: replaying that answer would be a lie. */
export class IdempotencyKeyReused extends ProblemError {
  readonly status = 422;
  readonly slug = 'idempotency-key-reused';
  readonly title = 'Idempotency-Key reused';

  constructor() {
    super('Idempotency-Key was already used with a different request; use a new key for a new request');
  }
}
