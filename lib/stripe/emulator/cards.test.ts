import { describe, expect, it } from 'vitest';
import {
  chargeOutcome,
  luhnValid,
  needsAuthentication,
  setupOutcome,
  TEST_PAYMENT_METHODS,
  tokeniseCard,
} from './cards';
import { StripeApiError } from './errors';

const now = new Date('2026-06-15T00:00:00Z');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StripeApiError);
    expect((error as StripeApiError).status).toBe(402);
    return (error as StripeApiError).body.code;
  }
  return undefined;
}

describe('test cards', () => {
  it('knows every documented test card as Luhn-valid', () => {
    for (const number of Object.values(TEST_PAYMENT_METHODS)) expect(luhnValid(number), number).toBe(true);
  });

  it('keeps brand, last4, expiry and a stable fingerprint, never the number', () => {
    const a = tokeniseCard({ number: '4242 4242 4242 4242', exp_month: 12, exp_year: 2030, cvc: '123' }, now);
    const b = tokeniseCard({ number: '4242424242424242', exp_month: 1, exp_year: 31 }, now);
    expect(a.card).toMatchObject({
      brand: 'visa',
      last4: '4242',
      exp_month: 12,
      exp_year: 2030,
      funding: 'credit',
      country: 'US',
    });
    expect(b.card.exp_year).toBe(2031);
    expect(a.card.fingerprint).toBe(b.card.fingerprint);
    expect(JSON.stringify(a)).not.toContain('4242424242424242');
    expect(tokeniseCard({ number: '5555555555554444', exp_month: 1, exp_year: 2030 }, now).card.brand).toBe(
      'mastercard',
    );
    expect(
      tokeniseCard({ number: '378282246310005', exp_month: 1, exp_year: 2030, cvc: '1234' }, now).card.brand,
    ).toBe('amex');
  });

  it('gives each documented card its behaviour', () => {
    const behaviour = (number: string) =>
      tokeniseCard({ number, exp_month: 1, exp_year: 2030 }, now).behaviour;
    expect(chargeOutcome(behaviour('4242424242424242'))).toBeNull();
    expect(chargeOutcome(behaviour('4000000000000002'))).toMatchObject({
      code: 'card_declined',
      declineCode: 'generic_decline',
    });
    expect(setupOutcome(behaviour('4000000000000002'))).not.toBeNull();
    expect(chargeOutcome(behaviour('4000000000009995'))).toMatchObject({
      code: 'card_declined',
      declineCode: 'insufficient_funds',
    });
    expect(setupOutcome(behaviour('4000000000009995'))).toBeNull();
    expect(needsAuthentication(behaviour('4000002500003155'))).toBe(true);
    expect(behaviour('4000002760003184')).toBe('authenticate_always');
    expect(behaviour('4000000000003220')).toBe('authenticate_always');
    expect(needsAuthentication(behaviour('4242424242424242'))).toBe(false);
  });

  it("refuses bad card data with Stripe's codes", () => {
    expect(codeOf(() => tokeniseCard({ number: '4242abc', exp_month: 1, exp_year: 2030 }, now))).toBe(
      'invalid_number',
    );
    expect(
      codeOf(() => tokeniseCard({ number: '4242424242424241', exp_month: 1, exp_year: 2030 }, now)),
    ).toBe('incorrect_number');
    expect(
      codeOf(() => tokeniseCard({ number: '4242424242424242', exp_month: 13, exp_year: 2030 }, now)),
    ).toBe('invalid_expiry_month');
    expect(
      codeOf(() => tokeniseCard({ number: '4242424242424242', exp_month: 1, exp_year: 2020 }, now)),
    ).toBe('invalid_expiry_year');
    expect(
      codeOf(() => tokeniseCard({ number: '4242424242424242', exp_month: 5, exp_year: 2026 }, now)),
    ).toBe('invalid_expiry_month');
    expect(
      codeOf(() =>
        tokeniseCard({ number: '4242424242424242', exp_month: 1, exp_year: 2030, cvc: '12' }, now),
      ),
    ).toBe('invalid_cvc');
    expect(
      codeOf(() => tokeniseCard({ number: '4111111111111111', exp_month: 1, exp_year: 2030 }, now)),
    ).toBe('card_declined');
  });
});
