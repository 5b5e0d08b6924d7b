import type { PGlite } from '@electric-sql/pglite';

/**
 * PostgreSQL keeps its planner statistics fresh and its tables compact with autovacuum, a background
 * worker. PGlite runs PostgreSQL as a single process with no background workers, so nothing ever
 * runs it: tables are never analysed (the planner guesses, and may walk a long index range where
 * one row would do) and dead row versions are never reclaimed. This does autovacuum's job on a
 * timer: `vacuum analyze` of the whole database shortly after start, then every few minutes.
 */
export interface PgliteMaintenance {
  /** Runs one pass now (after any pass already running); resolves when it is done. */
  runNow(): Promise<void>;
  /** Stops the timer and waits for a running pass, so the database can be closed. */
  stop(): Promise<void>;
}

export interface MaintenanceOptions {
  /** Delay before the first pass, after start. */
  firstAfterMs?: number;
  /** Time between passes. */
  everyMs?: number;
  /** Told about a pass that failed (the next one still runs). */
  onError?: (error: unknown) => void;
}

const FIRST_AFTER_MS = 10_000;
const EVERY_MS = 10 * 60_000;

export function startPgliteMaintenance(client: PGlite, options: MaintenanceOptions = {}): PgliteMaintenance {
  const onError =
    options.onError ??
    ((error) =>
      console.warn(`[db] PGlite maintenance failed: ${error instanceof Error ? error.message : error}`));
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const pass = () => {
    running = running.then(async () => {
      if (stopped || client.closed) return;
      try {
        await client.exec('vacuum analyze');
      } catch (error) {
        onError(error);
      }
    });
    return running;
  };
  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      void pass().then(() => {
        if (!stopped) schedule(options.everyMs ?? EVERY_MS);
      });
    }, delay);
    timer.unref();
  };
  schedule(options.firstAfterMs ?? FIRST_AFTER_MS);

  return {
    runNow: pass,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
