/**
 * Stripe's JSON puts `id` and `object` first and the other keys in alphabetical order. The store
 * (jsonb) does not keep key order, so responses and webhook bodies are put back in Stripe's.
 */
export function stripeOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripeOrder);
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = stripeOrder(source[key]);
  return out;
}

function rank(key: string): number {
  return key === 'id' ? 0 : key === 'object' ? 1 : 2;
}

export function stripeJson(value: unknown): string {
  return JSON.stringify(stripeOrder(value), null, 2);
}
