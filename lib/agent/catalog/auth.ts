import { createHash, timingSafeEqual } from 'node:crypto';
import { DEMO_SELLER_IDS, config } from '@/lib/config';
import { demoPairing } from '@/lib/pairing';

export interface FeedSeller {
  sellerId: string;
  /** Shown when the feed's variants carry no `seller.name`. */
  displayName: string;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time comparison that does not leak the expected token's length. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function titleCase(id: string): string {
  return id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}

/**
 * The seller a Feed API token belongs to: a demo seller's `feedToken` (lib/pairing.ts) or an external
 * seller's `apiKey` from ACP_SELLERS. The token alone identifies the seller, so a feed id in the path
 * can only ever reach that seller's own feed.
 */
export async function sellerForToken(token: string): Promise<FeedSeller | null> {
  let found: FeedSeller | null = null;
  // Every candidate is compared, so the time taken does not say which seller was close.
  for (const sellerId of DEMO_SELLER_IDS) {
    const { feedToken } = await demoPairing(sellerId);
    if (sameSecret(token, feedToken) && !found) found = { sellerId, displayName: titleCase(sellerId) };
  }
  for (const seller of config().externalSellers) {
    if (sameSecret(token, seller.apiKey) && !found) found = { sellerId: seller.id, displayName: seller.name };
  }
  return found;
}
