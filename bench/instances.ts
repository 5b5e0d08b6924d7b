// 200 buyers press Pay at the same moment, over HTTP against `next start` on PostgreSQL: once with one
// instance, once spread over two. Each Pay is the whole purchase (SPT minted, ACP complete at the
// seller, PaymentIntent, order). Needs PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432); ports 3270-3272.
import { openDatabase } from '@/lib/db/client';
import {
  ensureBuild,
  freshPostgres,
  pay,
  preparePurchases,
  readLedger,
  startInstance,
  stopInstance,
  waitReady,
  type Instance,
} from '@/e2e/instances/harness';
import { ms, percentile } from './stats';
import type { BenchRow } from './types';

const PURCHASES = 200;
const WARMUP = 6;
const POSTGRES = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Run {
  perSecond: number;
  p50: number;
  p95: number;
  errors: number;
  charges: number;
  orders: number;
}

async function measure(ports: number[]): Promise<Run> {
  const database = await freshPostgres(POSTGRES);
  const instances: Instance[] = [];
  try {
    const purchases = await preparePurchases({ mode: 'postgres', url: database.url }, PURCHASES + WARMUP);
    for (const port of ports)
      instances.push(startInstance(`:${port}`, port, { databaseUrl: database.url }, 'http://localhost:3270'));
    await Promise.all(instances.map((instance) => waitReady(instance)));
    // A few purchases on each instance first, so no timed one pays for compiling a route.
    for (const [i, purchase] of purchases.slice(0, WARMUP).entries())
      await pay(instances[i % instances.length], purchase);

    const timed = purchases.slice(WARMUP);
    const latencies: number[] = [];
    const started = performance.now();
    const answers = await Promise.all(
      timed.map(async (purchase, i) => {
        const start = performance.now();
        const answer = await pay(instances[i % instances.length], purchase).catch(() => ({
          status: 'error',
        }));
        latencies.push(performance.now() - start);
        return answer.status;
      }),
    );
    const wall = performance.now() - started;

    const db = await openDatabase({ mode: 'postgres', url: database.url });
    try {
      const ledger = await readLedger(
        db,
        timed.map((p) => p.checkoutId),
      );
      return {
        perSecond: (timed.length / wall) * 1000,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        errors: answers.filter((status) => status !== 'succeeded').length,
        charges: ledger.charges - WARMUP,
        orders: ledger.agentOrders.size,
      };
    } finally {
      await db.close();
    }
  } finally {
    await Promise.all(instances.map((instance) => stopInstance(instance)));
    await database.drop();
  }
}

const describe = (run: Run) =>
  `${run.perSecond.toFixed(1)} purchases/s, p50 ${ms(run.p50)}, p95 ${ms(run.p95)}; ${run.errors} errors, ${run.charges} charges, ${run.orders} orders`;
const exact = (run: Run) => run.errors === 0 && run.charges === PURCHASES && run.orders === PURCHASES;

export async function runInstancesBench(): Promise<BenchRow[]> {
  ensureBuild();
  const one = await measure([3271]);
  const two = await measure([3271, 3272]);
  const ratio = two.perSecond / one.perSecond;
  return [
    {
      name: `${PURCHASES} concurrent purchases, 1 instance (PostgreSQL)`,
      target: '0 errors, exactly 200 charges and orders',
      result: describe(one),
      ok: exact(one),
    },
    {
      name: `${PURCHASES} concurrent purchases over 2 instances (PostgreSQL)`,
      target: '0 errors, exactly 200 charges and orders',
      result: describe(two),
      ok: exact(two),
    },
    {
      name: 'scale-out: 2 instances / 1 instance, purchases per second',
      target: 'report (≥ 1.6× hoped for; 2 cores shared with PostgreSQL)',
      result: `${ratio.toFixed(2)}×`,
      ok: true,
    },
  ];
}
