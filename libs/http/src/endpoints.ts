import { applyDecorators, Controller, Get, HttpCode, Post, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiIdempotencyKey } from './idempotency/idempotency-key';
import { ApiPageResponse } from './paging';

/**
 * The decorator stacks every controller of every service wrote out alike, composed once: a route,
 * its status, its idempotency header and its typed answer (a view class, so the OpenAPI document
 * has a schema for every 2xx answer). The access declaration (@Access) and the problem types
 * (@ApiProblems) stay on each route: they are what differs.
 */

export interface ApiControllerOptions {
  /** The OpenAPI tag. */
  tag: string;
  /** Who is refused with 403 on every route of the controller. */
  forbidden: string;
}

/** A controller of officers' routes: bearer tokens, a tag, and the 403 every route may answer. */
export function ApiController(path: string, options: ApiControllerOptions): ClassDecorator {
  return applyDecorators(ApiTags(options.tag), ApiBearerAuth(), ApiForbiddenResponse({ description: `${options.forbidden} (problem+json)` }), Controller(path));
}

export interface RouteOptions {
  /** Below the controller's path; none for the controller's own. */
  path?: string;
  /** The view class of the 2xx answer. */
  answers: Type;
  description: string;
  /** A short name of the operation for the API's table of contents; default: the description up to its first `;`, `:` or `(`. */
  summary?: string;
  /** The answer is a bare array of `answers` (older lists kept as they are, ADR 0012). */
  isArray?: boolean;
  /** Set when the route names an object the caller may not see or that does not exist. */
  notFound?: string;
}

/** The description's first clause, so that every operation has a summary (Redocly's operation-summary) without a second sentence to write. */
export function operationSummary(options: Pick<RouteOptions, 'summary' | 'description'>): string {
  if (options.summary) return options.summary;
  const clause = options.description.split(/[;:(]/)[0].trim().replace(/[.,]$/, '');
  return clause.length <= 100 ? clause : `${clause.slice(0, 99).trimEnd()}…`;
}

const summary = (options: RouteOptions) => ApiOperation({ summary: operationSummary(options) });

const notFound = (options: RouteOptions) => (options.notFound ? [ApiNotFoundResponse({ description: `${options.notFound} (problem+json)` })] : []);

/** A write: POST answering 201 with the view, replayed under the same Idempotency-Key. */
export function IdempotentPost(options: RouteOptions): MethodDecorator {
  return applyDecorators(
    Post(options.path),
    summary(options),
    HttpCode(201),
    ApiIdempotencyKey(),
    ApiCreatedResponse({ type: options.answers, isArray: options.isArray, description: options.description }),
    ...notFound(options),
  );
}

/** A read of one object (or a bare array of them): GET answering 200 with the view. */
export function GetView(options: RouteOptions): MethodDecorator {
  return applyDecorators(Get(options.path), summary(options), ApiOkResponse({ type: options.answers, isArray: options.isArray, description: options.description }), ...notFound(options));
}

/** A list: GET answering 200 with one Page of the view. */
export function GetPage(options: Omit<RouteOptions, 'isArray'>): MethodDecorator {
  return applyDecorators(Get(options.path), summary(options), ApiPageResponse(options.answers, options.description), ...notFound(options));
}
