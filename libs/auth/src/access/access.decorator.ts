import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Operation } from './operations';

export const ACCESS_METADATA = 'corridor:access';

export interface AccessDeclaration {
  operation: Operation;
  /** The kind of object the route's path names, e.g. 'worker'; its owner decides object scope. */
  resource?: string;
  /** The path parameter holding the object's id (default: the route's only parameter). */
  param?: string;
}

/**
 * Declares what a route does, so that the one access model decides who may: the operation (which
 * roles), and the object named in its path (whose scope). Published in the OpenAPI document as
 * `x-corridor-access`, so the generated suites find every route's declaration.
 */
export function Access(operation: Operation, object?: { resource: string; param?: string }): MethodDecorator & ClassDecorator {
  const declaration: AccessDeclaration = { operation, ...object };
  return applyDecorators(SetMetadata(ACCESS_METADATA, declaration), ApiExtension('x-corridor-access', declaration));
}
