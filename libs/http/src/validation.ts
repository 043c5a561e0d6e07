import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from './input-policy';
import { NothingToAddCommand } from './nothing-to-add.command';

/** A 400 whose body lists each field and what is wrong with it. */
export class RequestValidationError extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super('The request body is invalid');
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * A property declared as one nested DTO must hold one object. class-transformer maps an array
 * given there element by element and @ValidateNested then checks the (possibly zero) elements,
 * so `terms: []` passed and the use case fell back to defaults. The declared type (TypeScript's
 * design:type metadata) says which properties are single objects; no DTO has to repeat it.
 */
export function arraysWhereObjectsBelong(instance: unknown, parent = ''): ValidationError[] {
  if (instance === null || typeof instance !== 'object') return [];
  const errors: ValidationError[] = [];
  const prototype = Object.getPrototypeOf(instance) as object | null;
  if (!prototype || prototype === Object.prototype) return [];
  for (const [property, value] of Object.entries(instance)) {
    const declared = Reflect.getMetadata('design:type', prototype, property) as (abstract new () => unknown) | undefined;
    const path = parent ? `${parent}.${property}` : property;
    if (Array.isArray(value)) {
      if (declared && declared !== Array) {
        errors.push({ property: path, constraints: { isNotArray: `${path} must be ${declared === Object ? 'a single value' : `an object (${declared.name})`}, not an array` }, children: [] });
      } else {
        value.forEach((item, i) => errors.push(...arraysWhereObjectsBelong(item, `${path}.${i}`)));
      }
    } else {
      errors.push(...arraysWhereObjectsBelong(value, path));
    }
  }
  return errors;
}

/** Each property of a body that must be `{}`: class-validator has no rule for a class without properties (it calls it an unknown value). */
function propertiesOfNothing(body: NothingToAddCommand): ValidationError[] {
  return Object.keys(body).map((property) => ({ property, constraints: { nothingToAdd: `property ${property} should not exist: this write takes an empty object {}` }, children: [] }));
}

class CorridorValidationPipe extends ValidationPipe {
  protected override async validate(object: object, validatorOptions?: Parameters<ValidationPipe['validate']>[1]): Promise<ValidationError[]> {
    if (object instanceof NothingToAddCommand) return propertiesOfNothing(object);
    const errors = await super.validate(object, validatorOptions);
    return [...errors, ...arraysWhereObjectsBelong(object)];
  }
}

/** Whitelist, refuse unknown properties, transform to DTO classes: input is exactly what the DTO says. */
export function createValidationPipe(): ValidationPipe {
  return new CorridorValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
