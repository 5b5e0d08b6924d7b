import type { Address } from '@/lib/acp/types';

/**
 * Test shipping addresses the demo prefills so a buyer can pay without typing one: a US address for
 * sellers that ship from the US, a Tokyo address for the Japanese seller. The checkout card says
 * the address is a test address, and the buyer can change it there or in the chat.
 */
const TEST_ADDRESSES: Record<string, Address> = {
  US: {
    name: 'Alex Rivera',
    line_one: '510 Townsend St',
    city: 'San Francisco',
    state: 'CA',
    postal_code: '94103',
    country: 'US',
  },
  JP: {
    name: 'Hanako Yamada',
    line_one: '1-1-1 Jingumae',
    city: 'Shibuya-ku',
    state: 'Tokyo',
    postal_code: '150-0001',
    country: 'JP',
  },
};

/** The same Tokyo address as a Japanese buyer writes it. */
const JAPANESE_JP: Address = {
  name: '山田 花子',
  line_one: '神宮前1-1-1',
  city: '渋谷区',
  state: '東京都',
  postal_code: '150-0001',
  country: 'JP',
};

export function defaultShippingAddress(country: string, locale: string = 'en'): Address {
  const code = country.toUpperCase();
  if (code === 'JP' && locale === 'ja') return JAPANESE_JP;
  return TEST_ADDRESSES[code] ?? TEST_ADDRESSES.US;
}
