import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getOrderByCheckout } from '@/lib/agent/orders/store';
import type { Db } from '@/lib/db/client';
import { agentCheckouts, agentPaymentAttempts, sellerStock } from '@/lib/db/schema';
import { testEngines } from '@/lib/db/testing';
import type { CompletionStep } from '@/lib/seller/context';
import { recoverSellerSessions } from '@/lib/seller/recovery';
import { openPurchaseWorld, type PurchaseWorld } from '@/lib/testing/purchase-world';
import { payCheckout, type PayStep } from '@/lib/agent/checkout/pay';
import { reconcilePurchases } from '@/lib/agent/checkout/reconcile';
import { loadCheckout, startCheckout } from '@/lib/agent/checkout/service';

/**
 * Kills are simulated in-process: a crash hook between two steps of the Pay path (the agent's
 * `PayDeps.interrupt`, the seller's `SellerDeps.interrupt`) never returns, so nothing after it runs
 * — no answer, no cleanup, no finally — as when the process dies there. The "restart" is what a new
 * process does over the same database: the reconcilers run with a clock past the staleness bounds
 * (agent 5 s, seller 3 s; in the app they tick every second, so a restart settles within ~6 s).
 */
const dead = () => new Promise<never>(() => {});

describe.each(testEngines())('a purchase killed half way finishes once or is undone (%s)', (engine) => {
  let world: PurchaseWorld;
  let sellerDiesAt: CompletionStep | null = null;
  let died: () => void = () => {};

  beforeAll(async () => {
    world = await openPurchaseWorld(engine, {
      sellerInterrupt: async (step) => {
        if (step !== sellerDiesAt) return;
        sellerDiesAt = null;
        died();
        await dead();
      },
    });
  });
  afterAll(() => world?.close());

  async function cardFor(buyerId: string, variant: { productId: string; variantId: string }) {
    const started = await startCheckout(world.deps(buyerId), {
      items: [{ productId: variant.productId, variantId: variant.variantId, quantity: 1 }],
    });
    return (await loadCheckout(world.deps(buyerId), started.checkouts[0].id))!;
  }

  /** A buyer presses Pay and the process dies at `step`. */
  async function killedAt(step: PayStep | CompletionStep) {
    const { buyerId, card } = await world.buyer();
    const item = await world.findItem('summit-outfitters', 'tent', 3);
    const shown = await cardFor(buyerId, item);
    const reached = new Promise<void>((resolve) => (died = resolve));
    const agentDiesAt = step as PayStep;
    if (step === 'after_stock_hold' || step === 'after_charge') sellerDiesAt = step;
    void payCheckout({
      ...world.deps(buyerId, {
        interrupt: async (at) => {
          if (at !== agentDiesAt) return;
          died();
          await dead();
        },
      }),
      checkoutId: shown.id,
      quote: shown.quote,
      paymentMethodId: card,
    });
    await reached;
    return { buyerId, card, item, shown };
  }

  /** A new process over the same database: the sellers' reconciler, then the agent's. */
  async function restart() {
    const later = new Date(Date.now() + 10_000);
    await recoverSellerSessions({ db: world.db, fetch: world.fetch, now: () => later });
    const { buyerId: _, ...deps } = world.deps('reconciler');
    await reconcilePurchases({ ...deps, now: () => later });
  }

  async function charges(checkoutId: string) {
    const [row] = await world.db.select().from(agentCheckouts).where(eq(agentCheckouts.id, checkoutId));
    const seller = await world.sellerStripe('summit-outfitters');
    const intents = await seller.paymentIntents.list({ limit: 100 });
    return intents.data.filter(
      (pi) => pi.metadata?.checkout_session_id === row.sellerSessionId && pi.status === 'succeeded',
    ).length;
  }

  async function available(variantId: string) {
    const [row] = await world.db
      .select()
      .from(sellerStock)
      .where(eq(sellerStock.variantId, variantId.split(':').pop()!));
    return row.available;
  }

  async function attemptStatuses(checkoutId: string) {
    const rows = await world.db
      .select()
      .from(agentPaymentAttempts)
      .where(eq(agentPaymentAttempts.checkoutId, checkoutId));
    return rows.map((r) => r.status);
  }

  it.each(['after_stock_hold', 'after_charge', 'before_order'] as const)(
    'killed %s (the complete reached the seller): after a restart, one charge and one order, no second click',
    async (step) => {
      const { buyerId, item, shown } = await killedAt(step);
      const stockBefore = await available(item.variantId);
      await restart();
      const card = (await loadCheckout(world.deps(buyerId), shown.id))!;
      expect(card.agentStatus).toBe('completed');
      expect(await getOrderByCheckout(world.db, buyerId, shown.id)).toMatchObject({ checkoutId: shown.id });
      expect(await charges(shown.id)).toBe(1);
      expect(await attemptStatuses(shown.id)).toEqual(['succeeded']);
      // The held unit was taken by the order: stock moved once, at the hold.
      expect(await available(item.variantId)).toBe(stockBefore);
    },
  );

  it.each(['before_spt', 'after_spt'] as const)(
    'killed %s (nothing reached the seller): after a restart, undone — no charge, token revoked, Pay works again',
    async (step) => {
      const { buyerId, card, shown, item } = await killedAt(step);
      const stockBefore = await available(item.variantId);
      await restart();
      expect(await charges(shown.id)).toBe(0);
      const [attempt] = await world.db
        .select()
        .from(agentPaymentAttempts)
        .where(eq(agentPaymentAttempts.checkoutId, shown.id));
      expect(attempt).toMatchObject({ status: 'failed', errorCode: 'interrupted' });
      if (attempt.sptId) {
        const agent = await world.stripe.stripeFor('agent');
        expect(await agent.sharedPayment.issuedTokens.retrieve(attempt.sptId)).toMatchObject({
          status: 'deactivated',
          deactivated_reason: 'revoked',
        });
      }
      expect(await available(item.variantId)).toBe(stockBefore);
      const again = (await loadCheckout(world.deps(buyerId), shown.id))!;
      expect(again.agentStatus).toBe('open');
      const paid = await payCheckout({
        ...world.deps(buyerId),
        checkoutId: shown.id,
        quote: again.quote,
        paymentMethodId: card,
      });
      expect(paid.status).toBe('succeeded');
      expect(await charges(shown.id)).toBe(1);
    },
  );

  it('buying the same item again while the first purchase is still being finished does not charge twice', async () => {
    const { buyerId, card, item, shown } = await killedAt('after_charge');
    const second = await cardFor(buyerId, item);
    const meanwhile = await payCheckout({
      ...world.deps(buyerId),
      checkoutId: second.id,
      quote: second.quote,
      paymentMethodId: card,
    });
    expect(meanwhile).toMatchObject({ status: 'failed', code: 'unfinished_purchase', retryable: true });
    expect(await charges(second.id)).toBe(0);
    await restart();
    expect(await charges(shown.id)).toBe(1);
    expect((await loadCheckout(world.deps(buyerId), shown.id))!.agentStatus).toBe('completed');
    expect(await attemptStatuses(second.id)).toEqual([]);
  });
});

describe.each(testEngines())('the database failing during concurrent Pays (%s)', (engine) => {
  let world: PurchaseWorld;
  beforeAll(async () => {
    world = await openPurchaseWorld(engine);
    // Pay logs each failed query; the answers are what this test reads.
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await world?.close();
  });

  /**
   * The agent's database as seen during a restart: from its `from`-th query to its `to`-th, every
   * query fails as a dropped connection does. Counting queries, not milliseconds, keeps the run the
   * same every time.
   */
  function restartingDb(db: Db, from: number, to: number): Db {
    let calls = 0;
    const entry = new Set(['select', 'insert', 'update', 'delete', 'transaction', 'execute']);
    return new Proxy(db, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof property !== 'string' || !entry.has(property)) return value;
        return (...args: unknown[]) => {
          calls++;
          if (calls >= from && calls < to) throw new Error('Connection terminated unexpectedly');
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }

  it('answers every Pay (no 500), and every "nothing was charged" is true, after the restart too', async () => {
    const item = await world.findItem('summit-outfitters', 'hiking boots', 25);
    const shoppers = [];
    for (let i = 0; i < 20; i++) {
      const { buyerId, card } = await world.buyer();
      const started = await startCheckout(world.deps(buyerId), {
        items: [{ productId: item.productId, variantId: item.variantId, quantity: 1 }],
      });
      const shown = (await loadCheckout(world.deps(buyerId), started.checkouts[0].id))!;
      shoppers.push({ buyerId, card, shown });
    }
    const db = restartingDb(world.db, 100, 130);
    const results = await Promise.all(
      shoppers.map(({ buyerId, card, shown }) =>
        payCheckout({
          ...world.deps(buyerId),
          db,
          checkoutId: shown.id,
          quote: shown.quote,
          paymentMethodId: card,
        }),
      ),
    );
    const nothingCharged = shoppers.filter((_, i) => {
      const r = results[i];
      return r.status === 'failed' && r.code === 'unavailable';
    });
    // The outage hits Pays before and after their complete went out: both kinds of answer occur.
    expect(nothingCharged.length).toBeGreaterThan(0);
    expect(results.some((r) => r.status === 'in_progress')).toBe(true);
    for (const r of results)
      expect(['succeeded', 'in_progress', 'unavailable']).toContain(
        r.status === 'failed' ? r.code : r.status,
      );

    const seller = await world.sellerStripe('summit-outfitters');
    const chargedSessions = async () =>
      new Set(
        (await seller.paymentIntents.list({ limit: 100 })).data
          .filter((pi) => pi.status === 'succeeded')
          .map((pi) => pi.metadata?.checkout_session_id),
      );
    const sessionOf = async (checkoutId: string) =>
      (await world.db.select().from(agentCheckouts).where(eq(agentCheckouts.id, checkoutId)))[0]
        .sellerSessionId ?? '';

    const later = new Date(Date.now() + 10_000);
    await recoverSellerSessions({ db: world.db, fetch: world.fetch, now: () => later });
    const { buyerId: _, ...deps } = world.deps('reconciler');
    await reconcilePurchases({ ...deps, now: () => later });

    const charged = await chargedSessions();
    for (const { shown } of nothingCharged) expect(charged.has(await sessionOf(shown.id))).toBe(false);
    // Every purchase ends settled: charged with its order, or not charged at all.
    for (const [i, { buyerId, shown }] of shoppers.entries()) {
      const order = await getOrderByCheckout(world.db, buyerId, shown.id);
      expect(charged.has(await sessionOf(shown.id))).toBe(order !== null);
      // "Finishing your purchase…" ends in the order, without a second click.
      if (results[i].status !== 'failed') expect(order).not.toBeNull();
      const statuses = await world.db
        .select()
        .from(agentPaymentAttempts)
        .where(eq(agentPaymentAttempts.checkoutId, shown.id));
      for (const a of statuses) expect(['succeeded', 'failed', 'declined']).toContain(a.status);
    }
  });
});
