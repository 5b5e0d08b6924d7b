// `npm run bench:dev`: `next dev` as a new user meets it. The tracked files are copied to a fresh
// folder (no .next cache, no data folder; node_modules hard-linked), `next dev` starts there, and
// the clock runs from the command to the first page and to the first chat answer with products.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { table } from './table';
import type { BenchRow } from './types';

const PORT = process.env.BENCH_PORT ?? '3210';
const ORIGIN = `http://localhost:${PORT}`;
const TIMEOUT_MS = 300_000;
const FIRST_PAGE_TARGET_S = 20;
const FIRST_ANSWER_TARGET_S = 30;

function freshCopy(): string {
  const root = path.resolve(import.meta.dirname, '..');
  const copy = mkdtempSync(path.join(tmpdir(), 'aisle-dev-start-'));
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'buffer',
  });
  if (files.status !== 0) throw new Error(`git ls-files failed: ${files.stderr}`);
  // node_modules is linked below, even where it is itself a link that git does not ignore.
  const listed = files.stdout
    .toString()
    .split('\0')
    .filter((file) => file && file !== 'node_modules');
  const tar = spawnSync('sh', ['-c', `tar --null --ignore-failed-read -T - -cf - | tar -xf - -C '${copy}'`], {
    cwd: root,
    input: listed.join('\0'),
  });
  if (tar.status !== 0) throw new Error(`copying the tree failed: ${tar.stderr}`);
  const link = spawnSync('cp', ['-al', realpathSync(path.join(root, 'node_modules')), copy]);
  if (link.status !== 0) throw new Error(`linking node_modules failed: ${link.stderr}`);
  rmSync(path.join(copy, 'node_modules', '.cache'), { recursive: true, force: true });
  return copy;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET `url` until it answers 200, returning the response; connection refused means not up yet. */
async function firstOk(url: string, deadline: number): Promise<Response> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.ok) return response;
      await response.arrayBuffer();
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${TIMEOUT_MS / 1000} s`);
}

/** One chat turn as the browser sends it; true when the answer carried product cards. */
async function chatTurn(cookie: string, n: number): Promise<boolean> {
  const response = await fetch(`${ORIGIN}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      id: `bench_chat_${n}`,
      message: {
        id: `bench_msg_${n}`,
        role: 'user',
        parts: [{ type: 'text', text: 'waterproof hiking boots' }],
      },
      trigger: 'submit-message',
    }),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`POST /api/chat answered ${response.status}: ${body.slice(0, 200)}`);
  return /"type":"tool-output-available"[^\n]*"products":\[\{/.test(body);
}

async function main() {
  const copy = freshCopy();
  const started = Date.now();
  const server = spawn('npx', ['next', 'dev', '-p', PORT], {
    cwd: copy,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      NEXT_TELEMETRY_DISABLED: '1',
      AISLE_ORIGIN: ORIGIN,
      AISLE_DATA_DIR: path.join(copy, '.data'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  const seconds = () => (Date.now() - started) / 1000;
  const rows: BenchRow[] = [];
  try {
    const deadline = started + TIMEOUT_MS;
    const page = await firstOk(`${ORIGIN}/`, deadline);
    await page.arrayBuffer();
    const pageAt = seconds();
    rows.push({
      name: 'next dev, fresh copy: first page (GET /)',
      target: `≤ ${FIRST_PAGE_TARGET_S} s`,
      result: `${pageAt.toFixed(1)} s`,
      ok: pageAt <= FIRST_PAGE_TARGET_S,
    });
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
    let turns = 0;
    let firstAnswerAt: number | undefined;
    while (Date.now() < deadline) {
      const withProducts = await chatTurn(cookie, ++turns);
      firstAnswerAt ??= seconds();
      if (withProducts) break;
      await sleep(500);
    }
    const answerAt = seconds();
    rows.push(
      {
        name: 'next dev, fresh copy: first chat answer',
        target: 'report',
        result: `${firstAnswerAt?.toFixed(1)} s`,
        ok: true,
      },
      {
        name: 'next dev, fresh copy: first chat answer with products',
        target: `≤ ${FIRST_ANSWER_TARGET_S} s`,
        result: `${answerAt.toFixed(1)} s (${turns} turn${turns === 1 ? '' : 's'})`,
        ok: answerAt <= FIRST_ANSWER_TARGET_S,
      },
    );
  } catch (error) {
    rows.push({
      name: 'next dev, fresh copy',
      target: '-',
      result: `error: ${error instanceof Error ? error.message : error}`.slice(0, 160),
      ok: false,
    });
    console.error(log.split('\n').slice(-40).join('\n'));
  } finally {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    if (server.exitCode === null) await new Promise((resolve) => server.once('exit', resolve));
    rmSync(copy, { recursive: true, force: true });
  }
  if (/MaxListenersExceededWarning/.test(log)) console.error('next dev printed MaxListenersExceededWarning');
  console.log(`\nAisle dev start — node ${process.version}, ${new Date().toISOString()}\n`);
  console.log(table(rows));
  process.exit(rows.every((r) => r.ok) ? 0 : 1);
}

void main();
