import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { config } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { appSettings } from '@/lib/db/schema';

const holder = globalThis as unknown as { __aisleSecret?: Promise<string> };

/**
 * The key that signs buyer cookies: AISLE_SECRET when set, otherwise one generated on first start and
 * kept in the database, so every app instance on the same database signs alike and restarts keep sessions.
 */
export function appSecret(): Promise<string> {
  const fromEnv = config().secret;
  if (fromEnv) return Promise.resolve(fromEnv);
  if (!holder.__aisleSecret) {
    const loading = (async () => {
      const db = await getDb();
      await db
        .insert(appSettings)
        .values({ key: 'cookie_secret', value: randomBytes(32).toString('hex') })
        .onConflictDoNothing();
      const [row] = await db.select().from(appSettings).where(eq(appSettings.key, 'cookie_secret'));
      return row.value;
    })();
    holder.__aisleSecret = loading;
    loading.catch(() => {
      if (holder.__aisleSecret === loading) holder.__aisleSecret = undefined;
    });
  }
  return holder.__aisleSecret;
}
