/**
 * ISO 4217 currencies the platform accepts, with their minor units (digits after the decimal
 * point): amounts are stored as integers in minor units, so the exponent tells how to show them.
 * The GMS currencies first, then those of other common destinations and of remittance corridors.
 */
export const CURRENCIES = {
  // Greater Mekong Subregion
  THB: { name: 'Thai baht', minorUnits: 2 },
  KHR: { name: 'Cambodian riel', minorUnits: 2 },
  LAK: { name: 'Lao kip', minorUnits: 2 },
  MMK: { name: 'Myanmar kyat', minorUnits: 2 },
  VND: { name: 'Vietnamese dong', minorUnits: 0 },
  CNY: { name: 'Chinese yuan renminbi', minorUnits: 2 },
  // Region and common destinations of GMS workers
  USD: { name: 'US dollar', minorUnits: 2 },
  EUR: { name: 'Euro', minorUnits: 2 },
  MYR: { name: 'Malaysian ringgit', minorUnits: 2 },
  SGD: { name: 'Singapore dollar', minorUnits: 2 },
  BND: { name: 'Brunei dollar', minorUnits: 2 },
  IDR: { name: 'Indonesian rupiah', minorUnits: 2 },
  PHP: { name: 'Philippine peso', minorUnits: 2 },
  JPY: { name: 'Japanese yen', minorUnits: 0 },
  KRW: { name: 'South Korean won', minorUnits: 0 },
  TWD: { name: 'New Taiwan dollar', minorUnits: 2 },
  HKD: { name: 'Hong Kong dollar', minorUnits: 2 },
  MOP: { name: 'Macanese pataca', minorUnits: 2 },
  AUD: { name: 'Australian dollar', minorUnits: 2 },
  NZD: { name: 'New Zealand dollar', minorUnits: 2 },
  GBP: { name: 'Pound sterling', minorUnits: 2 },
  CHF: { name: 'Swiss franc', minorUnits: 2 },
  CAD: { name: 'Canadian dollar', minorUnits: 2 },
  INR: { name: 'Indian rupee', minorUnits: 2 },
  BDT: { name: 'Bangladeshi taka', minorUnits: 2 },
  NPR: { name: 'Nepalese rupee', minorUnits: 2 },
  LKR: { name: 'Sri Lankan rupee', minorUnits: 2 },
  PKR: { name: 'Pakistani rupee', minorUnits: 2 },
  AED: { name: 'UAE dirham', minorUnits: 2 },
  SAR: { name: 'Saudi riyal', minorUnits: 2 },
  QAR: { name: 'Qatari riyal', minorUnits: 2 },
  KWD: { name: 'Kuwaiti dinar', minorUnits: 3 },
  BHD: { name: 'Bahraini dinar', minorUnits: 3 },
  OMR: { name: 'Omani rial', minorUnits: 3 },
  JOD: { name: 'Jordanian dinar', minorUnits: 3 },
  ILS: { name: 'Israeli new shekel', minorUnits: 2 },
} as const;

export type CurrencyCode = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as CurrencyCode[];

export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(CURRENCIES, code);
}

/** Minor units of an ISO 4217 currency, e.g. 2 for THB, 0 for VND; throws for unknown codes. */
export function minorUnitsOf(code: string): number {
  if (!isCurrencyCode(code)) throw new Error(`unknown ISO 4217 currency ${code}`);
  return CURRENCIES[code].minorUnits;
}
