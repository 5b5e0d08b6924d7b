import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelOrder } from '@/lib/agent/orders/cancel';
import { getOrder, listOrders } from '@/lib/agent/orders/store';
import { getPurchaseTimeline } from '@/lib/agent/orders/timeline';
import { getOrdersForTool } from '@/lib/agent/orders/tool';
import { markOrderDelivered, markOrderShipped } from '@/lib/seller/orders/actions';
import { payCheckout } from '@/lib/agent/checkout/pay';
import {
  changeCheckout,
  loadCheckout,
  startCheckout,
  updateCheckout,
  type CheckoutDeps,
} from '@/lib/agent/checkout/service';

/** The quote on the buyer's checkout card, which Pay sends back. */
const shownQuote = async (deps: CheckoutDeps, checkoutId: string) =>
  (await loadCheckout(deps, checkoutId))!.quote;
import { openPurchaseWorld, type PurchaseWorld } from './purchase-world';

/**
 * The whole purchase against the real demo sellers and the Stripe emulator, in process: the
 * agent prepares over ACP, the buyer's Pay mints the SPT, the seller charges it, and the order
 * then follows the seller's signed webhooks.
 */
describe('a purchase from the demo sellers, end to end in process', () => {
  let world: PurchaseWorld;
  beforeAll(async () => {
    world = await openPurchaseWorld();
  });
  afterAll(() => world?.close());

  async function boughtOrder(
    buyerId: string,
    sellerId: 'summit-outfitters' | 'volt-audio' | 'kissa-tokyo',
    query: string,
  ) {
    const item = await world.findItem(sellerId, query, 3);
    const prepared = await startCheckout(world.deps(buyerId), {
      items: [{ productId: item.productId, variantId: item.variantId, quantity: 1 }],
    });
    expect(prepared.error).toBeUndefined();
    const [checkout] = prepared.checkouts;
    expect(checkout.status).toBe('ready_for_payment');
    const paid = await payCheckout({
      ...world.deps(buyerId),
      checkoutId: checkout.id,
      quote: await shownQuote(world.deps(buyerId), checkout.id),
    });
    if (paid.status !== 'succeeded') throw new Error(`Pay did not succeed: ${JSON.stringify(paid)}`);
    return { checkout, order: paid.order };
  }

  it('buys boots: the seller prices them, Pay charges the total once, and the order follows the seller’s webhooks', async () => {
    const { buyerId } = await world.buyer();
    const boots = await world.findItem('summit-outfitters', 'waterproof hiking boots');
    const prepared = await startCheckout(world.deps(buyerId), {
      items: [{ productId: boots.productId, variantId: boots.variantId, quantity: 1 }],
    });
    const [checkout] = prepared.checkouts;
    expect(checkout).toMatchObject({
      sellerId: 'summit-outfitters',
      status: 'ready_for_payment',
      total: { currency: 'usd' },
    });
    expect(checkout.lineItems[0]).toMatchObject({ variantId: boots.variantId, quantity: 1 });

    const express = await changeCheckout(world.deps(buyerId), checkout.id, { shippingOptionId: 'express' });
    if (!express.ok) throw new Error(express.message);
    expect(express.checkout.selectedShippingOptionId).toBe('express');
    const two = await updateCheckout(world.deps(buyerId), {
      checkoutId: checkout.id,
      items: [{ productId: boots.productId, variantId: boots.variantId, quantity: 2 }],
    });
    const view = two.checkouts[0];
    expect(view.lineItems[0].quantity).toBe(2);
    expect(view.total!.amount).toBeGreaterThan(checkout.total!.amount);

    const paid = await payCheckout({
      ...world.deps(buyerId),
      checkoutId: checkout.id,
      quote: await shownQuote(world.deps(buyerId), view.id),
    });
    if (paid.status !== 'succeeded') throw new Error(JSON.stringify(paid));
    expect(paid.order).toMatchObject({ sellerId: 'summit-outfitters', total: view.total, cancelable: true });
    expect(paid.order.estimatedDelivery).toBeDefined();

    const seller = await world.sellerStripe('summit-outfitters');
    const intents = (await seller.paymentIntents.list({ limit: 100 })).data.filter(
      (pi) => pi.amount === view.total!.amount && pi.status === 'succeeded',
    );
    expect(intents).toHaveLength(1);

    const timeline = await getPurchaseTimeline(
      { db: world.db, stripe: () => world.stripe.stripeFor('agent') },
      buyerId,
      paid.order.id,
    );
    expect(timeline!.token).toMatchObject({
      maxAmount: view.total,
      status: 'deactivated',
      deactivatedReason: 'consumed',
      amountUsed: { amount: view.total!.amount },
    });
    expect(timeline!.preparation.map((e) => e.operation)).toEqual([
      'create_session',
      'update_session',
      'update_session',
    ]);
    // The seller discloses its PaymentIntent, so the demo timeline shows the charge Stripe made.
    expect(timeline!.paymentIntent).toEqual({
      id: intents[0].id,
      status: 'succeeded',
      amount: view.total!.amount,
      currency: 'usd',
    });

    // The seller's order_create webhook arrives: same order, verified and recorded once.
    expect(await world.deliver()).toBeGreaterThan(0);
    expect(await listOrders(world.db, buyerId)).toHaveLength(1);

    const shipped = await markOrderShipped(
      { db: world.db, fetch: world.fetch },
      'summit-outfitters',
      paid.order.sellerOrderId,
    );
    expect(shipped.ok).toBe(true);
    await world.deliver();
    const afterShip = await getOrder(world.db, buyerId, paid.order.id);
    expect(afterShip).toMatchObject({ status: 'shipped', cancelable: false });
    expect(afterShip!.tracking?.number).toBeTruthy();
    expect((await getOrdersForTool({ db: world.db, buyerId }, {})).orders[0]).toMatchObject({
      id: paid.order.id,
      status: 'shipped',
    });

    await markOrderDelivered(
      { db: world.db, fetch: world.fetch },
      'summit-outfitters',
      paid.order.sellerOrderId,
    );
    await world.deliver();
    const delivered = await getOrder(world.db, buyerId, paid.order.id);
    expect(delivered!.timeline.map((e) => e.status)).toEqual(
      expect.arrayContaining(['created', 'shipped', 'delivered']),
    );
    expect(['delivered', 'completed']).toContain(delivered!.status);
  });

  it('cancels an order that has not shipped: the seller refunds it in full', async () => {
    const { buyerId } = await world.buyer();
    const { order } = await boughtOrder(buyerId, 'volt-audio', 'headphones');
    const canceled = await cancelOrder(
      { db: world.db, buyerId, fetch: world.fetch, sleep: async () => {} },
      order.id,
    );
    if (!canceled.ok) throw new Error(canceled.message);
    await world.deliver();
    const after = await getOrder(world.db, buyerId, order.id);
    expect(after).toMatchObject({ status: 'refunded', refunded: order.total, cancelable: false });
    expect(after!.timeline.map((e) => e.status)).toEqual(expect.arrayContaining(['created', 'refunded']));
    const seller = await world.sellerStripe('volt-audio');
    const refunds = (await seller.refunds.list({ limit: 100 })).data.filter(
      (r) => r.amount === order.total.amount,
    );
    expect(refunds.length).toBeGreaterThanOrEqual(1);
  });

  it('buys coffee from the Japanese seller in yen, with a Tokyo test address', async () => {
    const { buyerId } = await world.buyer();
    const beans = await world.findItem('kissa-tokyo', 'coffee beans');
    const prepared = await startCheckout(world.deps(buyerId), {
      items: [{ productId: beans.productId, variantId: beans.variantId, quantity: 2 }],
    });
    const [checkout] = prepared.checkouts;
    expect(checkout.total!.currency).toBe('jpy');
    const paid = await payCheckout({
      ...world.deps(buyerId),
      checkoutId: checkout.id,
      quote: await shownQuote(world.deps(buyerId), checkout.id),
    });
    if (paid.status !== 'succeeded') throw new Error(JSON.stringify(paid));
    expect(paid.order.total).toEqual(checkout.total);
    const timeline = await getPurchaseTimeline(
      { db: world.db, stripe: () => world.stripe.stripeFor('agent') },
      buyerId,
      paid.order.id,
    );
    expect(timeline!.token!.maxAmount).toEqual({ amount: checkout.total!.amount, currency: 'jpy' });
    const seller = await world.sellerStripe('kissa-tokyo');
    const intent = (await seller.paymentIntents.list({ limit: 100 })).data.find(
      (pi) => pi.currency === 'jpy' && pi.amount === checkout.total!.amount,
    );
    expect(intent?.status).toBe('succeeded');
  });

  it('a basket from two sellers becomes two checkouts, each paid on its own', async () => {
    const { buyerId } = await world.buyer();
    const tent = await world.findItem('summit-outfitters', 'tent', 3);
    const speaker = await world.findItem('volt-audio', 'speaker', 3);
    const prepared = await startCheckout(world.deps(buyerId), {
      items: [
        { productId: tent.productId, variantId: tent.variantId, quantity: 1 },
        { productId: speaker.productId, variantId: speaker.variantId, quantity: 1 },
      ],
    });
    expect(prepared.checkouts.map((c) => c.sellerId).sort()).toEqual(['summit-outfitters', 'volt-audio']);
    for (const checkout of prepared.checkouts) {
      expect(
        (
          await payCheckout({
            ...world.deps(buyerId),
            checkoutId: checkout.id,
            quote: await shownQuote(world.deps(buyerId), checkout.id),
          })
        ).status,
      ).toBe('succeeded');
    }
    expect(await listOrders(world.db, buyerId)).toHaveLength(2);
  });

  it('the last unit bought by another buyer meanwhile: the seller says it is out of stock, and nothing is charged', async () => {
    const first = await world.buyer();
    const second = await world.buyer();
    // The catalog keeps exactly one Featherline tent in stock for this story.
    const item = { productId: 'summit-outfitters:featherline-1p-tent', variantId: 'featherline-1p-tent' };
    const mine = (
      await startCheckout(world.deps(first.buyerId), {
        items: [{ productId: item.productId, variantId: item.variantId, quantity: 1 }],
      })
    ).checkouts[0];
    const theirs = (
      await startCheckout(world.deps(second.buyerId), {
        items: [{ productId: item.productId, variantId: item.variantId, quantity: 1 }],
      })
    ).checkouts[0];
    expect(
      (
        await payCheckout({
          ...world.deps(second.buyerId),
          checkoutId: theirs.id,
          quote: await shownQuote(world.deps(second.buyerId), theirs.id),
        })
      ).status,
    ).toBe('succeeded');
    const result = await payCheckout({
      ...world.deps(first.buyerId),
      checkoutId: mine.id,
      quote: await shownQuote(world.deps(first.buyerId), mine.id),
    });
    expect(result).toMatchObject({ status: 'failed', code: 'not_ready' });
    if (result.status === 'failed')
      expect(result.checkout?.messages.map((m) => m.code)).toContain('out_of_stock');
    expect(await listOrders(world.db, first.buyerId)).toEqual([]);
  });
});
