import { createHash } from 'node:crypto';
import { cardError } from './errors';

/**
 * Stripe's documented test cards and what each does. A card is kept as brand, last4, expiry, a
 * fingerprint and this behaviour: the full number is never stored.
 */
export type CardBehaviour =
  | 'succeed'
  /** 4000 0000 0000 0002: declined everywhere, attaching and setting up included. */
  | 'decline_generic'
  /** 4000 0000 0000 9995: can be saved, payments decline with `insufficient_funds`. */
  | 'decline_insufficient_funds'
  | 'decline_expired_card'
  | 'decline_incorrect_cvc'
  | 'decline_processing_error'
  /** 4000 0000 0000 0341: attaching and setting up succeed, payments decline. */
  | 'decline_after_attach'
  /** 4000 0025 0000 3155: 3DS for setup and on-session payments, none off-session once set up. */
  | 'authenticate_unless_setup'
  /** 4000 0027 6000 3184 and 4000 0000 0000 3220: 3DS on every setup and payment. */
  | 'authenticate_always';

interface TestCard {
  behaviour: CardBehaviour;
  funding?: 'credit' | 'debit' | 'prepaid';
  country?: string;
}

const TEST_CARDS: Record<string, TestCard> = {
  '4242424242424242': { behaviour: 'succeed' },
  '4000056655665556': { behaviour: 'succeed', funding: 'debit' },
  '5555555555554444': { behaviour: 'succeed' },
  '2223003122003222': { behaviour: 'succeed' },
  '5200828282828210': { behaviour: 'succeed', funding: 'debit' },
  '378282246310005': { behaviour: 'succeed' },
  '371449635398431': { behaviour: 'succeed' },
  '6011111111111117': { behaviour: 'succeed' },
  '3056930009020004': { behaviour: 'succeed' },
  '3566002020360505': { behaviour: 'succeed', country: 'JP' },
  '6200000000000005': { behaviour: 'succeed', country: 'CN' },
  '4000003920000003': { behaviour: 'succeed', country: 'JP' },
  '4000000000000002': { behaviour: 'decline_generic' },
  '4000000000009995': { behaviour: 'decline_insufficient_funds' },
  '4000000000000069': { behaviour: 'decline_expired_card' },
  '4000000000000127': { behaviour: 'decline_incorrect_cvc' },
  '4000000000000119': { behaviour: 'decline_processing_error' },
  '4000000000000341': { behaviour: 'decline_after_attach' },
  '4000002500003155': { behaviour: 'authenticate_unless_setup' },
  '4000002760003184': { behaviour: 'authenticate_always' },
  '4000000000003220': { behaviour: 'authenticate_always' },
};

/** Stripe's `pm_card_*` test PaymentMethods, usable wherever a PaymentMethod id is. */
export const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: '4242424242424242',
  pm_card_visa_debit: '4000056655665556',
  pm_card_mastercard: '5555555555554444',
  pm_card_amex: '378282246310005',
  pm_card_discover: '6011111111111117',
  pm_card_jcb: '3566002020360505',
  pm_card_visa_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_visa_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedIncorrectCvc: '4000000000000127',
  pm_card_chargeDeclinedProcessingError: '4000000000000119',
  pm_card_chargeCustomerFail: '4000000000000341',
  pm_card_authenticationRequiredOnSetup: '4000002500003155',
  pm_card_authenticationRequired: '4000002760003184',
  pm_card_threeDSecure2Required: '4000000000003220',
};

type Brand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay';

const BRANDS: Array<{ brand: Brand; test: RegExp; lengths: number[]; cvc: number }> = [
  { brand: 'amex', test: /^3[47]/, lengths: [15], cvc: 4 },
  { brand: 'diners', test: /^3(0[0-5]|[689])/, lengths: [14, 16, 19], cvc: 3 },
  { brand: 'jcb', test: /^35(2[89]|[3-8])/, lengths: [16, 17, 18, 19], cvc: 3 },
  { brand: 'discover', test: /^(6011|64[4-9]|65)/, lengths: [16, 19], cvc: 3 },
  { brand: 'unionpay', test: /^62/, lengths: [16, 17, 18, 19], cvc: 3 },
  { brand: 'mastercard', test: /^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/, lengths: [16], cvc: 3 },
  { brand: 'visa', test: /^4/, lengths: [13, 16, 19], cvc: 3 },
];

export function luhnValid(digits: string): boolean {
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

/** The `card` hash of a PaymentMethod, as Stripe returns it. */
export interface CardDetails {
  brand: string;
  checks: {
    address_line1_check: string | null;
    address_postal_code_check: string | null;
    cvc_check: string | null;
  };
  country: string;
  display_brand: string;
  exp_month: number;
  exp_year: number;
  fingerprint: string;
  funding: string;
  generated_from: null;
  last4: string;
  networks: { available: string[]; preferred: null };
  regulated_status: 'unregulated';
  three_d_secure_usage: { supported: true };
  wallet: null;
}

export interface TokenisedCard {
  card: CardDetails;
  behaviour: CardBehaviour;
}

export interface RawCard {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc?: string;
  postal_code?: string;
  line1?: string;
}

/** Same number → same fingerprint, as Stripe's lets a merchant spot a card seen before. */
function fingerprint(digits: string): string {
  return createHash('sha256')
    .update(`aisle-card:${digits}`)
    .digest('base64url')
    .replace(/[-_]/g, '')
    .slice(0, 16);
}

/**
 * Checks a raw card the way Stripe does when a PaymentMethod is created and keeps only what Stripe
 * returns plus the behaviour. Throws Stripe's card errors: `invalid_number`, `incorrect_number`,
 * `invalid_expiry_month`, `invalid_expiry_year`, `invalid_cvc`, or a `test_mode_live_card` decline.
 */
export function tokeniseCard(raw: RawCard, now: Date): TokenisedCard {
  const digits = raw.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits))
    throw cardError('Your card number is invalid.', 'invalid_number', { param: 'number' });
  const rule = BRANDS.find((b) => b.test.test(digits));
  if (!luhnValid(digits) || (rule && !rule.lengths.includes(digits.length))) {
    throw cardError('Your card number is incorrect.', 'incorrect_number', { param: 'number' });
  }
  if (!Number.isInteger(raw.exp_month) || raw.exp_month < 1 || raw.exp_month > 12) {
    throw cardError("Your card's expiration month is invalid.", 'invalid_expiry_month', {
      param: 'exp_month',
    });
  }
  const year = raw.exp_year < 100 ? 2000 + raw.exp_year : raw.exp_year;
  const thisYear = now.getUTCFullYear();
  if (year < thisYear || year > thisYear + 50) {
    throw cardError("Your card's expiration year is invalid.", 'invalid_expiry_year', { param: 'exp_year' });
  }
  if (year === thisYear && raw.exp_month < now.getUTCMonth() + 1) {
    throw cardError("Your card's expiration date is in the past.", 'invalid_expiry_month', {
      param: 'exp_month',
    });
  }
  if (raw.cvc !== undefined && !new RegExp(`^\\d{${rule?.cvc ?? 3}}$`).test(raw.cvc)) {
    throw cardError("Your card's security code is invalid.", 'invalid_cvc', { param: 'cvc' });
  }
  const test = TEST_CARDS[digits];
  if (!test) {
    throw cardError(
      'Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
      'card_declined',
      { declineCode: 'test_mode_live_card' },
    );
  }
  const brand = rule?.brand ?? 'unknown';
  return {
    behaviour: test.behaviour,
    card: {
      brand,
      checks: {
        address_line1_check: raw.line1 ? 'pass' : null,
        address_postal_code_check: raw.postal_code ? 'pass' : null,
        cvc_check: raw.cvc ? 'pass' : null,
      },
      country: test.country ?? 'US',
      display_brand: brand,
      exp_month: raw.exp_month,
      exp_year: year,
      fingerprint: fingerprint(digits),
      funding: test.funding ?? 'credit',
      generated_from: null,
      last4: digits.slice(-4),
      networks: { available: [brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
  };
}

export function needsAuthentication(behaviour: CardBehaviour): boolean {
  return behaviour === 'authenticate_unless_setup' || behaviour === 'authenticate_always';
}

export interface Decline {
  code: string;
  declineCode?: string;
  message: string;
}

/** What the issuer answers to a charge on this card, or null when it approves. */
export function chargeOutcome(behaviour: CardBehaviour): Decline | null {
  switch (behaviour) {
    case 'decline_generic':
    case 'decline_after_attach':
      return { code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' };
    case 'decline_insufficient_funds':
      return {
        code: 'card_declined',
        declineCode: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
      };
    case 'decline_expired_card':
      return { code: 'expired_card', declineCode: 'expired_card', message: 'Your card has expired.' };
    case 'decline_incorrect_cvc':
      return {
        code: 'incorrect_cvc',
        declineCode: 'incorrect_cvc',
        message: "Your card's security code is incorrect.",
      };
    case 'decline_processing_error':
      return {
        code: 'processing_error',
        declineCode: 'processing_error',
        message: 'An error occurred while processing your card. Try again in a little bit.',
      };
    default:
      return null;
  }
}

/** What a zero-amount check (attach, SetupIntent) answers: only cards that decline outright fail it. */
export function setupOutcome(behaviour: CardBehaviour): Decline | null {
  if (behaviour === 'decline_insufficient_funds' || behaviour === 'decline_after_attach') return null;
  return chargeOutcome(behaviour);
}
