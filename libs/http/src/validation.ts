import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** A 400 whose body lists each field and what is wrong with it. */
export class RequestValidationError extends BadRequestException {
  constructor(readonly fieldErrors: { field: string; messages: string[] }[]) {
    super('The request body is invalid');
  }
}

function flatten(errors: ValidationError[], parent = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelist, refuse unknown properties, transform to DTO classes: input is exactly what the DTO says. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
