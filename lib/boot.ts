import { ConfigError, config, DEMO_SELLER_IDS } from '@/lib/config';
import { closeDatabase, getDatabase, type Database, type Db } from '@/lib/db/client';
import { DataFolderInUseError } from '@/lib/db/folder-lock';
import { pruneIdempotencyKeys } from '@/lib/db/idempotency';
import { deliverDueOutbox } from '@/lib/db/outbox';
import { checkDashboardGuards } from '@/lib/operator/access';

type BootState = {
  phase: 'starting' | 'retrying' | 'ready' | 'stopping';
  /** Why the latest attempt failed, in the database's own words where it gave some. */
  error?: string;
  attempts: number;
  startedAt: number;
};
const holder = globalThis as unknown as {
  __aisleBoot?: BootState;
  __aisleWorker?: NodeJS.Timeout;
  __aisleJanitor?: NodeJS.Timeout;
  /** The outbox run in progress, so shutting down can wait for it. */
  __aisleDelivery?: Promise<unknown>;
  __aisleReconciler?: NodeJS.Timeout;
};

/** Steps each role contributes at start; each is idempotent so every start and every instance may run it. */
async function bootRoles(db: Db) {
  if (config().stripe.mode === 'emulator') {
    const { bootStripeEmulator } = await import('@/lib/stripe/emulator/boot');
    await bootStripeEmulator(db);
  }
  const { bootSellers } = await import('@/lib/seller/boot');
  await bootSellers(db);
}

function startOutboxWorker(database: Database, stopping: AbortSignal) {
  if (holder.__aisleWorker) return;
  holder.__aisleWorker = setInterval(() => {
    if (holder.__aisleDelivery || stopping.aborted) return;
    holder.__aisleDelivery = deliverDueOutbox(database.db, { stop: stopping })
      .catch((error) => console.error('[outbox]', error instanceof Error ? error.message : error))
      .finally(() => (holder.__aisleDelivery = undefined));
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
 * The innermost message of an error: drizzle wraps the database's error in "Failed query: …" with the
 * SQL, and the database's own words (`duplicate key value …`, `database "x" does not exist`) are the cause.
 */
export function startupCause(error: unknown): string {
  let inner = error;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  const message = inner instanceof Error ? inner.message : String(inner);
  // An AggregateError (every address refused) carries its reasons inside and an empty message.
  if (!message && inner instanceof AggregateError && inner.errors[0] instanceof Error)
    return startupCause(inner.errors[0]);
  return message || String(error);
}

/** Seconds before the n-th retry: 1, 2, 4, 8, then every 15 s, so a database that comes back is found soon. */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(15, 2 ** Math.max(0, attempt - 1));
}

/** One start-up attempt: open and migrate the database, seed each role, start the workers. */
async function attempt(state: BootState, stopping: AbortController): Promise<boolean> {
  state.attempts++;
  try {
    const database = await getDatabase();
    await database.exclusive(bootRoles);
    startOutboxWorker(database, stopping.signal);
    startReconciler(database);
    state.phase = 'ready';
    state.error = undefined;
    return true;
  } catch (error) {
    // Another process writes this PGlite folder: waiting would not help, and serving would corrupt it.
    if (error instanceof DataFolderInUseError) {
      console.error(`\nAisle cannot start: ${error.message}\n`);
      process.exit(1);
    }
    state.phase = 'retrying';
    state.error = startupCause(error);
    console.error(
      `\nAisle could not start (attempt ${state.attempts}): ${state.error}; trying again in ${retryDelaySeconds(state.attempts)} s.\n`,
    );
    return false;
  }
}

async function keepTrying(state: BootState, stopping: AbortController) {
  while (!stopping.signal.aborted) {
    await new Promise((resolve) => setTimeout(resolve, retryDelaySeconds(state.attempts) * 1000));
    if (stopping.signal.aborted || (await attempt(state, stopping))) return;
  }
}

/**
 * On SIGINT/SIGTERM: stop taking outbox work at once (what was leased and not sent goes back for
 * another instance), and close the database (PGlite: checkpoint, then the folder's lock is released)
 * only after Next has answered the requests in flight. Next's own handler finishes those and then
 * calls process.exit, so the close runs inside that exit; without Next's handler, this one exits.
 */
function closeOnSignals(state: BootState, stopping: AbortController) {
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(holder.__aisleWorker);
      clearInterval(holder.__aisleJanitor);
      clearInterval(holder.__aisleReconciler);
      await holder.__aisleDelivery;
      await closeDatabase();
    })().catch((error) => console.error('[shutdown]', error instanceof Error ? error.message : error)));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      state.phase = 'stopping';
      stopping.abort();
      const exit = process.exit.bind(process);
      // However the close goes, the process ends within ten seconds of the signal.
      setTimeout(() => exit(1), 10_000).unref();
      if (process.listenerCount(signal) === 0) {
        void close().finally(() => exit(signal === 'SIGINT' ? 130 : 143));
        return;
      }
      process.exit = ((code?: number) => {
        void close().finally(() => exit(code));
      }) as typeof process.exit;
    });
  }
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
 * Called once per server process from instrumentation.ts. A failed start is tried again with backoff,
 * its cause shown by /api/health meanwhile; a data folder in use ends the process.
 */
export async function boot(): Promise<void> {
  if (holder.__aisleBoot) return;
  const state: BootState = { phase: 'starting', attempts: 0, startedAt: Date.now() };
  holder.__aisleBoot = state;
  try {
    config();
    checkDashboardGuards();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\nAisle cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const stopping = new AbortController();
  closeOnSignals(state, stopping);
  // The first attempt holds the server back; later ones run while it answers (health: 503 and why).
  if (!(await attempt(state, stopping))) void keepTrying(state, stopping);
}

/** Ready once booted and every demo seller's catalog has reached the agent through the Feed API. */
export async function bootStatus(): Promise<{
  ready: boolean;
  phase: string;
  error?: string;
  attempts?: number;
  catalog?: Record<string, number>;
}> {
  const state = holder.__aisleBoot;
  if (!state) return { ready: false, phase: 'not started' };
  if (state.phase !== 'ready')
    return { ready: false, phase: state.phase, error: state.error, attempts: state.attempts };
  const [{ catalogStats }, { getDb }] = await Promise.all([
    import('@/lib/agent/catalog'),
    import('@/lib/db/client'),
  ]);
  const stats = await catalogStats(await getDb());
  const catalog = Object.fromEntries(stats.sellers.map((s) => [s.sellerId, s.products]));
  const fed = DEMO_SELLER_IDS.every((id) => (catalog[id] ?? 0) > 0);
  return { ready: fed, phase: fed ? 'ready' : 'waiting for seller catalogs', catalog };
}
