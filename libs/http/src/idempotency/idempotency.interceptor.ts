import { Stream } from 'node:stream';
import { Inject, Injectable, Logger, StreamableFile, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { defer, lastValueFrom, of, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Officer } from '@corridor/auth';
import { PROBLEM_CONTENT_TYPE } from '../problem';
import { toProblem } from '../problem-details.filter';
import { IdempotencyKeyInProgress, IdempotencyKeyReused, InvalidIdempotencyKey } from './idempotency.errors';
import { IDEMPOTENCY_HEADER, IDEMPOTENT_METHODS, IDEMPOTENT_REPLAYED_HEADER, isValidIdempotencyKey } from './idempotency-key';
import { IDEMPOTENCY_ANSWER_CIPHER, IdempotencyStore, type AnswerCipher, type IdempotentRequest, type StoredIdempotencyKey } from './idempotency.store';
import { requestHash } from './request-fingerprint';

type OfficerRequest = Request & { officer?: Officer };

/** Rejections a retry may well turn into success (timeout, too early, rate limit): never replayed. */
const TRANSIENT_REJECTIONS = new Set([408, 425, 429]);

/** How often to re-read a key that a failing first run keeps releasing, before answering 409. */
const CLAIM_ATTEMPTS = 3;

/**
 * Makes POST, PUT and PATCH safe to retry: the first request with an Idempotency-Key runs and
 * its answer is stored; a retry with the same key and body gets that answer replayed, status and
 * body, and changes nothing. Field offices on bad connections resend what they cannot tell
 * arrived.
 *
 * Global and after the guards (Nest runs guards, then interceptors, then pipes), so the officer
 * is known and validation errors of the pipes arrive here as errors of the handler.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  private readonly store: IdempotencyStore;

  constructor(dataSource: DataSource, @Inject(IDEMPOTENCY_ANSWER_CIPHER) cipher: AnswerCipher) {
    this.store = new IdempotencyStore(dataSource, cipher);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<OfficerRequest>();
    const response = http.getResponse<Response>();
    if (!IDEMPOTENT_METHODS.includes(request.method)) return next.handle();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (key === undefined) return next.handle();
    // Sent twice, Node joins the values with ", ", which the pattern refuses too.
    if (!isValidIdempotencyKey(key)) throw new InvalidIdempotencyKey();
    // A public route has no caller to scope the key to, and a key shared by everybody would
    // hand one caller's answer to another: such routes run as if no key had been sent.
    if (!request.officer) return next.handle();

    const claim: IdempotentRequest = {
      actor: actorOf(request.officer),
      key,
      method: request.method,
      path: request.originalUrl,
      requestHash: requestHash(request.body),
    };
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      if (await this.store.claim(claim)) return defer(() => this.runAndRecord(claim, request, response, next));
      const stored = await this.store.find(claim.actor, claim.key);
      // Released by a failed first run (or expired) between the two statements: claim again.
      if (!stored) continue;
      if (stored.method !== claim.method || stored.path !== claim.path || stored.requestHash !== claim.requestHash) {
        throw new IdempotencyKeyReused();
      }
      if (stored.state === 'in-progress') break;
      return of(replay(stored, response));
    }
    response.setHeader('Retry-After', '1');
    throw new IdempotencyKeyInProgress();
  }

  /** Deletes the keys older than 24 h; returns how many. */
  purgeExpired(): Promise<number> {
    return this.store.purgeExpired();
  }

  /**
   * Runs the handler to its end, even if the client goes away meanwhile (its retry needs the
   * answer recorded), then records the answer, or the rejection, for the retries.
   */
  private async runAndRecord(claim: IdempotentRequest, request: Request, response: Response, next: CallHandler): Promise<unknown> {
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.recordFailure(claim, request, error);
      throw error;
    }
    await this.recordSuccess(claim, response, body);
    return body;
  }

  private async recordSuccess(claim: IdempotentRequest, response: Response, body: unknown): Promise<void> {
    try {
      if (!isReplayable(body, response)) {
        // A stream, a file or an answer the handler sent by itself cannot be stored as JSON.
        this.logger.warn(`${claim.method} ${claim.path}: the answer cannot be stored for replay; the key is released`);
        await this.store.release(claim.actor, claim.key);
        return;
      }
      // After the handler: the status it really answered with (@HttpCode, or set by the handler).
      if (!(await this.store.complete(claim.actor, claim.key, response.statusCode, body))) {
        this.logger.warn(`${claim.method} ${claim.path}: key "${claim.key}" expired before its answer was stored`);
      }
    } catch (error) {
      // The command did happen: answer it. The key stays in progress, so a retry gets 409
      // until it expires rather than running the command a second time.
      this.logger.error(`${claim.method} ${claim.path}: storing the answer for key "${claim.key}" failed: ${(error as Error).message}`);
    }
  }

  /**
   * A rejection (validation, business rule, not found) is the answer to this request: replayed
   * like a success. A server failure or a transient rejection may be cured by retrying, so the
   * key is released and the retry runs afresh.
   */
  private async recordFailure(claim: IdempotentRequest, request: Request, error: unknown): Promise<void> {
    const problem = toProblem(error, request.originalUrl);
    try {
      if (problem.status >= 400 && problem.status < 500 && !TRANSIENT_REJECTIONS.has(problem.status)) {
        await this.store.complete(claim.actor, claim.key, problem.status, problem);
      } else {
        await this.store.release(claim.actor, claim.key);
      }
    } catch (storeError) {
      // The client gets the handler's error either way; the key expires in 24 h at worst.
      this.logger.error(`${claim.method} ${claim.path}: recording the failure for key "${claim.key}" failed: ${(storeError as Error).message}`);
    }
  }
}

/** Country first: the country code has no "/", so the pair cannot be confused with another. */
function actorOf(officer: Officer): string {
  return `${officer.country}/${officer.subject}`;
}

function isReplayable(body: unknown, response: Response): boolean {
  return !response.headersSent && !(body instanceof StreamableFile || body instanceof Stream || Buffer.isBuffer(body));
}

/** The stored answer as it was first given; a stored rejection goes out as problem+json, as the filter sent it. */
function replay(stored: StoredIdempotencyKey, response: Response): unknown {
  const status = stored.responseStatus as number;
  response.status(status);
  response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
  if (status >= 400) {
    response.type(PROBLEM_CONTENT_TYPE);
    return JSON.stringify(stored.responseBody);
  }
  return stored.responseBody;
}
