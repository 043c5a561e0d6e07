import { IsIn } from 'class-validator';
import { CURRENCY_CODES } from '@corridor/reference-data';

/** The largest amount in minor units the platform takes (10^12: a billion in two-decimal currencies). */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;

/** One rule for every currency field of every service: a code of ISO 4217 the platform knows. */
export function IsCurrencyCode(field: string): PropertyDecorator {
  return IsIn(CURRENCY_CODES, { message: `${field} must be an ISO 4217 currency code the platform knows, e.g. THB` });
}
