import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ISCO08_UNIT_GROUP_CODES } from '@corridor/reference-data';

/** Whether a field may be left out (`@IsOptional()`), and what the OpenAPI document adds about it. */
export interface TermFieldOptions {
  optional?: boolean;
  description?: string;
}

/**
 * One rule and one OpenAPI description per field, applied in the order a written-out stack
 * registers them (bottom up), so validation messages keep their order.
 */
function field(example: string, options: TermFieldOptions, ...rules: PropertyDecorator[]): PropertyDecorator {
  const doc = { example, ...(options.description ? { description: options.description } : {}) };
  return applyDecorators(...[...rules].reverse(), ...(options.optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]));
}

/**
 * The employer and the work as a job order names them and a contract repeats or amends them
 * (recruitment's job orders, contracts' amendments and registered terms): one rule each.
 */
export function EmployerName(options: TermFieldOptions = {}): PropertyDecorator {
  return field('Siam Frozen Foods Co., Ltd.', options, IsString(), Length(2, 200));
}

export function EmployerRegistrationNumber(options: TermFieldOptions = {}): PropertyDecorator {
  return field('0105548012345', options, Matches(/^[A-Za-z0-9][A-Za-z0-9/.-]{2,39}$/, { message: 'employerRegistrationNumber must be 3 to 40 letters, digits, "/", "." or "-"' }));
}

export function WorkplaceProvince(options: TermFieldOptions = {}): PropertyDecorator {
  return field('Samut Sakhon', options, IsString(), Length(2, 100));
}

export function OccupationIsco(options: TermFieldOptions = {}): PropertyDecorator {
  return field('9329', options, IsIn(ISCO08_UNIT_GROUP_CODES, { message: 'occupationIsco must be an ISCO-08 unit group (4 digits), e.g. 9329' }));
}
