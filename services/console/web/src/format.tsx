import { FormattedNumber, useIntl } from 'react-intl';
import { formatDateFallback, needsCalendarFallback } from './calendar-fallback';

/** The currency's own number of decimals (THB 2, LAK 0 in Intl's table): what one major unit is in minor units. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount from minor units, with the currency, in the officer's locale. */
export function Money({ amountMinor, currency }: { amountMinor: number; currency: string }) {
  return <FormattedNumber value={amountMinor / 10 ** currencyDigits(currency)} style="currency" currency={currency} />;
}

/** An amount typed in major units ("12500.50", "12,500") as minor units, or undefined when it is not one. */
export function toMinorUnits(typed: string, currency: string): number | undefined {
  const digits = currencyDigits(currency);
  const text = typed.replace(/[\s,]/g, '');
  if (!new RegExp(`^\\d{1,13}(\\.\\d{0,${digits}})?$`).test(text)) return undefined;
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
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

/** The officer's own calendar day (YYYY-MM-DD): the default day of a step recorded now. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
