import type { DataSource } from 'typeorm';

/**
 * Seals stored answers: a 201 or a 409 may carry person data (a name, a document number), and
 * the idempotency table must hold none in clear (ADR 0009). The person-data field cipher fits.
 */
export const IDEMPOTENCY_ANSWER_CIPHER = Symbol('IDEMPOTENCY_ANSWER_CIPHER');

export interface AnswerCipher {
  encrypt(plain: string, aad?: string): string;
  decrypt(token: string, aad?: string): string;
}

/** How an answer sits in response_body: only the sealed JSON text, bound to its actor and key. */
interface SealedAnswer {
  sealed: string;
}

/** Keys and their answers are kept this long; a retry after that runs the request again. */
export const IDEMPOTENCY_KEY_TTL_SECONDS = 24 * 60 * 60;

/** What identifies one request under a key: who sent it and what it was. */
export interface IdempotentRequest {
  actor: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

export interface StoredIdempotencyKey {
  method: string;
  path: string;
  requestHash: string;
  state: 'in-progress' | 'completed';
  responseStatus: number | null;
  responseBody: unknown;
}

interface StoredRow {
  method: string;
  path: string;
  request_hash: string;
  state: 'in-progress' | 'completed';
  response_status: number | null;
  response_body: unknown;
}

/**
 * The idempotency_key table, in plain SQL outside the handler's transaction: the claim must be
 * visible to a concurrent retry at once, and must survive the handler's rollback.
 */
export class IdempotencyStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: AnswerCipher,
    private readonly ttlSeconds = IDEMPOTENCY_KEY_TTL_SECONDS,
  ) {}

  /**
   * Claims the key for this request; true when this request is the one to run. The primary key
   * makes it atomic: of two concurrent requests exactly one inserts. An expired row is taken over
   * in the same statement (otherwise it would block the key until the purge ran).
   */
  async claim(request: IdempotentRequest): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotency_key AS k (actor, key, method, path, request_hash, state)
       VALUES ($1, $2, $3, $4, $5, 'in-progress')
       ON CONFLICT (actor, key) DO UPDATE
         SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
             state = 'in-progress', response_status = NULL, response_body = NULL, created_at = now(), completed_at = NULL
         WHERE k.created_at < now() - $6::int * interval '1 second'
       RETURNING 1`,
      [request.actor, request.key, request.method, request.path, request.requestHash, this.ttlSeconds],
    );
    return rows.length === 1;
  }

  /** The unexpired row for the key, if any. */
  async find(actor: string, key: string): Promise<StoredIdempotencyKey | undefined> {
    const rows = await this.dataSource.query<StoredRow[]>(
      `SELECT method, path, request_hash, state, response_status, response_body
         FROM idempotency_key
        WHERE actor = $1 AND key = $2 AND created_at >= now() - $3::int * interval '1 second'`,
      [actor, key, this.ttlSeconds],
    );
    const row = rows[0];
    return (
      row && {
        method: row.method,
        path: row.path,
        requestHash: row.request_hash,
        state: row.state,
        responseStatus: row.response_status,
        responseBody: this.open(actor, key, row.response_body),
      }
    );
  }

  /** Records the answer to replay; false if the claim was lost meanwhile (expired and taken over). */
  async complete(actor: string, key: string, status: number, body: unknown): Promise<boolean> {
    const rows = await this.dataSource.query<{ n: number }[]>(
      `WITH done AS (
         UPDATE idempotency_key
            SET state = 'completed', response_status = $3, response_body = $4::jsonb, completed_at = now()
          WHERE actor = $1 AND key = $2 AND state = 'in-progress'
          RETURNING 1)
       SELECT count(*)::int AS n FROM done`,
      [actor, key, status, body === undefined ? null : JSON.stringify(this.seal(actor, key, body))],
    );
    return rows[0]?.n === 1;
  }

  private seal(actor: string, key: string, body: unknown): SealedAnswer {
    return { sealed: this.cipher.encrypt(JSON.stringify(body), `idempotency|${actor}|${key}`) };
  }

  private open(actor: string, key: string, stored: unknown): unknown {
    if (stored === null || stored === undefined) return undefined;
    return JSON.parse(this.cipher.decrypt((stored as SealedAnswer).sealed, `idempotency|${actor}|${key}`));
  }

  /** Gives the key back after a failure that a retry may cure, so that the retry runs afresh. */
  async release(actor: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE actor = $1 AND key = $2 AND state = 'in-progress'`, [actor, key]);
  }

  /** Deletes the expired keys; returns how many. */
  async purgeExpired(): Promise<number> {
    const rows = await this.dataSource.query<{ n: number }[]>(
      `WITH gone AS (DELETE FROM idempotency_key WHERE created_at < now() - $1::int * interval '1 second' RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [this.ttlSeconds],
    );
    return rows[0]?.n ?? 0;
  }
}
