import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { Response } from 'express';
import { asyncApiYaml, buildAsyncApiDocument } from '@corridor/events';
import { INPUT_LIMITS } from './input-policy';
import { createJsonBodyParser, parseQueryWithPolicy, type BulkUploadRoute } from './json-body';
import { ProblemDetailsFilter } from './problem-details.filter';
import { TRACE_CONTEXT_PARAMETERS, traceContextMiddleware } from './trace-context.middleware';
import { createValidationPipe } from './validation';

export interface HttpOptions {
  title: string;
  description: string;
  version?: string;
  /** Largest JSON body accepted, in bytes; larger ones get 413. */
  bodyLimitBytes?: number;
  /** Deepest nesting of objects and arrays accepted; deeper bodies get 400. */
  maxDepth?: number;
  /** Routes that take a file of many rows (CSV or JSON) with a larger limit (json-body.ts). */
  bulkUploads?: readonly BulkUploadRoute[];
}

/**
 * What every Corridor HTTP API shares: the one input policy (docs/input.md: JSON only, size,
 * depth, encoding, characters, then validation against the DTO), problem+json, OpenAPI at /api/docs,
 * and next to it the AsyncAPI document of the event contracts (docs/asyncapi.yaml); every request
 * in its trace context (X-Correlation-Id, traceparent: trace-context.middleware.ts).
 */
export function configureHttp(app: INestApplication, options: HttpOptions): void {
  const expressApp = app as NestExpressApplication;
  // First, so that even a body refused by the parser is answered with its correlation id.
  expressApp.use(traceContextMiddleware());
  // Before anything else reads the body; Nest's own parsers (json, urlencoded) are never reached
  // by a body: this one refuses every non-JSON body and consumes the JSON ones.
  expressApp.use(createJsonBodyParser({ maxBytes: options.bodyLimitBytes ?? INPUT_LIMITS.maxBytes, maxDepth: options.maxDepth ?? INPUT_LIMITS.maxDepth, bulkUploads: options.bulkUploads }));
  expressApp.set('query parser', parseQueryWithPolicy);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion(options.version ?? '1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addGlobalParameters(...TRACE_CONTEXT_PARAMETERS)
      // Relative: the document is served by the service it describes, wherever it is deployed.
      .addServer('/', "This country node's service")
      .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
      .build(),
  );
  markPublicOperations(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  serveAsyncApi(expressApp);
}

/**
 * An operation without a security requirement is one that needs no token (@Public, e.g. /health):
 * say so with an empty requirement rather than leave it unsaid (Redocly's security-defined).
 */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation && !operation.security) operation.security = [];
    }
  }
}

/** The events every node publishes and consumes: the same document as docs/asyncapi.yaml, as YAML and as JSON. */
function serveAsyncApi(app: NestExpressApplication): void {
  const express = app.getHttpAdapter().getInstance();
  express.get('/api/docs-asyncapi', (_req: unknown, res: Response) => res.type('application/yaml').send(asyncApi().yaml));
  express.get('/api/docs-asyncapi-json', (_req: unknown, res: Response) => res.type('application/json').send(asyncApi().json));
}

let rendered: { yaml: string; json: string } | undefined;
/** Rendered on first request, once per process: it is the same for every service, and rendering it cost each start half a second. */
function asyncApi(): { yaml: string; json: string } {
  rendered ??= { yaml: asyncApiYaml(), json: JSON.stringify(buildAsyncApiDocument()) };
  return rendered;
}
