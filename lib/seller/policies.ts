import type { DemoSellerId } from '@/lib/config';

/**
 * How each demo seller ships and whom it serves: the rule set lib/seller/README.md documents.
 * Prices are minor units of the seller's currency.
 */

export type ShippingRateId = 'standard' | 'express' | 'international';

export interface ShippingRate {
  id: ShippingRateId;
  title: string;
  titleJa: string;
  carrier: string;
  price: number;
  /** Free when the physical items' subtotal reaches this. */
  freeOver?: number;
  /** Business days from today (Saturday and Sunday are skipped). */
  minDays: number;
  maxDays: number;
}

export interface SellerPolicy {
  sellerId: DemoSellerId;
  currency: 'usd' | 'jpy';
  /** ISO 3166-1 alpha-2 of the seller's home market. */
  homeCountry: 'US' | 'JP';
  /** US sellers: the state whose rate taxes digital goods bought without a shipping address. */
  homeState?: string;
  domesticRates: ShippingRate[];
  /** Countries outside the home market the seller ships to, all at `internationalRate`. */
  internationalCountries: string[];
  internationalRate?: ShippingRate;
  support: { email: string; phone: string; hours: string };
  /** Units of one variant per order. */
  maxQuantityPerLine: number;
}

export const SELLER_POLICIES: Record<DemoSellerId, SellerPolicy> = {
  'summit-outfitters': {
    sellerId: 'summit-outfitters',
    currency: 'usd',
    homeCountry: 'US',
    homeState: 'CO',
    domesticRates: [
      {
        id: 'standard',
        title: 'Standard shipping',
        titleJa: '通常配送',
        carrier: 'USPS Ground Advantage',
        price: 599,
        freeOver: 7500,
        minDays: 3,
        maxDays: 5,
      },
      {
        id: 'express',
        title: 'Express shipping',
        titleJa: 'お急ぎ便',
        carrier: 'UPS 2nd Day Air',
        price: 1499,
        minDays: 1,
        maxDays: 2,
      },
    ],
    internationalCountries: [],
    support: {
      email: 'help@summit-outfitters.example',
      phone: '+1-303-555-0142',
      hours: 'Mon–Sat 8am–6pm MT',
    },
    maxQuantityPerLine: 10,
  },
  'volt-audio': {
    sellerId: 'volt-audio',
    currency: 'usd',
    homeCountry: 'US',
    homeState: 'CA',
    domesticRates: [
      {
        id: 'standard',
        title: 'Standard shipping',
        titleJa: '通常配送',
        carrier: 'UPS Ground',
        price: 499,
        freeOver: 5000,
        minDays: 3,
        maxDays: 5,
      },
      {
        id: 'express',
        title: 'Express shipping',
        titleJa: 'お急ぎ便',
        carrier: 'FedEx Priority Overnight',
        price: 1999,
        minDays: 1,
        maxDays: 1,
      },
    ],
    internationalCountries: [],
    support: { email: 'support@volt-audio.example', phone: '+1-415-555-0187', hours: 'Mon–Fri 9am–6pm PT' },
    maxQuantityPerLine: 10,
  },
  'kissa-tokyo': {
    sellerId: 'kissa-tokyo',
    currency: 'jpy',
    homeCountry: 'JP',
    domesticRates: [
      {
        id: 'standard',
        title: 'Standard delivery',
        titleJa: '通常配送',
        carrier: 'Yamato Transport',
        price: 600,
        freeOver: 5000,
        minDays: 1,
        maxDays: 3,
      },
      {
        id: 'express',
        title: 'Next-day delivery',
        titleJa: '翌日配送',
        carrier: 'Yamato Transport',
        price: 1200,
        minDays: 1,
        maxDays: 1,
      },
    ],
    internationalCountries: ['US', 'CA', 'GB', 'FR', 'DE', 'AU', 'SG', 'KR', 'TW', 'HK'],
    internationalRate: {
      id: 'international',
      title: 'International (EMS)',
      titleJa: '国際スピード郵便 (EMS)',
      carrier: 'Japan Post EMS',
      price: 3500,
      minDays: 4,
      maxDays: 8,
    },
    support: {
      email: 'otoiawase@kissa-tokyo.example',
      phone: '+81-3-5555-0123',
      hours: '平日 10:00–18:00 JST',
    },
    maxQuantityPerLine: 10,
  },
};

export function policyFor(sellerId: string): SellerPolicy | undefined {
  return (SELLER_POLICIES as Record<string, SellerPolicy>)[sellerId];
}

/** The rates offered to a destination country; none when the seller does not ship there. */
export function ratesTo(policy: SellerPolicy, country: string | undefined): ShippingRate[] {
  if (!country || country === policy.homeCountry) return policy.domesticRates;
  if (policy.internationalRate && policy.internationalCountries.includes(country))
    return [policy.internationalRate];
  return [];
}
