// Builds the app, starts `next start` on a fresh data folder, waits until it is ready, runs Playwright,
// and stops the server. With E2E_BASE_URL set it only runs Playwright against that server.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const args = process.argv.slice(2);

function run(command, commandArgs, extraEnv = {}) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status ?? 1;
}

if (env.E2E_BASE_URL) process.exit(run('npx', ['playwright', 'test', ...args]));

const port = env.E2E_PORT ?? '3100';
const origin = `http://localhost:${port}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'aisle-e2e-'));

if (!env.E2E_SKIP_BUILD && run('npx', ['next', 'build']) !== 0) process.exit(1);

// The journeys wait for answers, not for the offline model's pauses between words.
const serverEnv = {
  AISLE_OFFLINE_WORD_DELAY_MS: '0',
  ...env,
  PORT: port,
  AISLE_ORIGIN: origin,
  AISLE_DATA_DIR: dataDir,
};
delete serverEnv.DATABASE_URL;
const server = spawn('npx', ['next', 'start', '-p', port], {
  env: serverEnv,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let log = '';
server.stdout.on('data', (chunk) => (log += chunk));
server.stderr.on('data', (chunk) => (log += chunk));

function stop() {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {}
  rmSync(dataDir, { recursive: true, force: true });
}

async function waitForReady() {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}\n${log}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok && (await response.json()).ready) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app was not ready within 120 s\n${log}`);
}

let status = 1;
try {
  await waitForReady();
  status = run('npx', ['playwright', 'test', ...args], { E2E_BASE_URL: origin, E2E_DATA_DIR: dataDir });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  if (status !== 0) console.error(log.split('\n').slice(-60).join('\n'));
  stop();
}
process.exit(status);
