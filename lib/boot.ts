import { ConfigError, config, DEMO_SELLER_IDS } from '@/lib/config';
import { getDatabase, type Database } from '@/lib/db/client';
import { pruneIdempotencyKeys } from '@/lib/db/idempotency';
import { deliverDueOutbox } from '@/lib/db/outbox';

type BootState = { phase: 'starting' | 'ready' | 'failed'; error?: string; startedAt: number };
const holder = globalThis as unknown as {
  __aisleBoot?: BootState;
  __aisleWorker?: NodeJS.Timeout;
  __aisleJanitor?: NodeJS.Timeout;
  __aisleReconciler?: NodeJS.Timeout;
};

/** Steps each role contributes at start; each is idempotent so every start and every instance may run it. */
async function bootRoles({ db }: Database) {
  if (config().stripe.mode === 'emulator') {
    const { bootStripeEmulator } = await import('@/lib/stripe/emulator/boot');
    await bootStripeEmulator(db);
  }
  const { bootSellers } = await import('@/lib/seller/boot');
  await bootSellers(db);
}

function startOutboxWorker(database: Database) {
  if (holder.__aisleWorker) return;
  let running = false;
  holder.__aisleWorker = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await deliverDueOutbox(database.db);
    } catch (error) {
      console.error('[outbox]', error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  }, 400);
  holder.__aisleWorker.unref();

  // Idempotency keys are kept for the 48 h the protocols promise (at least 24 h), then forgotten.
  holder.__aisleJanitor = setInterval(() => {
    pruneIdempotencyKeys(database.db).catch((error) =>
      console.error('[janitor]', error instanceof Error ? error.message : error),
    );
  }, 15 * 60_000);
  holder.__aisleJanitor.unref();
}

/**
 * Purchases a crash or an outage left half done are finished or undone within seconds, without a
 * restart: the sellers resume stale completions, then the agent resumes stale Pays. Every instance
 * runs it; both sides take each purchase with a row lock or a conditional UPDATE.
 */
function startReconciler(database: Database) {
  if (holder.__aisleReconciler) return;
  let running = false;
  holder.__aisleReconciler = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const [{ recoverSellerSessions }, { reconcilePurchases }] = await Promise.all([
        import('@/lib/seller/recovery'),
        import('@/lib/agent/checkout/reconcile'),
      ]);
      await recoverSellerSessions({ db: database.db });
      await reconcilePurchases({ db: database.db });
    } catch (error) {
      console.error('[reconciler]', error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  }, 1_000);
  holder.__aisleReconciler.unref();
}

/**
 * Start-up: refuse a wrong configuration with one sentence, migrate, seed, start the delivery worker.
 * Called once per server process from instrumentation.ts.
 */
export async function boot(): Promise<void> {
  if (holder.__aisleBoot) return;
  holder.__aisleBoot = { phase: 'starting', startedAt: Date.now() };
  try {
    config();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\nAisle cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  try {
    const database = await getDatabase();
    await bootRoles(database);
    startOutboxWorker(database);
    startReconciler(database);
    holder.__aisleBoot = { ...holder.__aisleBoot, phase: 'ready' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    holder.__aisleBoot = { ...holder.__aisleBoot, phase: 'failed', error: message };
    console.error(`\nAisle failed to start: ${message}\n`);
  }
}

/** Ready once booted and every demo seller's catalog has reached the agent through the Feed API. */
export async function bootStatus(): Promise<{
  ready: boolean;
  phase: string;
  error?: string;
  catalog?: Record<string, number>;
}> {
  const state = holder.__aisleBoot;
  if (!state) return { ready: false, phase: 'not started' };
  if (state.phase !== 'ready') return { ready: false, phase: state.phase, error: state.error };
  const [{ catalogStats }, { getDb }] = await Promise.all([
    import('@/lib/agent/catalog'),
    import('@/lib/db/client'),
  ]);
  const stats = await catalogStats(await getDb());
  const catalog = Object.fromEntries(stats.sellers.map((s) => [s.sellerId, s.products]));
  const fed = DEMO_SELLER_IDS.every((id) => (catalog[id] ?? 0) > 0);
  return { ready: fed, phase: fed ? 'ready' : 'waiting for seller catalogs', catalog };
}
