import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random base62, the character set of Stripe's ids and keys. */
export function base62(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  // 248 = 4 × 62: rejecting the rest keeps every character equally likely.
  for (let i = 0; i < bytes.length && out.length < length; i++) if (bytes[i] < 248) out += ALPHABET[bytes[i] % 62];
  return out.length === length ? out : out + base62(length - out.length);
}

export type IdPrefix =
  | 'acct'
  | 'ch'
  | 'cus'
  | 'evt'
  | 'pi'
  | 'pm'
  | 'profile_test'
  | 're'
  | 'req'
  | 'seti'
  | 'spt'
  | 'we';

/** `pi_3Ab…`: Stripe's prefix, then 24 base62 characters. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${base62(24)}`;
}

/** `pi_…_secret_…`: what Stripe.js sends back with the publishable key to act on one intent. */
export function newClientSecret(id: string): string {
  return `${id}_secret_${base62(24)}`;
}
