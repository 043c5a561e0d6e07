import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_AMOUNT_MINOR } from './money-inputs';

/** What the OpenAPI document says of a whole-number field; minimum and maximum are also enforced. */
export interface WholeNumberDoc {
  minimum: number;
  maximum: number;
  example?: number;
  description?: string;
}

/**
 * One decorator for a bounded whole number in a request (wage, hours, months, counts): the
 * OpenAPI schema and the validation take their bounds from the same two numbers, so the document
 * cannot promise other bounds than the ones enforced. The validators are registered in the order a
 * written-out `@IsInt() @Min() @Max()` stack registers them (bottom up), so messages keep their order.
 */
export function WholeNumber(doc: WholeNumberDoc): PropertyDecorator {
  return applyDecorators(Max(doc.maximum), Min(doc.minimum), IsInt(), ApiProperty(doc));
}

/** The same, for a field that may be left out (`@IsOptional()`: absent or null skips the rules). */
export function OptionalWholeNumber(doc: WholeNumberDoc): PropertyDecorator {
  return applyDecorators(Max(doc.maximum), Min(doc.minimum), IsInt(), IsOptional(), ApiPropertyOptional(doc));
}

/** An amount in minor units of its currency, 1 to MAX_AMOUNT_MINOR: wages, fees, refunds, caps. */
export function AmountMinor(doc: Omit<WholeNumberDoc, 'minimum' | 'maximum'>): PropertyDecorator {
  return WholeNumber({ ...doc, minimum: 1, maximum: MAX_AMOUNT_MINOR });
}

/** An amount in minor units that may be left out. */
export function OptionalAmountMinor(doc: Omit<WholeNumberDoc, 'minimum' | 'maximum'>): PropertyDecorator {
  return OptionalWholeNumber({ ...doc, minimum: 1, maximum: MAX_AMOUNT_MINOR });
}
