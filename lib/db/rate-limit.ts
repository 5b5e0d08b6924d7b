import { sql } from 'drizzle-orm';
import type { Db } from './client';

export interface RateLimitRule {
  /** Who is limited, e.g. `chat:buyer_abc`. */
  bucket: string;
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
  now?: Date;
}

export type RateLimitResult =
  | { allowed: true; remaining: number; resetAt: Date }
  | { allowed: false; remaining: 0; resetAt: Date; retryAfterSeconds: number };

/**
 * Counts one hit in a fixed window and says whether it is within the limit. One upsert does the
 * counting, so concurrent hits on PostgreSQL or PGlite never lose an increment.
 */
export async function hitRateLimit(db: Db, rule: RateLimitRule): Promise<RateLimitResult> {
  const now = rule.now ?? new Date();
  const windowStart = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
  const resetAt = new Date(windowStart.getTime() + rule.windowMs);
  const result = await db.execute<{ hits: number }>(sql`
    insert into rate_limit_hits (bucket, window_start, hits)
    values (${rule.bucket}, ${windowStart.toISOString()}, 1)
    on conflict (bucket, window_start) do update set hits = rate_limit_hits.hits + 1
    returning hits`);
  const hits = Number(result.rows[0]?.hits ?? 1);
  // Old windows are dead weight; the first hit of a new window clears this bucket's past ones.
  if (hits === 1) {
    await db.execute(
      sql`delete from rate_limit_hits where bucket = ${rule.bucket} and window_start < ${windowStart.toISOString()}`,
    );
  }
  if (hits <= rule.limit) return { allowed: true, remaining: rule.limit - hits, resetAt };
  return {
    allowed: false,
    remaining: 0,
    resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
  };
}
