// A production start of the app (`next build` + `next start`) for the benchmarks that measure what a
// buyer's browser and the server's memory actually get.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const NEXT_DIR = path.resolve('.next');

/** The port of the benchmark's server; set BENCH_PORT to keep beside other servers on the machine. */
export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 3200);

/** The newest modification time among the sources a build is made of. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds unless a build newer than every source is there: a stale build would measure old code. */
export function ensureBuild() {
  const buildId = path.join(NEXT_DIR, 'BUILD_ID');
  const sources = ['app', 'components', 'lib'].map((dir) => newestSource(path.resolve(dir)));
  const config = statSync(path.resolve('next.config.ts')).mtimeMs;
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(config, ...sources)) return;
  const result = spawnSync('npx', ['next', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed');
}

/** Resident and peak resident memory of one process, in MB (Linux /proc). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

export interface ProductionServer {
  origin: string;
  /** The `next-server` process: `next start` serves from the process it is started as. */
  pid: number;
  memory(): { rss: number; peak: number };
  stop(): Promise<void>;
}

/**
 * Starts `next start` on BENCH_PORT with a fresh PGlite data folder (or `databaseUrl`), the offline
 * model's pacing off and no chat rate limit, and resolves once /api/health says it is ready.
 */
export async function startProduction({
  databaseUrl,
}: { databaseUrl?: string } = {}): Promise<ProductionServer> {
  ensureBuild();
  const origin = `http://localhost:${BENCH_PORT}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aisle-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(BENCH_PORT),
    AISLE_ORIGIN: origin,
    AISLE_DATA_DIR: path.join(dataDir, 'data'),
    AISLE_OFFLINE_WORD_DELAY_MS: '0',
    CHAT_RATE_LIMIT_PER_MINUTE: '1000000',
  };
  delete env.DATABASE_URL;
  delete env.OPENAI_API_KEY;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start', '-p', String(BENCH_PORT)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`next start exited with ${child.exitCode}: ${log.slice(-300)}`);
    }
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok && ((await response.json()) as { ready?: boolean }).ready) {
        const pid = child.pid!;
        return { origin, pid, memory: () => memoryOf(pid), stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`the app was not ready within 180 s: ${log.slice(-300)}`);
}
