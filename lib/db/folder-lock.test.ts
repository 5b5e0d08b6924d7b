import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DataFolderInUseError, LOCK_FOLDER, lockDataFolder } from './folder-lock';

/**
 * The lock is between processes, so these tests start real ones: each child takes the lock on a
 * folder, prints what happened (`held <pid>` or the refusal), and keeps it until killed.
 */
const root = mkdtempSync(path.join(tmpdir(), 'aisle-lock-'));
const holderScript = path.join(root, 'holder.mts');
writeFileSync(
  holderScript,
  `import { existsSync } from 'node:fs';
import { lockDataFolder } from ${JSON.stringify(path.resolve('lib/db/folder-lock.ts'))};
// With a start signal (a file), every holder tries at the same moment.
const signal = process.argv[3];
if (signal) {
  console.log('ready');
  while (!existsSync(signal)) await new Promise((resolve) => setTimeout(resolve, 2));
}
// Racers pause between judging the lock stale and claiming it, so all of them judge before any claims.
const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
try {
  lockDataFolder(process.argv[2], signal ? { beforeClaim: pause } : {});
  console.log('held ' + process.pid);
  setInterval(() => {}, 1000);
} catch (error) {
  console.log('refused ' + error.message);
  process.exit(3);
}
`,
);

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(): string {
  return mkdtempSync(path.join(root, 'data-'));
}

/** Starts a holder and resolves with its answer (its first line, or the one after `ready`). */
function startHolder(
  dir: string,
  options: { signal?: string; onReady?: () => void } = {},
): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dir, options.signal ?? ''], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const lines = out.split('\n').slice(0, -1);
      if (lines[0] === 'ready' && lines.length === 1) options.onReady?.();
      const answer = lines.find((line) => line !== 'ready');
      if (answer) resolve({ child, line: answer });
    });
    child.on('exit', (code) => reject(new Error(`holder exited with ${code} before answering: ${out}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('one process per PGlite data folder', () => {
  it('refuses a second process with one sentence naming the folder, the holder and what to do', async () => {
    const dir = folder();
    const first = await startHolder(dir);
    expect(first.line).toBe(`held ${first.child.pid}`);

    const second = await startHolder(dir);
    expect(second.line).toBe(
      `refused The data folder ${dir} is in use by another Aisle (process ${first.child.pid}): stop the other Aisle, or set AISLE_DATA_DIR to another folder.`,
    );
    expect(() => lockDataFolder(dir)).toThrow(DataFolderInUseError);
  });

  it('takes over the lock of a process killed with SIGKILL', async () => {
    const dir = folder();
    const first = await startHolder(dir);
    await killed(first.child);
    const second = await startHolder(dir);
    expect(second.line).toBe(`held ${second.child.pid}`);
  });

  it('takes over a claim whose pid now belongs to another process (the pid was reused)', () => {
    const dir = folder();
    mkdirSync(path.join(dir, LOCK_FOLDER));
    // The parent process is alive, but it started at another time than the claim says.
    const claim = { pid: process.ppid, started: '1', boot: null, host: hostname(), nonce: 'x' };
    writeFileSync(path.join(dir, LOCK_FOLDER, '1'), JSON.stringify(claim));
    const lock = lockDataFolder(dir);
    expect(readdirSync(path.join(dir, LOCK_FOLDER))).toEqual(['2']);
    lock.release();
  });

  it('lets exactly one of eight processes racing for a stale lock take it', async () => {
    const dir = folder();
    await killed((await startHolder(dir)).child);
    const signal = path.join(root, `go-${path.basename(dir)}`);
    let ready = 0;
    const onReady = () => {
      if (++ready === 8) writeFileSync(signal, '');
    };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => startHolder(dir, { signal, onReady }).then(({ line }) => line)),
    );
    const winners = answers.filter((answer) => answer.startsWith('held '));
    expect(winners).toHaveLength(1);
    const winner = winners[0].slice('held '.length);
    for (const answer of answers.filter((a) => a !== winners[0]))
      expect(answer).toContain(`in use by another Aisle (process ${winner})`);
  });

  it('is free again once its holder releases it, in the same process or another', async () => {
    const dir = folder();
    const lock = lockDataFolder(dir);
    expect(() => lockDataFolder(dir)).toThrow(DataFolderInUseError);
    lock.release();
    const other = await startHolder(dir);
    expect(other.line).toBe(`held ${other.child.pid}`);
  });
});
