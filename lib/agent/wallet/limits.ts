import type { Db } from '@/lib/db/client';
import { hitRateLimit } from '@/lib/db/rate-limit';

/** More card-save attempts than a person makes in a minute means a script: refuse the rest. */
const SETUPS_PER_MINUTE = 20;

export async function allowCardSetup(db: Db, buyerId: string): Promise<boolean> {
  const result = await hitRateLimit(db, {
    bucket: `wallet-setup:${buyerId}`,
    limit: SETUPS_PER_MINUTE,
    windowMs: 60_000,
  });
  return result.allowed;
}
