import { FormattedNumber, useIntl, type IntlShape } from 'react-intl';
import { formatDateFallback, needsCalendarFallback } from './calendar-fallback';
import { currencyDigits } from './money';

/** An amount from minor units, with the currency, in the officer's locale. */
export function Money({ amountMinor, currency }: { amountMinor: number; currency: string }) {
  return <FormattedNumber value={amountMinor / 10 ** currencyDigits(currency)} style="currency" currency={currency} />;
}

/** A calendar date (YYYY-MM-DD) or an instant as text, in the officer's locale and calendar (CLDR's own where the browser lacks it). */
export function dateText(intl: IntlShape, value: string, withTime = false): string {
  const calendarDay = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = calendarDay ? new Date(`${value}T00:00:00Z`) : new Date(value);
  const timeZone = calendarDay ? 'UTC' : undefined;
  if (needsCalendarFallback(intl.locale)) return formatDateFallback(intl.locale, date, { withTime, timeZone });
  return intl.formatDate(date, withTime ? { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone } : { year: 'numeric', month: 'short', day: 'numeric', timeZone });
}

export function DateText({ value, withTime = false }: { value: string | null | undefined; withTime?: boolean }) {
  const intl = useIntl();
  return <>{value ? dateText(intl, value, withTime) : '—'}</>;
}

/** The officer's own calendar day (YYYY-MM-DD): the default day of a step recorded now. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
