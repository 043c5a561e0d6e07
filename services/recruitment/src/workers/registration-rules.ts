import { ageOn, isCalendarDate, isInTheFuture, isoDay } from '@corridor/reference-data';
import type { RegisterWorkerCommand } from './worker.commands';
import { InvalidRegistration } from './workers.errors';

/** ILO C138: the minimum age for employment a registered worker must have reached. */
export const MINIMUM_AGE = 15;

/**
 * The registration rules of a well-formed command (domain rules, pure): the node registers its own
 * nationals, by its own officers, for another destination; a past birth date and at least the
 * minimum age; an identity document still valid after today; consent given on a date not in the
 * future and not before birth; a phone with enough digits. Throws InvalidRegistration naming the field.
 */
export function assertRegistrationRules(
  command: Pick<RegisterWorkerCommand, 'nationality' | 'intendedDestination' | 'birthDate' | 'documentExpiry' | 'consentGivenOn' | 'phone'>,
  nodeCountry: string,
  officerCountry: string,
  today: Date,
): void {
  const todayIso = isoDay(today);
  if (command.nationality !== nodeCountry) {
    throw new InvalidRegistration(`nationality: this is the ${nodeCountry} node, it registers ${nodeCountry} nationals only, got ${command.nationality}`, 'nationality');
  }
  if (officerCountry !== nodeCountry) {
    throw new InvalidRegistration(`an officer of ${officerCountry} cannot register workers on the ${nodeCountry} node`);
  }
  if (command.intendedDestination === nodeCountry) {
    throw new InvalidRegistration('intendedDestination must be another country than the origin', 'intendedDestination');
  }
  if (!isCalendarDate(command.birthDate) || command.birthDate >= todayIso) {
    throw new InvalidRegistration(`birthDate ${command.birthDate} is not a past calendar date`, 'birthDate');
  }
  if (ageOn(command.birthDate, todayIso) < MINIMUM_AGE) {
    throw new InvalidRegistration(`birthDate: a worker must be at least ${MINIMUM_AGE} years old (ILO C138 minimum age for employment)`, 'birthDate');
  }
  if (!isCalendarDate(command.documentExpiry) || command.documentExpiry <= todayIso) {
    throw new InvalidRegistration(`documentExpiry ${command.documentExpiry} must be a calendar date after today`, 'documentExpiry');
  }
  if (command.consentGivenOn !== undefined && (!isCalendarDate(command.consentGivenOn) || isInTheFuture(command.consentGivenOn, today))) {
    throw new InvalidRegistration(`consentGivenOn ${command.consentGivenOn} must be a calendar date not after today`, 'consentGivenOn');
  }
  if (command.consentGivenOn !== undefined && command.consentGivenOn < command.birthDate) {
    throw new InvalidRegistration(`consentGivenOn ${command.consentGivenOn} is before the birth date`, 'consentGivenOn');
  }
  if (command.phone !== undefined && (command.phone.match(/[0-9]/g) ?? []).length < 6) {
    throw new InvalidRegistration('phone must hold at least 6 digits', 'phone');
  }
}
