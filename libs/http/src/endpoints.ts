import { applyDecorators, Controller, Get, HttpCode, Post, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  /** The answer is a bare array of `answers` (older lists kept as they are, ADR 0012). */
  isArray?: boolean;
  /** Set when the route names an object the caller may not see or that does not exist. */
  notFound?: string;
}

const notFound = (options: RouteOptions) => (options.notFound ? [ApiNotFoundResponse({ description: `${options.notFound} (problem+json)` })] : []);

/** A write: POST answering 201 with the view, replayed under the same Idempotency-Key. */
export function IdempotentPost(options: RouteOptions): MethodDecorator {
  return applyDecorators(
    Post(options.path),
    HttpCode(201),
    ApiIdempotencyKey(),
    ApiCreatedResponse({ type: options.answers, isArray: options.isArray, description: options.description }),
    ...notFound(options),
  );
}

/** A read of one object (or a bare array of them): GET answering 200 with the view. */
export function GetView(options: RouteOptions): MethodDecorator {
  return applyDecorators(Get(options.path), ApiOkResponse({ type: options.answers, isArray: options.isArray, description: options.description }), ...notFound(options));
}

/** A list: GET answering 200 with one Page of the view. */
export function GetPage(options: Omit<RouteOptions, 'isArray'>): MethodDecorator {
  return applyDecorators(Get(options.path), ApiPageResponse(options.answers, options.description), ...notFound(options));
}
