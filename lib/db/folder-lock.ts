import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * One writer per PGlite data folder. PGlite takes no lock of its own, and two processes writing one
 * folder destroy it, so Aisle keeps a lock in `<folder>/.aisle-lock/`.
 *
 * Each holder writes a claim file `<n>` (pid, process start time, boot id, host), created whole and
 * atomically with link(2), which fails if the name exists. The highest claim is the lock. A claim is
 * stale when its process is gone: the pid is not running, or it runs with another start time (the
 * pid was reused), or the machine has rebooted since, or the holder wrote `<n>.released` on close.
 * A stale claim n is never removed to take it over: the taker creates claim n+1, so two processes
 * racing for one stale lock race for one name and exactly one link succeeds. Claims are never
 * removed by their own holder, only below a higher one, so the highest claim never goes down; after
 * creating its claim a taker checks that it is still the highest (a taker that listed the folder
 * long ago may have created a name already passed) and backs off if not.
 */

export const LOCK_FOLDER = '.aisle-lock';

export class DataFolderInUseError extends Error {
  readonly code = 'data_folder_in_use';
  constructor(
    readonly folder: string,
    readonly pid: number,
    readonly host: string,
  ) {
    super(
      host === hostname()
        ? `The data folder ${folder} is in use by another Aisle (process ${pid}): stop the other Aisle, or set AISLE_DATA_DIR to another folder.`
        : `The data folder ${folder} is in use by another Aisle (process ${pid} on ${host}): stop the other Aisle, set AISLE_DATA_DIR to another folder, or, if that Aisle is gone for good, delete ${path.join(folder, LOCK_FOLDER)}.`,
    );
    this.name = 'DataFolderInUseError';
  }
}

interface Claim {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is told apart. */
  started: string | null;
  boot: string | null;
  host: string;
  nonce: string;
}

export interface FolderLock {
  readonly folder: string;
  /** Marks the claim released; the next process to open the folder takes over at once. */
  release(): void;
}

function readOptional(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat; the command name before it may hold spaces, so count from its ')'. */
function processStartTime(pid: number): string | null {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

const bootId = () => readOptional('/proc/sys/kernel/random/boot_id');

/** Claims this process holds, by nonce: a claim naming this pid but not listed here is an old one of ours. */
const held = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isLive(dir: string, name: string, claim: Claim): boolean {
  if (readOptional(path.join(dir, `${name}.released`)) !== null) return false;
  // Another machine's process cannot be checked from here: it counts as live.
  if (claim.host !== hostname()) return true;
  if (claim.boot && claim.boot !== bootId()) return false;
  if (claim.pid === process.pid) return held.has(claim.nonce);
  if (!isRunning(claim.pid)) return false;
  return claim.started === null || claim.started === processStartTime(claim.pid);
}

function parseClaim(text: string | null): Claim | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Claim>;
    return typeof value.pid === 'number' && typeof value.nonce === 'string' ? (value as Claim) : null;
  } catch {
    return null;
  }
}

function claimNumbers(dir: string): number[] {
  return readdirSync(dir)
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .sort((a, b) => a - b);
}

function removeQuietly(file: string) {
  try {
    unlinkSync(file);
  } catch {
    // Already gone: another taker cleaned it up.
  }
}

export interface LockOptions {
  /** Called after the current claim was judged stale, just before claiming: tests widen the race here. */
  beforeClaim?: () => void;
}

/** Takes the folder's lock or throws DataFolderInUseError naming the live holder. */
export function lockDataFolder(folder: string, options: LockOptions = {}): FolderLock {
  const dir = path.join(folder, LOCK_FOLDER);
  mkdirSync(dir, { recursive: true });
  const mine: Claim = {
    pid: process.pid,
    started: processStartTime(process.pid),
    boot: bootId(),
    host: hostname(),
    nonce: randomBytes(12).toString('hex'),
  };
  const draft = path.join(dir, `draft-${mine.nonce}`);
  writeFileSync(draft, JSON.stringify(mine));
  try {
    for (;;) {
      const top = claimNumbers(dir).at(-1) ?? 0;
      if (top > 0) {
        const claim = parseClaim(readOptional(path.join(dir, String(top))));
        // An unreadable claim is a torn write from a crash: no live holder writes one (link is atomic).
        if (claim && isLive(dir, String(top), claim))
          throw new DataFolderInUseError(folder, claim.pid, claim.host);
      }
      const number = top + 1;
      const name = path.join(dir, String(number));
      options.beforeClaim?.();
      try {
        linkSync(draft, name);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      if ((claimNumbers(dir).at(-1) ?? 0) > number) {
        removeQuietly(name);
        continue;
      }
      held.add(mine.nonce);
      for (const older of claimNumbers(dir).filter((n) => n < number)) {
        removeQuietly(path.join(dir, `${older}.released`));
        removeQuietly(path.join(dir, String(older)));
      }
      let released = false;
      return {
        folder,
        release() {
          if (released) return;
          released = true;
          writeFileSync(path.join(dir, `${number}.released`), '');
          held.delete(mine.nonce);
        },
      };
    }
  } finally {
    removeQuietly(draft);
  }
}
