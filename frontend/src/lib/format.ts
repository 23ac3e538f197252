/** Formatting for chips (shown as pesos, display only), percentages and Manila times. */

export const TIME_ZONE = 'Asia/Manila';
const LOCALE = 'en-PH';

/**
 * An Intl formatter made on first use: constructing one is slow (locale and time-zone data), and
 * the first screen should not pay for formatters it does not show (dates on the markets list).
 */
function lazyFormat<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const pesoWhole = lazyFormat(
  () =>
    new Intl.NumberFormat(LOCALE, {
      style: 'currency',
      currency: 'PHP',
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    }),
);
const pesoCents = lazyFormat(
  () =>
    new Intl.NumberFormat(LOCALE, {
      style: 'currency',
      currency: 'PHP',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }),
);
const integer = lazyFormat(() => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 }));

/** `formatPeso(1234)` → `₱1,234`; fractional amounts keep two decimals. */
export function formatPeso(amount: number): string {
  if (!Number.isFinite(amount)) return '₱0';
  return Number.isInteger(amount) ? pesoWhole().format(amount) : pesoCents().format(amount);
}

/** Centavos (purchase amounts) → `₱1,234` or `₱12.50`. */
export function formatCentavos(cents: number): string {
  return formatPeso(cents / 100);
}

export function formatNumber(n: number): string {
  return integer().format(n);
}

/** `formatChips(1234)` → `1,234 chips (₱1,234)`. */
export function formatChips(n: number): string {
  const unit = Math.abs(n) === 1 ? 'chip' : 'chips';
  return `${integer().format(n)} ${unit} (${formatPeso(n)})`;
}

/** Compact volume: `₱1.2M`, `₱12K`, `₱950`. */
export function formatCompactPeso(n: number): string {
  const abs = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) {
    if (abs >= size) {
      const v = abs / size;
      const s = v >= 100 ? Math.round(v).toString() : (Math.round(v * 10) / 10).toString();
      return `${sign}₱${s}${suffix}`;
    }
  }
  return `${sign}₱${Math.round(abs)}`;
}

/** Probability in [0,1] → `63%`; below 1 % shows `<1%`, above 99 % shows `>99%`. */
export function formatPercent(p: number, digits = 0): string {
  if (!Number.isFinite(p)) return '–';
  const pct = p * 100;
  if (digits === 0 && pct > 0 && pct < 1) return '<1%';
  if (digits === 0 && pct < 100 && pct > 99) return '>99%';
  return `${pct.toFixed(digits)}%`;
}

/** Payout multiplier: `2.35×`. */
export function formatMultiplier(x: number | null): string {
  if (x == null || !Number.isFinite(x) || x <= 0) return '–';
  return `${x.toFixed(2)}×`;
}

const dateTime = lazyFormat(
  () =>
    new Intl.DateTimeFormat(LOCALE, {
      timeZone: TIME_ZONE,
      dateStyle: 'medium',
      timeStyle: 'short',
    }),
);
const dateOnly = lazyFormat(
  () => new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, dateStyle: 'medium' }),
);

function toDate(d: string | number | Date): Date {
  return d instanceof Date ? d : new Date(d);
}

/** `Nov 25, 2026, 4:00 PM` in Manila time. */
export function formatDateTime(d: string | number | Date): string {
  const date = toDate(d);
  return Number.isNaN(date.getTime()) ? '' : dateTime().format(date);
}

export function formatDate(d: string | number | Date): string {
  const date = toDate(d);
  return Number.isNaN(date.getTime()) ? '' : dateOnly().format(date);
}

export type Lang = 'en' | 'fil';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

// Creating an Intl formatter is slow (a list of 20 market cards made 40 of them per render).
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(locale: string, numeric: 'always' | 'auto'): Intl.RelativeTimeFormat {
  const key = `${locale}:${numeric}`;
  let f = relativeFormats.get(key);
  if (!f) {
    f =
      numeric === 'auto'
        ? new Intl.RelativeTimeFormat(locale, { numeric })
        : new Intl.RelativeTimeFormat(locale, { numeric, style: 'short' });
    relativeFormats.set(key, f);
  }
  return f;
}

/**
 * Makes the formatters a page needs ahead of time. The first Intl formatter of a kind loads its
 * locale data, which takes tens of milliseconds on a slow phone: the entry script calls this while
 * the app's code is still downloading, so the first render does not pay for it.
 */
export function warmUpFormatters(lang: Lang): void {
  pesoWhole();
  integer();
  dateTime();
  relativeFormat(lang === 'fil' ? 'fil' : 'en', 'always');
}

/** "in 3 days", "5 min ago" (short style); `lang` selects English or Filipino wording. */
export function formatRelative(
  d: string | number | Date,
  now: Date = new Date(),
  lang: Lang = 'en',
): string {
  const date = toDate(d);
  if (Number.isNaN(date.getTime())) return '';
  const diff = (date.getTime() - now.getTime()) / 1000;
  const abs = Math.abs(diff);
  const locale = lang === 'fil' ? 'fil' : 'en';
  for (const [unit, secs] of UNITS) {
    if (abs >= secs || unit === 'second') {
      const value = Math.round(diff / secs);
      if (unit === 'second' && abs < 45) return relativeFormat(locale, 'auto').format(0, 'second');
      const rtf = relativeFormat(locale, 'always');
      // Filipino CLDR output reads "sa 5 (na) araw"; the plain "sa 5 araw" is what people write.
      return rtf.format(value, unit).replace(' (na)', '');
    }
  }
  return '';
}

/**
 * Whether a market is still closing in the future, and a relative phrase for it.
 * Returns null when `closesAt` is in the past.
 */
export function closesIn(
  closesAt: string,
  now: Date = new Date(),
  lang: Lang = 'en',
): string | null {
  const date = new Date(closesAt);
  if (Number.isNaN(date.getTime()) || date.getTime() <= now.getTime()) return null;
  return formatRelative(date, now, lang);
}
