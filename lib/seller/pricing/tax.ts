import type { CatalogProduct } from '@/lib/seller/catalog';
import type { SellerPolicy } from '@/lib/seller/policies';

/**
 * Tax by destination, a small documented rule set (lib/seller/README.md), not tax advice:
 * - US sellers charge the destination state's base sales-tax rate (no local add-ons) on goods;
 *   shipping is not taxed; digital goods bought without an address use the seller's home state.
 * - Kissa Tokyo charges Japan's consumption tax on domestic orders: 8% (reduced rate) on food and
 *   drink — coffee beans, drip bags, tea — and 10% on everything else, shipping included.
 *   Exports are exempt.
 * - Gift cards are never taxed (in both countries they are not a taxable sale).
 * Each line's tax is rounded once: half-up for cents, down for yen (the usual Japanese practice).
 */

/** Base state sales-tax rates (percent). DC included; AK, DE, MT, NH and OR have none. */
export const US_STATE_TAX_RATES: Record<string, number> = {
  AL: 4,
  AK: 0,
  AZ: 5.6,
  AR: 6.5,
  CA: 7.25,
  CO: 2.9,
  CT: 6.35,
  DE: 0,
  DC: 6,
  FL: 6,
  GA: 4,
  HI: 4,
  ID: 6,
  IL: 6.25,
  IN: 7,
  IA: 6,
  KS: 6.5,
  KY: 6,
  LA: 5,
  ME: 5.5,
  MD: 6,
  MA: 6.25,
  MI: 6,
  MN: 6.875,
  MS: 7,
  MO: 4.225,
  MT: 0,
  NE: 5.5,
  NV: 6.85,
  NH: 0,
  NJ: 6.625,
  NM: 4.875,
  NY: 4,
  NC: 4.75,
  ND: 5,
  OH: 5.75,
  OK: 4.5,
  OR: 0,
  PA: 6,
  RI: 7,
  SC: 6,
  SD: 4.2,
  TN: 7,
  TX: 6.25,
  UT: 6.1,
  VT: 6,
  VA: 5.3,
  WA: 6.5,
  WV: 6,
  WI: 5,
  WY: 4,
};

export const JP_STANDARD_RATE = 0.1;
export const JP_REDUCED_RATE = 0.08;
const JP_REDUCED_CATEGORIES = new Set(['coffee beans', 'drip bags', 'green tea', 'matcha', 'roasted tea']);
const EXEMPT_CATEGORIES = new Set(['gift cards']);

export interface TaxRate {
  /** Shown in `totals[].breakdown[].jurisdiction`, e.g. `US-CA`, `JP (8% reduced)`. */
  jurisdiction: string;
  rate: number;
}

export interface Destination {
  country?: string;
  state?: string;
}

export function isTaxExempt(product: CatalogProduct): boolean {
  return EXEMPT_CATEGORIES.has(product.category);
}

/** The rate on one product shipped (or, for digital goods, sold) to a destination; null when none applies. */
export function itemTaxRate(
  policy: SellerPolicy,
  product: CatalogProduct,
  destination: Destination,
): TaxRate | null {
  if (isTaxExempt(product)) return null;
  if (policy.homeCountry === 'JP') {
    if (destination.country && destination.country !== 'JP') return null;
    return JP_REDUCED_CATEGORIES.has(product.category)
      ? { jurisdiction: 'JP (8% reduced)', rate: JP_REDUCED_RATE }
      : { jurisdiction: 'JP (10%)', rate: JP_STANDARD_RATE };
  }
  const state =
    destination.country === 'US' && destination.state
      ? destination.state
      : product.digital
        ? policy.homeState
        : undefined;
  if (!state) return null;
  const percent = US_STATE_TAX_RATES[state];
  return percent ? { jurisdiction: `US-${state}`, rate: percent / 100 } : null;
}

/** Shipping is taxed only in Japan, at the standard rate. */
export function shippingTaxRate(policy: SellerPolicy, destination: Destination): TaxRate | null {
  if (policy.homeCountry !== 'JP') return null;
  if (destination.country && destination.country !== 'JP') return null;
  return { jurisdiction: 'JP (10%)', rate: JP_STANDARD_RATE };
}

export function taxOn(amount: number, rate: TaxRate | null, currency: string): number {
  if (!rate) return 0;
  const exact = amount * rate.rate;
  // Guard against binary fractions such as 1000 * 0.1 = 100.00000000000001.
  const fixed = Math.round(exact * 1e6) / 1e6;
  return currency === 'jpy' ? Math.floor(fixed) : Math.round(fixed);
}
