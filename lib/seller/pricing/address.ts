import type { Address } from '@/lib/acp/types';
import { US_STATE_TAX_RATES } from './tax';

export type AddressProblem = {
  field: keyof Address;
  reason: 'invalid_state' | 'invalid_postal_code' | 'invalid_country' | 'blank';
};

/** Upper-cases country and US state codes and trims every field, so `ca` and ` CA ` both work. */
export function normalizeAddress(address: Address): Address {
  const trimmed = Object.fromEntries(
    Object.entries(address).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
  ) as Address;
  const country = trimmed.country.toUpperCase();
  return { ...trimmed, country, state: country === 'US' ? trimmed.state.toUpperCase() : trimmed.state };
}

/** Checks what a carrier would refuse: blank lines, an unknown US state, a malformed ZIP or 〒 code. */
export function addressProblems(address: Address): AddressProblem[] {
  const problems: AddressProblem[] = [];
  for (const field of ['name', 'line_one', 'city', 'postal_code'] as const) {
    if (!address[field]) problems.push({ field, reason: 'blank' });
  }
  if (!/^[A-Z]{2}$/.test(address.country)) problems.push({ field: 'country', reason: 'invalid_country' });
  if (address.country === 'US') {
    if (!(address.state in US_STATE_TAX_RATES)) problems.push({ field: 'state', reason: 'invalid_state' });
    if (address.postal_code && !/^\d{5}(-\d{4})?$/.test(address.postal_code))
      problems.push({ field: 'postal_code', reason: 'invalid_postal_code' });
  } else if (address.country === 'JP') {
    if (!address.state) problems.push({ field: 'state', reason: 'blank' });
    if (address.postal_code && !/^\d{3}-?\d{4}$/.test(address.postal_code))
      problems.push({ field: 'postal_code', reason: 'invalid_postal_code' });
  }
  return problems;
}
