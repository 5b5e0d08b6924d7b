import { ConfigError, config } from '@/lib/config';
import { getDatabase, type Database } from '@/lib/db/client';
import { deliverDueOutbox } from '@/lib/db/outbox';

type BootState = { phase: 'starting' | 'ready' | 'failed'; error?: string; startedAt: number };
const holder = globalThis as unknown as { __aisleBoot?: BootState; __aisleWorker?: NodeJS.Timeout };

/** Steps each role contributes at start; each is idempotent so every start and every instance may run it. */
async function bootRoles(database: Database) {
  void database;
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
    holder.__aisleBoot = { ...holder.__aisleBoot, phase: 'ready' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    holder.__aisleBoot = { ...holder.__aisleBoot, phase: 'failed', error: message };
    console.error(`\nAisle failed to start: ${message}\n`);
  }
}

export async function bootStatus(): Promise<{ ready: boolean; phase: string; error?: string }> {
  const state = holder.__aisleBoot;
  if (!state) return { ready: false, phase: 'not started' };
  return { ready: state.phase === 'ready', phase: state.phase, error: state.error };
}
