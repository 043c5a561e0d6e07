import { FormattedNumber, useIntl } from 'react-intl';
import { formatDateFallback, needsCalendarFallback } from './calendar-fallback';

/** An amount from minor units: the currency's own number of decimals (THB 2, LAK 0 in Intl's table). */
export function Money({ amountMinor, currency }: { amountMinor: number; currency: string }) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return <FormattedNumber value={amountMinor / 10 ** digits} style="currency" currency={currency} />;
}

/** A calendar date (YYYY-MM-DD) or an instant, in the officer's locale and calendar (CLDR's own where the browser lacks it). */
export function DateText({ value, withTime = false }: { value: string | null | undefined; withTime?: boolean }) {
  const intl = useIntl();
  if (!value) return <>—</>;
  const calendarDay = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = calendarDay ? new Date(`${value}T00:00:00Z`) : new Date(value);
  const timeZone = calendarDay ? 'UTC' : undefined;
  if (needsCalendarFallback(intl.locale)) return <>{formatDateFallback(intl.locale, date, { withTime, timeZone })}</>;
  return <>{intl.formatDate(date, withTime ? { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone } : { year: 'numeric', month: 'short', day: 'numeric', timeZone })}</>;
}
