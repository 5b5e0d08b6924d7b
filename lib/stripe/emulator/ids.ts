import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random bytes are drawn from the system in blocks: one syscall serves many ids. */
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

function nextByte(): number {
  if (offset === POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  return pool[offset++];
}

/** Random base62, the character set of Stripe's ids and keys. */
export function base62(length: number): string {
  let out = '';
  while (out.length < length) {
    const byte = nextByte();
    // 248 = 4 × 62: rejecting the rest keeps every character equally likely.
    if (byte < 248) out += ALPHABET[byte % 62];
  }
  return out;
}

export type IdPrefix =
  'acct' | 'ch' | 'cus' | 'evt' | 'pi' | 'pm' | 'profile_test' | 're' | 'req' | 'seti' | 'spt' | 'we';

/** `pi_3Ab…`: Stripe's prefix, then 24 base62 characters. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${base62(24)}`;
}

/** `pi_…_secret_…`: what Stripe.js sends back with the publishable key to act on one intent. */
export function newClientSecret(id: string): string {
  return `${id}_secret_${base62(24)}`;
}
