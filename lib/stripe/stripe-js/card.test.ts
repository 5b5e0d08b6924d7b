import { describe, expect, it } from 'vitest';
import {
  cvcLength,
  detectBrand,
  formatCardNumber,
  formatExpiry,
  luhnValid,
  parseExpiry,
  validateCvc,
  validateExpiry,
  validateNumber,
  validatePostalCode,
} from './card';

describe('card brand detection', () => {
  it.each([
    ['4242424242424242', 'visa'],
    ['4000002500003155', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['378282246310005', 'amex'],
    ['6011111111111117', 'discover'],
    ['3056930009020004', 'diners'],
    ['36227206271667', 'diners'],
    ['3566002020360505', 'jcb'],
    ['6200000000000005', 'unionpay'],
    ['9999999999999995', 'unknown'],
  ])('names %s as %s', (number, brand) => {
    expect(detectBrand(number)).toBe(brand);
  });

  it('names the brand from the first digits while typing, and waits while they are ambiguous', () => {
    expect(detectBrand('4')).toBe('visa');
    expect(detectBrand('34')).toBe('amex');
    expect(detectBrand('3')).toBe('unknown');
    expect(detectBrand('35')).toBe('jcb');
    expect(detectBrand('6')).toBe('unknown');
    expect(detectBrand('')).toBe('unknown');
  });
});

describe('Luhn check', () => {
  it('accepts Stripe test numbers and refuses one changed digit', () => {
    for (const number of [
      '4242424242424242',
      '4000000000000002',
      '4000000000009995',
      '4000002500003155',
      '378282246310005',
    ]) {
      expect(luhnValid(number)).toBe(true);
    }
    expect(luhnValid('4242424242424241')).toBe(false);
  });

  it('ignores spaces the form puts in', () => {
    expect(luhnValid('4242 4242 4242 4242')).toBe(true);
  });
});

describe('card number formatting and validation', () => {
  it('groups digits as printed on the card', () => {
    expect(formatCardNumber('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(formatCardNumber('378282246310005')).toBe('3782 822463 10005');
    expect(formatCardNumber('42a42 4')).toBe('4242 4');
  });

  it('drops digits past the longest number of the brand', () => {
    expect(formatCardNumber('3782822463100051234')).toBe('3782 822463 10005');
  });

  it('reports an unfinished number as incomplete and a wrong one as invalid', () => {
    expect(validateNumber('')).toBe('incomplete_number');
    expect(validateNumber('4242 4242')).toBe('incomplete_number');
    expect(validateNumber('4242 4242 4242 4241')).toBe('invalid_number');
    expect(validateNumber('4242 4242 4242 4242')).toBeNull();
    expect(validateNumber('378282246310005')).toBeNull();
  });
});

describe('expiry', () => {
  const now = new Date(2026, 4, 15); // May 2026

  it('formats typing as MM / YY', () => {
    expect(formatExpiry('1')).toBe('1');
    expect(formatExpiry('4')).toBe('04 / ');
    expect(formatExpiry('12')).toBe('12 / ');
    expect(formatExpiry('12', true)).toBe('12');
    expect(formatExpiry('1230')).toBe('12 / 30');
    expect(formatExpiry('12 / 345')).toBe('12 / 34');
  });

  it('reads a four-digit year', () => {
    expect(parseExpiry('08 / 31')).toEqual({ month: 8, year: 2031 });
    expect(parseExpiry('08 / 3')).toBeNull();
  });

  it('refuses past dates, impossible months and unfinished input with Stripe.js codes', () => {
    expect(validateExpiry('', now)).toBe('incomplete_expiry');
    expect(validateExpiry('12 / 3', now)).toBe('incomplete_expiry');
    expect(validateExpiry('13 / 30', now)).toBe('invalid_expiry_month');
    expect(validateExpiry('12 / 25', now)).toBe('invalid_expiry_year_past');
    expect(validateExpiry('04 / 26', now)).toBe('invalid_expiry_month_past');
    expect(validateExpiry('05 / 26', now)).toBeNull();
    expect(validateExpiry('12 / 99', now)).toBe('invalid_expiry_year');
  });
});

describe('CVC and postal code', () => {
  it('wants four digits for Amex and three for the others', () => {
    expect(cvcLength('amex')).toBe(4);
    expect(validateCvc('123', 'visa')).toBeNull();
    expect(validateCvc('12', 'visa')).toBe('incomplete_cvc');
    expect(validateCvc('123', 'amex')).toBe('incomplete_cvc');
    expect(validateCvc('1234', 'amex')).toBeNull();
  });

  it('checks the postal code against the chosen country', () => {
    expect(validatePostalCode('', 'US')).toBe('incomplete_zip');
    expect(validatePostalCode('94107', 'US')).toBeNull();
    expect(validatePostalCode('941', 'US')).toBe('incomplete_zip');
    expect(validatePostalCode('941071', 'US')).toBe('invalid_postal_code');
    expect(validatePostalCode('150-0001', 'JP')).toBeNull();
    expect(validatePostalCode('SW1A 1AA', 'GB')).toBeNull();
  });
});
