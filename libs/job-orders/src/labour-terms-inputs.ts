import { OptionalWholeNumber, WholeNumber } from '@corridor/http';

/**
 * The bounds of the working terms a destination employer offers, one rule wherever they are set:
 * the job order (recruitment) and the contract drafted from it or amended later (contracts). The
 * terms a destination authority registers "as found" are deliberately wider (contracts' own
 * RegisteredTermsInput), so that a substitution can be recorded and flagged.
 */
export const MAX_HOURS_PER_DAY = 12;
export const MAX_CONTRACT_MONTHS = 60;

/** Normal working hours a day, 1 to 12. */
export function HoursPerDay(options: { optional?: boolean } = {}): PropertyDecorator {
  return (options.optional ? OptionalWholeNumber : WholeNumber)({ minimum: 1, maximum: MAX_HOURS_PER_DAY, example: 8 });
}

/** Length of the contract in months, 1 to 60. */
export function ContractMonths(options: { optional?: boolean } = {}): PropertyDecorator {
  return (options.optional ? OptionalWholeNumber : WholeNumber)({ minimum: 1, maximum: MAX_CONTRACT_MONTHS, example: 24 });
}
