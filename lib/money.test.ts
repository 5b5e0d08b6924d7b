import { describe, expect, it } from 'vitest';
import { formatMoney, fromMajorUnits, minorUnitDigits } from './money';

describe('money', () => {
  it('formats minor units in their currency, with no decimals for yen', () => {
    expect(formatMoney({ amount: 1290, currency: 'usd' })).toBe('$12.90');
    expect(formatMoney({ amount: 3200, currency: 'jpy' })).toBe('¥3,200');
    expect(formatMoney({ amount: 3200, currency: 'jpy' }, 'ja')).toBe('￥3,200');
  });

  it('knows each currency’s minor unit', () => {
    expect(minorUnitDigits('usd')).toBe(2);
    expect(minorUnitDigits('jpy')).toBe(0);
    expect(fromMajorUnits(100, 'usd')).toEqual({ amount: 10000, currency: 'usd' });
    expect(fromMajorUnits(10000, 'JPY')).toEqual({ amount: 10000, currency: 'jpy' });
  });
});
