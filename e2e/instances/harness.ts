// Real `next start` processes for the multi-instance tests and benchmark: start, wait, stop, kill,
// prepare purchases in the app's own database, and press Pay through the app's server action.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { loadCheckout, startCheckout } from '@/lib/agent/checkout/service';
import { BUYER_COOKIE, newBuyerId, signBuyerCookie } from '@/lib/buyer/identity';
import { openDatabase, type Database, type DatabaseTarget } from '@/lib/db/client';
import { openPurchaseWorld, stockPlan } from '@/lib/testing/purchase-world';

export { ensureBuild } from '@/bench/production';

/** Every process of a run signs cookies and derives seller keys alike. */
export const SECRET = 'aisle-instances-secret-0123456789abcdef0123';
process.env.AISLE_SECRET = SECRET;

// npm runs scripts from the project's folder.
const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');

export interface Instance {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  log(): string;
  exited: Promise<number | null>;
}

export type Store = { dataDir: string } | { databaseUrl: string };

/**
 * `next start` on `port`. All instances share the public origin `publicOrigin` (where a load balancer
 * would be; nothing needs to listen there) and reach themselves on their own port.
 */
export function startInstance(name: string, port: number, store: Store, publicOrigin: string): Instance {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    AISLE_ORIGIN: publicOrigin,
    AISLE_SECRET: SECRET,
  };
  delete env.DATABASE_URL;
  delete env.AISLE_DATA_DIR;
  delete env.AISLE_INTERNAL_ORIGIN;
  if ('dataDir' in store) env.AISLE_DATA_DIR = store.dataDir;
  else env.DATABASE_URL = store.databaseUrl;
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, port, url: `http://127.0.0.1:${port}`, child, log: () => output, exited };
}

export async function health(instance: Instance): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${instance.url}/api/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once /api/health says ready; rejects if the process exits or the time runs out. */
export async function waitReady(instance: Instance, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void instance.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new Error(`${instance.name} exited with ${exitCode}\n${instance.log()}`);
    try {
      if ((await health(instance)).body.ready) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`${instance.name} was not ready within ${timeoutMs / 1000} s\n${instance.log()}`);
}

/** SIGTERM (a clean stop) or SIGKILL, and waits for the exit. */
export async function stopInstance(instance: Instance, signal: NodeJS.Signals = 'SIGTERM') {
  if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill(signal);
  return instance.exited;
}

/** A new PostgreSQL database beside TEST_DATABASE_URL; `drop` removes it. */
export async function freshPostgres(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `aisle_instances_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export interface PreparedPurchase {
  buyerId: string;
  cookie: string;
  checkoutId: string;
  /** The quote the checkout card shows; Pay buys exactly that. */
  quote: string;
  paymentMethodId: string;
}

/**
 * Buyers with a saved card and an open checkout each, made in the app's own database with the app's
 * own code before the servers start (the sellers answer in-process). What the test then does over
 * HTTP is the buyer's click: Pay.
 */
export async function preparePurchases(target: DatabaseTarget, count: number): Promise<PreparedPurchase[]> {
  const world = await openPurchaseWorld(await openDatabase(target));
  try {
    const nextItem = await stockPlan(world);
    const prepared: PreparedPurchase[] = [];
    for (let i = 0; i < count; i++) {
      const buyerId = newBuyerId();
      const paymentMethodId = await world.addCard(buyerId, 'pm_card_visa');
      const item = nextItem();
      const output = await startCheckout(world.deps(buyerId), {
        items: [{ productId: item.productId, variantId: item.variantId, quantity: 1 }],
      });
      const started = output.checkouts[0];
      if (!started) throw new Error(output.error ?? 'no checkout');
      const checkout = await loadCheckout(world.deps(buyerId), started.id);
      if (!checkout) throw new Error(`checkout ${started.id} is gone`);
      prepared.push({
        buyerId,
        cookie: `${BUYER_COOKIE}=${signBuyerCookie(SECRET, buyerId)}`,
        checkoutId: checkout.id,
        quote: checkout.quote,
        paymentMethodId,
      });
    }
    return prepared;
  } finally {
    await world.close();
  }
}

let payActionId: string | undefined;
/** The id Next gave the Pay server action in this build. */
function payAction(): string {
  if (payActionId) return payActionId;
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, '.next/server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { filename: string; exportedName: string }> };
  const found = Object.entries(manifest.node).find(
    ([, action]) =>
      action.filename === 'app/actions/checkout.ts' && action.exportedName === 'payCheckoutAction',
  );
  if (!found) throw new Error('payCheckoutAction is not in the build');
  payActionId = found[0];
  return payActionId;
}

/** Presses Pay as the browser does (a server action POST with the buyer's cookie); the action's answer. */
export async function pay(instance: Instance, purchase: PreparedPurchase): Promise<{ status: string }> {
  const response = await fetch(`${instance.url}/`, {
    method: 'POST',
    headers: {
      'Next-Action': payAction(),
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Cookie: purchase.cookie,
    },
    body: JSON.stringify([
      {
        checkoutId: purchase.checkoutId,
        quote: purchase.quote,
        paymentMethodId: purchase.paymentMethodId,
      },
    ]),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Pay answered HTTP ${response.status}: ${text.slice(0, 200)}`);
  // The answer is React's flight format: one `<row>:<json>` per line; the action's value has a status.
  for (const line of text.split('\n')) {
    const json = line.slice(line.indexOf(':') + 1);
    if (!json.startsWith('{')) continue;
    const value = JSON.parse(json) as { status?: unknown };
    if (typeof value.status === 'string') return value as { status: string };
  }
  throw new Error(`Pay answered without a status: ${text.slice(0, 200)}`);
}

export interface Ledger {
  /** Checkouts among `checkoutIds` with an order recorded by the agent. */
  agentOrders: Set<string>;
  sellerOrders: number;
  /** Succeeded PaymentIntents across the sellers' emulator accounts: one per charge. */
  charges: number;
  orderWebhooks: { queued: number; delivered: number; received: number };
}

/** What the database holds after a run. */
export async function readLedger(database: Database, checkoutIds: string[]): Promise<Ledger> {
  const { db } = database;
  const orders = await db.execute<{ checkout_id: string }>(
    sql`select checkout_id from agent_orders where checkout_id in ${checkoutIds.length ? sql`(${sql.join(checkoutIds, sql`, `)})` : sql`('')`}`,
  );
  const count = async (query: ReturnType<typeof sql>) =>
    Number((await db.execute<{ n: string }>(query)).rows[0].n);
  return {
    agentOrders: new Set(orders.rows.map((r) => r.checkout_id)),
    sellerOrders: await count(sql`select count(*) as n from seller_orders`),
    charges: await count(
      sql`select count(*) as n from stripe_objects where object = 'payment_intent' and data->>'status' = 'succeeded'`,
    ),
    orderWebhooks: {
      queued: await count(sql`select count(*) as n from outbox where topic like 'order_%'`),
      delivered: await count(
        sql`select count(*) as n from outbox where topic like 'order_%' and delivered_at is not null`,
      ),
      received: await count(sql`select count(*) as n from agent_webhook_receipts`),
    },
  };
}
