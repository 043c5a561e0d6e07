import { FormattedDate, FormattedNumber } from 'react-intl';

/** An amount from minor units: the currency's own number of decimals (THB 2, LAK 0 in Intl's table). */
export function Money({ amountMinor, currency }: { amountMinor: number; currency: string }) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return <FormattedNumber value={amountMinor / 10 ** digits} style="currency" currency={currency} />;
}

/** A calendar date (YYYY-MM-DD) or an instant, in the officer's locale and calendar. */
export function DateText({ value, withTime = false }: { value: string | null | undefined; withTime?: boolean }) {
  if (!value) return <>—</>;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return withTime ? (
    <FormattedDate value={date} year="numeric" month="short" day="numeric" hour="2-digit" minute="2-digit" />
  ) : (
    <FormattedDate value={date} year="numeric" month="short" day="numeric" timeZone={/^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : undefined} />
  );
}
