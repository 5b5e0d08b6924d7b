/**
 * Card-number, expiry, CVC and postal-code rules of the stand-in's card form. Pure functions so
 * they are unit-tested without a DOM; the codes are the ones Stripe.js reports for the same faults.
 */

export type CardBrand =
  'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay' | 'unknown';

interface BrandRule {
  brand: Exclude<CardBrand, 'unknown'>;
  /** Leading-digit ranges, checked against a prefix of the same length. */
  prefixes: Array<[number, number]>;
  lengths: number[];
  /** Where the formatted number puts its spaces. */
  gaps: number[];
  cvcLength: number;
}

// Order matters: the narrower ranges (diners 36, jcb 3528) are tried before the broad ones.
const RULES: BrandRule[] = [
  {
    brand: 'amex',
    prefixes: [
      [34, 34],
      [37, 37],
    ],
    lengths: [15],
    gaps: [4, 10],
    cvcLength: 4,
  },
  {
    brand: 'diners',
    prefixes: [
      [300, 305],
      [36, 36],
      [38, 39],
    ],
    lengths: [14, 16, 19],
    gaps: [4, 10],
    cvcLength: 3,
  },
  { brand: 'jcb', prefixes: [[3528, 3589]], lengths: [16, 17, 18, 19], gaps: [4, 8, 12], cvcLength: 3 },
  {
    brand: 'discover',
    prefixes: [
      [6011, 6011],
      [644, 649],
      [65, 65],
    ],
    lengths: [16, 19],
    gaps: [4, 8, 12],
    cvcLength: 3,
  },
  {
    brand: 'unionpay',
    prefixes: [
      [62, 62],
      [81, 81],
    ],
    lengths: [16, 17, 18, 19],
    gaps: [4, 8, 12],
    cvcLength: 3,
  },
  {
    brand: 'mastercard',
    prefixes: [
      [51, 55],
      [2221, 2720],
    ],
    lengths: [16],
    gaps: [4, 8, 12],
    cvcLength: 3,
  },
  { brand: 'visa', prefixes: [[4, 4]], lengths: [16, 19], gaps: [4, 8, 12], cvcLength: 3 },
];

const DEFAULT_GAPS = [4, 8, 12];
const MAX_DIGITS = 19;

export function digitsOnly(value: string): string {
  return value.replace(/\D/g, '');
}

type PrefixMatch = 'full' | 'partial' | null;

function prefixMatch(rule: BrandRule, digits: string): PrefixMatch {
  let partial = false;
  for (const [low, high] of rule.prefixes) {
    const width = String(low).length;
    if (digits.length >= width) {
      const head = Number(digits.slice(0, width));
      if (head >= low && head <= high) return 'full';
    } else {
      // A shorter input still fits when some completion of it lands in the range.
      const scale = 10 ** (width - digits.length);
      const head = Number(digits);
      if (head * scale <= high && (head + 1) * scale - 1 >= low) partial = true;
    }
  }
  return partial ? 'partial' : null;
}

function ruleFor(digits: string): BrandRule | undefined {
  if (!digits) return undefined;
  const full = RULES.find((rule) => prefixMatch(rule, digits) === 'full');
  if (full) return full;
  const partial = RULES.filter((rule) => prefixMatch(rule, digits) === 'partial');
  return partial.length === 1 ? partial[0] : undefined;
}

/** The brand Stripe.js would show for what has been typed so far ("unknown" while ambiguous). */
export function detectBrand(number: string): CardBrand {
  return ruleFor(digitsOnly(number))?.brand ?? 'unknown';
}

export function luhnValid(number: string): boolean {
  const digits = digitsOnly(number);
  if (digits.length < 12) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function maxNumberLength(brand: CardBrand): number {
  const rule = RULES.find((r) => r.brand === brand);
  return rule ? Math.max(...rule.lengths) : MAX_DIGITS;
}

export function cvcLength(brand: CardBrand): number {
  return RULES.find((r) => r.brand === brand)?.cvcLength ?? 3;
}

/** "4242424242424242" → "4242 4242 4242 4242"; Amex as 4-6-5. Extra digits are dropped. */
export function formatCardNumber(value: string): string {
  const brand = detectBrand(value);
  const digits = digitsOnly(value).slice(0, maxNumberLength(brand));
  const gaps = ruleFor(digits)?.gaps ?? DEFAULT_GAPS;
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (gaps.includes(i)) out += ' ';
    out += digits[i];
  }
  return out;
}

export type NumberProblem = 'incomplete_number' | 'invalid_number';

export function validateNumber(value: string): NumberProblem | null {
  const digits = digitsOnly(value);
  const rule = ruleFor(digits);
  const lengths = rule?.lengths ?? [16];
  if (digits.length < Math.min(...lengths)) return 'incomplete_number';
  if (!lengths.includes(digits.length) && digits.length < Math.max(...lengths)) return 'incomplete_number';
  if (!lengths.includes(digits.length)) return 'invalid_number';
  return luhnValid(digits) ? null : 'invalid_number';
}

/** Formats typing into "MM / YY": a lone 2–9 becomes "0N / ". Deleting keeps what remains. */
export function formatExpiry(value: string, deleting = false): string {
  let digits = digitsOnly(value).slice(0, 4);
  if (digits.length === 1 && Number(digits) > 1) digits = `0${digits}`;
  if (digits.length < 2) return digits;
  if (digits.length === 2) return deleting ? digits : `${digits} / `;
  return `${digits.slice(0, 2)} / ${digits.slice(2)}`;
}

export type ExpiryProblem =
  | 'incomplete_expiry'
  | 'invalid_expiry_month'
  | 'invalid_expiry_year'
  | 'invalid_expiry_month_past'
  | 'invalid_expiry_year_past';

export interface Expiry {
  month: number;
  /** Four-digit year. */
  year: number;
}

export function parseExpiry(value: string): Expiry | null {
  const digits = digitsOnly(value);
  if (digits.length !== 4) return null;
  return { month: Number(digits.slice(0, 2)), year: 2000 + Number(digits.slice(2)) };
}

/** Stripe.js accepts cards up to 50 years ahead and refuses months already over. */
export function validateExpiry(value: string, now: Date = new Date()): ExpiryProblem | null {
  const digits = digitsOnly(value);
  if (digits.length >= 2 && (Number(digits.slice(0, 2)) < 1 || Number(digits.slice(0, 2)) > 12))
    return 'invalid_expiry_month';
  const expiry = parseExpiry(value);
  if (!expiry) return 'incomplete_expiry';
  const thisYear = now.getFullYear();
  const thisMonth = now.getMonth() + 1;
  if (expiry.year < thisYear) return 'invalid_expiry_year_past';
  if (expiry.year === thisYear && expiry.month < thisMonth) return 'invalid_expiry_month_past';
  if (expiry.year > thisYear + 50) return 'invalid_expiry_year';
  return null;
}

export type CvcProblem = 'incomplete_cvc';

export function validateCvc(value: string, brand: CardBrand): CvcProblem | null {
  return digitsOnly(value).length === cvcLength(brand) ? null : 'incomplete_cvc';
}

export type PostalProblem = 'incomplete_zip' | 'invalid_postal_code';

/** Countries offered by the form; the postal rules are the ones the Payment Element applies. */
export const COUNTRIES = ['US', 'JP', 'GB', 'CA', 'DE', 'FR', 'AU'] as const;
export type Country = (typeof COUNTRIES)[number];

const POSTAL_PATTERNS: Partial<Record<Country, RegExp>> = {
  US: /^\d{5}(-?\d{4})?$/,
  JP: /^\d{3}-?\d{4}$/,
  CA: /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/,
  GB: /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  AU: /^\d{4}$/,
};

export function validatePostalCode(value: string, country: Country): PostalProblem | null {
  const trimmed = value.trim();
  if (!trimmed) return 'incomplete_zip';
  const pattern = POSTAL_PATTERNS[country];
  if (!pattern || pattern.test(trimmed)) return null;
  // Too short to be a whole code reads as unfinished rather than wrong, as in Stripe.js.
  return digitsOnly(trimmed).length < 4 && trimmed.length < 5 ? 'incomplete_zip' : 'invalid_postal_code';
}

/** The length at which a number of this brand is usually whole, where the form moves on to the expiry. */
export function usualNumberLength(number: string): number {
  return ruleFor(digitsOnly(number))?.lengths[0] ?? 16;
}
