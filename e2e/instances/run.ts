// `npm run test:instances`: Aisle as real `next start` processes, several at once. PGlite: a second
// process on a folder in use is refused while the first keeps serving; kill -9 during purchases loses
// none that was answered "succeeded". PostgreSQL: a start that fails is retried and says why; four
// instances started at the same moment all become ready, five times; with two instances, one stopped
// mid-run, every purchase succeeds and every order webhook is delivered exactly once.
// Ports 3240-3279. Needs TEST_DATABASE_URL (or PostgreSQL at 127.0.0.1:5432) for the PostgreSQL part.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '@/lib/db/client';
import { LOCK_FOLDER } from '@/lib/db/folder-lock';
import {
  ensureBuild,
  freshPostgres,
  health,
  pay,
  preparePurchases,
  readLedger,
  startInstance,
  stopInstance,
  waitReady,
  type Instance,
  type PreparedPurchase,
} from './harness';

const PUBLIC_ORIGIN = 'http://localhost:3240';
const POSTGRES = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const running: Instance[] = [];
const folders: string[] = [];

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function start(name: string, port: number, store: Parameters<typeof startInstance>[2]) {
  const instance = startInstance(name, port, store, PUBLIC_ORIGIN);
  running.push(instance);
  return instance;
}

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'aisle-instances-'));
  folders.push(dir);
  return dir;
}

/** Presses Pay for each purchase, `width` at a time, on the instance `route` picks at that moment. */
async function payAll(
  purchases: PreparedPurchase[],
  width: number,
  route: (index: number) => Instance,
  onAnswer: (index: number, status: string) => void = () => {},
): Promise<string[]> {
  const answers: string[] = new Array(purchases.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < purchases.length) {
        const index = next++;
        answers[index] = await pay(route(index), purchases[index]).then(
          (answer) => answer.status,
          (error: Error) => `error: ${error.message}`,
        );
        onAnswer(index, answers[index]);
      }
    }),
  );
  return answers;
}

async function secondProcessIsRefused() {
  const dataDir = folder();
  const first = start('first', 3241, { dataDir });
  await waitReady(first);
  const second = start('second', 3242, { dataDir });
  const code = await Promise.race([second.exited, sleep(60_000).then(() => 'still running')]);
  expect(code === 1, `the second process should exit with 1, got ${code}\n${second.log()}`);
  const sentence = `The data folder ${dataDir} is in use by another Aisle (process ${first.child.pid}): stop the other Aisle, or set AISLE_DATA_DIR to another folder.`;
  expect(second.log().includes(sentence), `the refusal should say: ${sentence}\n${second.log()}`);
  expect((await health(first)).status === 200, 'the first process should keep serving');
  const stopped = await stopInstance(first, 'SIGTERM');
  expect(stopped === 143, `SIGTERM should end the server with 143, got ${stopped}\n${first.log()}`);
  // The database was closed before the exit: the lock was released, not left for a taker to judge stale.
  const lock = readdirSync(path.join(dataDir, LOCK_FOLDER));
  expect(
    lock.some((name) => name.endsWith('.released')),
    `a clean stop should release the lock: ${lock}`,
  );
  await (await openDatabase({ mode: 'pglite', dataDir })).close();
}

async function killDuringPurchases() {
  const dataDir = folder();
  const purchases = await preparePurchases({ mode: 'pglite', dataDir }, 20);
  const server = start('server', 3243, { dataDir });
  await waitReady(server);
  let succeeded = 0;
  let killed = false;
  const answers = await payAll(
    purchases,
    4,
    () => server,
    (_, status) => {
      if (status === 'succeeded' && ++succeeded === 8 && !killed) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    },
  );
  await server.exited;
  const told = purchases.filter((_, i) => answers[i] === 'succeeded').map((p) => p.checkoutId);
  expect(told.length >= 8, `at least 8 purchases should have succeeded before the kill: ${answers}`);
  const database = await openDatabase({ mode: 'pglite', dataDir });
  try {
    const ledger = await readLedger(
      database,
      purchases.map((p) => p.checkoutId),
    );
    const lost = told.filter((id) => !ledger.agentOrders.has(id));
    expect(lost.length === 0, `purchases answered "succeeded" but missing after kill -9: ${lost.join(', ')}`);
    expect(
      ledger.sellerOrders >= told.length && ledger.charges >= told.length,
      `each succeeded purchase should have its seller order and charge: ${JSON.stringify(ledger)}`,
    );
    console.log(
      `    ${told.length} of 20 answered "succeeded" before kill -9; all ${told.length} there after`,
    );
  } finally {
    await database.close();
  }
  // The app itself takes over the dead process's lock and starts.
  const again = start('restarted', 3244, { dataDir });
  await waitReady(again);
  await stopInstance(again);
}

async function failedStartIsRetried() {
  const database = await freshPostgres(POSTGRES);
  const url = new URL(database.url);
  url.pathname = `${url.pathname}_later`;
  const later = url.pathname.slice(1);
  const instance = start('early', 3245, { databaseUrl: url.toString() });
  try {
    let body: Record<string, unknown> = {};
    for (let i = 0; i < 240 && !body.error; i++) {
      await sleep(250);
      body = await health(instance).then(
        (h) => h.body,
        () => ({}),
      );
    }
    expect(
      body.ready === false && String(body.error).includes(`database "${later}" does not exist`),
      `health should show PostgreSQL's own message: ${JSON.stringify(body)}`,
    );
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: POSTGRES });
    await admin.connect();
    await admin.query(`create database ${later}`);
    await admin.end();
    await waitReady(instance);
  } finally {
    await stopInstance(instance);
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: POSTGRES });
    await admin.connect();
    await admin.query(`drop database if exists ${later} with (force)`);
    await admin.end();
    await database.drop();
  }
}

async function fourAtOnce() {
  for (let round = 1; round <= 5; round++) {
    const database = await freshPostgres(POSTGRES);
    const instances = [0, 1, 2, 3].map((i) =>
      start(`round ${round} #${i + 1}`, 3250 + i, { databaseUrl: database.url }),
    );
    try {
      await Promise.all(instances.map((instance) => waitReady(instance)));
    } finally {
      await Promise.all(instances.map((instance) => stopInstance(instance)));
      await database.drop();
    }
  }
}

async function oneOfTwoStops() {
  const database = await freshPostgres(POSTGRES);
  try {
    const purchases = await preparePurchases({ mode: 'postgres', url: database.url }, 16);
    const a = start('A', 3260, { databaseUrl: database.url });
    const b = start('B', 3261, { databaseUrl: database.url });
    await Promise.all([waitReady(a), waitReady(b)]);
    let answered = 0;
    let stopping: Promise<unknown> | undefined;
    // Alternating, as a load balancer would, until A is stopped; then everything goes to B.
    const answers = await payAll(
      purchases,
      4,
      (index) => (stopping || index % 2 ? b : a),
      () => {
        if (++answered === 6) stopping = stopInstance(a, 'SIGTERM');
      },
    );
    await stopping;
    const failed = answers.filter((status) => status !== 'succeeded');
    expect(failed.length === 0, `every purchase should succeed: ${answers.join(', ')}`);
    const db = await openDatabase({ mode: 'postgres', url: database.url });
    try {
      let ledger = await readLedger(
        db,
        purchases.map((p) => p.checkoutId),
      );
      for (let i = 0; i < 120 && ledger.orderWebhooks.delivered < ledger.orderWebhooks.queued; i++) {
        await sleep(250);
        ledger = await readLedger(
          db,
          purchases.map((p) => p.checkoutId),
        );
      }
      const { queued, delivered, received } = ledger.orderWebhooks;
      expect(
        ledger.agentOrders.size === 16 && ledger.sellerOrders === 16 && ledger.charges === 16,
        `16 orders and 16 charges expected: ${JSON.stringify({ ...ledger, agentOrders: ledger.agentOrders.size })}`,
      );
      expect(
        queued >= 16 && delivered === queued && received === queued,
        `every order webhook delivered exactly once: ${queued} queued, ${delivered} delivered, ${received} received`,
      );
      console.log(`    16 purchases, ${queued} order webhooks, each received once`);
    } finally {
      await db.close();
    }
    await stopInstance(b);
  } finally {
    await database.drop();
  }
}

const scenarios: [string, () => Promise<void>][] = [
  ['PGlite: a second process on a folder in use is refused, the first keeps serving', secondProcessIsRefused],
  ['PGlite: kill -9 during 20 purchases loses none answered "succeeded"', killDuringPurchases],
  ['PostgreSQL: a failed start is retried and /api/health says why', failedStartIsRetried],
  ['PostgreSQL: 4 instances started at the same moment all become ready, 5 times', fourAtOnce],
  ['PostgreSQL: 2 instances, one stopped mid-run: purchases go on, webhooks exactly once', oneOfTwoStops],
];

async function main() {
  const only = process.argv.slice(2);
  ensureBuild();
  let failures = 0;
  for (const [name, run] of scenarios) {
    if (only.length > 0 && !only.some((word) => name.toLowerCase().includes(word.toLowerCase()))) continue;
    const started = Date.now();
    try {
      await run();
      console.log(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failures++;
      console.log(`  ✗ ${name}\n${error instanceof Error ? error.message : error}`);
    } finally {
      await Promise.all(running.splice(0).map((instance) => stopInstance(instance, 'SIGKILL')));
    }
  }
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  process.exit(failures === 0 ? 0 : 1);
}

void main();
