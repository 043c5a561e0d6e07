/** Amounts: the platform carries them in the currency's minor units (ISO 4217 decimals). */

/** The currency's own number of decimals (THB 2, LAK 0 in Intl's table): what one major unit is in minor units. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount typed in major units ("12500.50", "12,500") as minor units, or undefined when it is not one. */
export function toMinorUnits(typed: string, currency: string): number | undefined {
  const digits = currencyDigits(currency);
  const text = typed.replace(/[\s,]/g, '');
  if (!new RegExp(`^\\d{1,13}(\\.\\d{0,${digits}})?$`).test(text)) return undefined;
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
}
