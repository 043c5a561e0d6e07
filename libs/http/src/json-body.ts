import { parse as parseQueryString } from 'node:querystring';
import type { NextFunction, Request, Response } from 'express';
import {
  BodyRequiredProblem,
  BodyTooDeepProblem,
  BodyTooLargeProblem,
  INPUT_LIMITS,
  InvalidEncodingProblem,
  MalformedJsonProblem,
  UnsupportedMediaTypeProblem,
  applyStringPolicy,
  firstInvalidUtf8,
  isAcceptedJsonMediaType,
  jsonDepth,
} from './input-policy';
import { RequestValidationError } from './validation';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export interface JsonBodyOptions {
  maxBytes?: number;
  maxDepth?: number;
  /** Routes that take a bulk upload: a larger limit, and CSV besides JSON. */
  bulkUploads?: readonly BulkUploadRoute[];
}

/**
 * A route that takes a file of many rows in one request (a mass-return list): its own size limit,
 * and `text/csv` (UTF-8) besides JSON. A CSV body passes the same encoding and string checks as
 * JSON and reaches the controller as `{ csv: "<text>" }`, with the query string as usual.
 */
export interface BulkUploadRoute {
  method: 'POST';
  /** The path, e.g. /api/v1/mass-returns. */
  path: string;
  maxBytes: number;
}

/** text/csv with no parameter but charset=utf-8. */
export function isAcceptedCsvMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  return type === 'text/csv' && parameters.every((p) => p === 'charset=utf-8');
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function readBody(request: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      received += chunk.length;
      // Keep draining (without keeping) so that the 413 reaches a client still sending.
      if (received > limit) {
        refused = true;
        chunks.length = 0;
        reject(new BodyTooLargeProblem(limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => refused || resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * The body parser of every Corridor API, and the only one: JSON in UTF-8, nothing else. Each
 * check runs before the next can be hurt by what it refuses: media type, size, encoding, depth
 * (on the raw bytes, so nothing recursive ever sees a 10,000-deep body), JSON syntax, then the
 * string policy over the parsed value. Named `jsonParser` so Nest does not add its own.
 */
export function createJsonBodyParser(options: JsonBodyOptions = {}) {
  const defaultMaxBytes = options.maxBytes ?? INPUT_LIMITS.maxBytes;
  const maxDepth = options.maxDepth ?? INPUT_LIMITS.maxDepth;
  const bulk = options.bulkUploads ?? [];
  return async function jsonParser(request: Request, _response: Response, next: NextFunction): Promise<void> {
    try {
      const upload = bulk.find((route) => route.method === request.method && route.path === request.path);
      const maxBytes = upload?.maxBytes ?? defaultMaxBytes;
      // Read once here so that a bad query string is refused like a bad body (the getter throws).
      void request.query;
      if (!hasBody(request)) {
        if (WRITE_METHODS.has(request.method)) throw new BodyRequiredProblem(request.method);
        next();
        return;
      }
      const contentType = request.headers['content-type'];
      const csv = upload !== undefined && isAcceptedCsvMediaType(contentType);
      if (!csv && !isAcceptedJsonMediaType(contentType)) throw new UnsupportedMediaTypeProblem(contentType, upload ? ['text/csv', 'text/csv; charset=utf-8'] : []);
      const encoding = request.headers['content-encoding'];
      if (encoding !== undefined && encoding.toLowerCase() !== 'identity') throw new UnsupportedMediaTypeProblem(`${contentType} with Content-Encoding ${encoding}`);
      const declared = Number(request.headers['content-length']);
      if (declared > maxBytes) throw new BodyTooLargeProblem(maxBytes);
      const bytes = await readBody(request, maxBytes);
      if (bytes.length === 0) {
        if (WRITE_METHODS.has(request.method)) throw new BodyRequiredProblem(request.method);
        next();
        return;
      }
      const badByte = firstInvalidUtf8(bytes);
      if (badByte >= 0) throw new InvalidEncodingProblem(badByte);
      if (csv) {
        const { value, errors } = applyStringPolicy({ csv: bytes.toString('utf8') });
        if (errors.length) throw new RequestValidationError(errors);
        request.body = value;
        next();
        return;
      }
      if (jsonDepth(bytes, maxDepth) > maxDepth) throw new BodyTooDeepProblem(maxDepth);
      let parsed: unknown;
      try {
        // A BOM is not JSON (RFC 8259 §8.1); TextDecoder above kept it, JSON.parse refuses it.
        parsed = JSON.parse(bytes.toString('utf8'));
      } catch (error) {
        throw new MalformedJsonProblem(`the body is not valid JSON: ${(error as Error).message}`);
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new MalformedJsonProblem('the body must be a JSON object ({...}), not an array, string, number, boolean or null');
      }
      const { value, errors } = applyStringPolicy(parsed);
      if (errors.length) throw new RequestValidationError(errors);
      request.body = value;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * Query strings get the string policy too (a NUL in ?purpose= reached the audit log): parsed
 * like Express's "simple" parser, then normalised. Refusals surface when Nest reads the query.
 */
export function parseQueryWithPolicy(queryString: string): Record<string, unknown> {
  const { value, errors } = applyStringPolicy({ ...parseQueryString(queryString) });
  if (errors.length) throw new RequestValidationError(errors.map((e) => ({ field: e.field, messages: e.messages.map((m) => `query parameter ${m}`) })));
  return value as Record<string, unknown>;
}
