import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentSeller } from '@/lib/agent/sellers';
import type { ProductDetail } from '@/lib/agent/tools/schemas';
import { ensureStripeCustomer } from '@/lib/agent/wallet/wallet';
import type { Database } from '@/lib/db/client';
import { agentCheckouts, agentPaymentAttempts } from '@/lib/db/schema';
import { openTestDatabase } from '@/lib/db/testing';
import { emulatorTestKit, type EmulatorTestKit } from '@/lib/stripe/emulator/testing';
import { createStripeFactory, type StripeFactory } from '@/lib/stripe/client';
import { cancelOrder } from '@/lib/agent/orders/cancel';
import { getOrder } from '@/lib/agent/orders/store';
import { getPurchaseTimeline } from '@/lib/agent/orders/timeline';
import { SPT_LIFETIME_SECONDS } from './spt';
import { payCheckout, type PayDeps } from './pay';
import { changeCheckout, loadCheckout, startCheckout, updateCheckout } from './service';
import { createFakeSeller, type FakeSeller } from './testing/fake-seller';

const SELLER = 'summit-outfitters';

function product(id: string): ProductDetail {
  return {
    id: `${SELLER}:${id}`,
    sellerId: SELLER,
    sellerName: 'Summit Outfitters',
    title: id,
    category: 'boots',
    image: '/x.svg',
    price: { amount: 2500, currency: 'usd' },
    availability: 'in_stock',
    colors: [],
    sizes: [],
    shortDescription: '',
    description: '',
    images: [],
    attributes: {},
    variants: [
      {
        id: `${id}-v`,
        title: 'One',
        options: {},
        price: { amount: 2500, currency: 'usd' },
        availability: 'in_stock',
        stock: 5,
      },
    ],
  };
}

describe('Pay: an SPT minted by the buyer’s click, completed over ACP', () => {
  let database: Database;
  let kit: EmulatorTestKit;
  let factory: StripeFactory;
  let seller: FakeSeller;
  let sellers: AgentSeller[];
  let n = 0;

  beforeAll(async () => {
    database = await openTestDatabase();
    kit = await emulatorTestKit(database.db);
    factory = createStripeFactory({ stripe: { mode: 'emulator' }, db: database.db });
    seller = createFakeSeller({
      id: SELLER,
      stripe: kit.sellers[SELLER],
      networkBusinessProfile: kit.keys[SELLER].networkBusinessProfile,
    });
    sellers = [
      {
        id: SELLER,
        name: 'Summit Outfitters',
        baseUrl: seller.baseUrl,
        apiKey: 'acp_key_test',
        webhookSecret: 'whsec_x',
        demo: true,
        country: 'US',
      },
    ];
  });
  afterAll(() => database?.close());

  const deps = (buyerId: string, extra: Partial<PayDeps> = {}): PayDeps => ({
    db: database.db,
    buyerId,
    fetch: seller.fetch,
    sellers,
    stripeFactory: factory,
    lookupProduct: async (_db, id) => product(id.split(':')[1] ?? id),
    sleep: async () => {},
    ...extra,
  });

  async function buyerWithCard(testPm = 'pm_card_visa') {
    const buyerId = `buyer_${++n}`;
    const customer = await ensureStripeCustomer(
      { db: database.db, stripe: () => factory.stripeFor('agent'), mode: 'emulator' },
      buyerId,
    );
    const pm = await kit.agent.paymentMethods.attach(testPm, { customer });
    return { buyerId, pm: pm.id };
  }

  async function addCard(buyerId: string, testPm: string) {
    const customer = await ensureStripeCustomer(
      { db: database.db, stripe: () => factory.stripeFor('agent'), mode: 'emulator' },
      buyerId,
    );
    return (await kit.agent.paymentMethods.attach(testPm, { customer })).id;
  }

  async function checkoutFor(buyerId: string, item = `item${++n}`) {
    const output = await startCheckout(deps(buyerId), {
      items: [{ productId: `${SELLER}:${item}`, quantity: 1 }],
    });
    expect(output.error).toBeUndefined();
    // What the buyer's checkout card shows, quote included.
    return (await loadCheckout(deps(buyerId), output.checkouts[0].id))!;
  }

  async function attempts(checkoutId: string) {
    return database.db
      .select()
      .from(agentPaymentAttempts)
      .where(eq(agentPaymentAttempts.checkoutId, checkoutId));
  }

  it('mints a token for this seller, this total and 15 minutes, completes the session with it, and records the order', async () => {
    const { buyerId, pm } = await buyerWithCard();
    const checkout = await checkoutFor(buyerId);
    const before = Math.floor(Date.now() / 1000);
    const result = await payCheckout({
      ...deps(buyerId),
      checkoutId: checkout.id,
      quote: checkout.quote,
    });
    expect(result.status).toBe('succeeded');
    if (result.status !== 'succeeded') return;
    expect(result.order).toMatchObject({ status: 'created', total: checkout.total, checkoutId: checkout.id });

    const [attempt] = await attempts(checkout.id);
    expect(attempt).toMatchObject({
      status: 'succeeded',
      paymentMethodId: pm,
      cardBrand: 'visa',
      cardLast4: '4242',
      amount: checkout.total!.amount,
    });
    const token = await kit.agent.sharedPayment.issuedTokens.retrieve(attempt.sptId!);
    expect(token.payment_method).toBe(pm);
    expect(token.seller_details?.network_business_profile).toBe(kit.keys[SELLER].networkBusinessProfile);
    expect(token.usage_limits).toMatchObject({ currency: 'usd', max_amount: checkout.total!.amount });
    expect(token.usage_limits!.expires_at! - before).toBeLessThanOrEqual(SPT_LIFETIME_SECONDS + 2);
    expect(token.shared_metadata).toMatchObject({ agent_checkout_id: checkout.id });
    expect(token).toMatchObject({ status: 'deactivated', deactivated_reason: 'consumed' });

    const timeline = await getPurchaseTimeline(
      { db: database.db, stripe: () => factory.stripeFor('agent') },
      buyerId,
      result.order.id,
    );
    expect(timeline!.token).toMatchObject({
      id: token.id,
      status: 'deactivated',
      deactivatedReason: 'consumed',
      maxAmount: checkout.total,
      live: true,
    });
    expect(timeline!.paymentIntent).toMatchObject({ status: 'succeeded', amount: checkout.total!.amount });
    expect(timeline!.card).toMatchObject({ brand: 'visa', last4: '4242' });
    expect(timeline!.preparation.map((e) => e.operation)).toEqual(['create_session']);
    expect(timeline!.payment.map((e) => e.operation)).toEqual(['get_session', 'complete_session']);
    const complete = timeline!.payment[1];
    expect(complete.requestHeaders.Authorization).not.toContain('acp_key_test');
    expect(JSON.stringify(complete.requestBody)).not.toContain(token.id);
  });

  it('answers "not found" to a second buyer for the first buyer’s checkout, cards and order', async () => {
    const owner = await buyerWithCard();
    const other = await buyerWithCard();
    const checkout = await checkoutFor(owner.buyerId);
    const stranger = deps(other.buyerId);
    expect(await payCheckout({ ...stranger, checkoutId: checkout.id, quote: checkout.quote })).toMatchObject({
      status: 'failed',
      code: 'not_found',
    });
    expect(await loadCheckout(stranger, checkout.id)).toBeNull();
    expect(await changeCheckout(stranger, checkout.id, { shippingOptionId: 'standard' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(
      (await updateCheckout(stranger, { checkoutId: checkout.id, shippingOptionId: 'standard' })).checkouts,
    ).toEqual([]);

    const own = await checkoutFor(other.buyerId);
    expect(
      await payCheckout({
        ...stranger,
        checkoutId: own.id,
        quote: own.quote,
        paymentMethodId: owner.pm,
      }),
    ).toMatchObject({ status: 'failed', code: 'no_payment_method' });

    const paid = await payCheckout({
      ...deps(owner.buyerId),
      checkoutId: checkout.id,
      quote: checkout.quote,
    });
    if (paid.status !== 'succeeded') throw new Error(`expected success, got ${paid.status}`);
    expect(await getOrder(database.db, other.buyerId, paid.order.id)).toBeNull();
    expect(await cancelOrder(stranger, paid.order.id)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await getPurchaseTimeline({ db: database.db }, other.buyerId, paid.order.id)).toBeNull();
  });

  it('refuses a price that is not the one on the buyer’s screen, before any token exists', async () => {
    const { buyerId } = await buyerWithCard();
    const checkout = await checkoutFor(buyerId);
    seller.setPrice(2600);
    const result = await payCheckout({ ...deps(buyerId), checkoutId: checkout.id, quote: checkout.quote });
    seller.setPrice(2500);
    expect(result).toMatchObject({ status: 'failed', code: 'quote_changed', changed: ['items', 'totals'] });
    expect(await attempts(checkout.id)).toEqual([]);
    expect((await loadCheckout(deps(buyerId), checkout.id))?.agentStatus).toBe('open');
  });

  it('a declined card: the token is revoked, the seller’s message shown, and another card pays with a new token', async () => {
    const { buyerId, pm: declinedCard } = await buyerWithCard('pm_card_chargeDeclinedInsufficientFunds');
    const good = await addCard(buyerId, 'pm_card_visa');
    const checkout = await checkoutFor(buyerId);
    const first = await payCheckout({
      ...deps(buyerId),
      checkoutId: checkout.id,
      quote: checkout.quote,
      paymentMethodId: declinedCard,
    });
    expect(first).toMatchObject({ status: 'failed', code: 'payment_declined', retryable: true });
    if (first.status === 'failed') expect(first.sellerMessage).toBeTruthy();
    const [declined] = await attempts(checkout.id);
    expect(declined.status).toBe('declined');
    expect(await kit.agent.sharedPayment.issuedTokens.retrieve(declined.sptId!)).toMatchObject({
      status: 'deactivated',
      deactivated_reason: 'revoked',
    });

    const second = await payCheckout({
      ...deps(buyerId),
      checkoutId: checkout.id,
      quote: checkout.quote,
      paymentMethodId: good,
    });
    if (second.status !== 'succeeded') throw new Error(`expected success, got ${second.status}`);
    const all = await attempts(checkout.id);
    expect(all.map((a) => [a.attempt, a.status])).toEqual([
      [1, 'declined'],
      [2, 'succeeded'],
    ]);
    expect(all[1].sptId).not.toBe(all[0].sptId);
    // "How this purchase worked" shows the declined attempt, with its own token, before the one that bought.
    const timeline = await getPurchaseTimeline(
      { db: database.db, stripe: () => factory.stripeFor('agent') },
      buyerId,
      second.order.id,
    );
    expect(timeline!.earlierAttempts).toMatchObject([
      { attempt: 1, outcome: 'declined', card: { id: declinedCard }, token: { id: all[0].sptId } },
    ]);
    expect(timeline!.token?.id).toBe(all[1].sptId);
  });

  it('a double-clicked Pay charges once: two concurrent calls, one PaymentIntent', async () => {
    const { buyerId } = await buyerWithCard();
    const checkout = await checkoutFor(buyerId);
    const chargesBefore = seller.charges.length;
    const [a, b] = await Promise.all([
      payCheckout({ ...deps(buyerId), checkoutId: checkout.id, quote: checkout.quote }),
      payCheckout({ ...deps(buyerId), checkoutId: checkout.id, quote: checkout.quote }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['in_progress', 'succeeded']);
    expect(seller.charges.length - chargesBefore).toBe(1);
    expect(await attempts(checkout.id)).toHaveLength(1);
    const again = await payCheckout({
      ...deps(buyerId),
      checkoutId: checkout.id,
      quote: checkout.quote,
    });
    expect(again.status).toBe('succeeded');
    expect(seller.charges.length - chargesBefore).toBe(1);
  });

  it('a lost answer from the seller: the retry finishes the same purchase with the same token, charged once', async () => {
    const { buyerId } = await buyerWithCard();
    const checkout = await checkoutFor(buyerId);
    const chargesBefore = seller.charges.length;
    seller.faults.loseNextCompleteAnswer = true;
    const first = await payCheckout({
      ...deps(buyerId, { retries: 0 }),
      checkoutId: checkout.id,
      quote: checkout.quote,
    });
    expect(first).toMatchObject({ status: 'failed', code: 'seller_unreachable', retryable: true });
    expect(seller.charges.length - chargesBefore).toBe(1);

    const retry = await payCheckout({
      ...deps(buyerId),
      checkoutId: checkout.id,
      quote: checkout.quote,
    });
    expect(retry.status).toBe('succeeded');
    expect(seller.charges.length - chargesBefore).toBe(1);
    const all = await attempts(checkout.id);
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('succeeded');
  });

  it('a crash mid-way (the process dies while paying): a retry after the lease takes over and charges once', async () => {
    const { buyerId } = await buyerWithCard();
    const checkout = await checkoutFor(buyerId);
    const chargesBefore = seller.charges.length;
    seller.faults.loseNextCompleteAnswer = true;
    await payCheckout({
      ...deps(buyerId, { retries: 0 }),
      checkoutId: checkout.id,
      quote: checkout.quote,
    });
    // As if the server died before giving the checkout back: still "paying", first recently, then long ago.
    await database.db
      .update(agentCheckouts)
      .set({ status: 'paying', payingSince: new Date() })
      .where(eq(agentCheckouts.id, checkout.id));
    expect(
      (await payCheckout({ ...deps(buyerId), checkoutId: checkout.id, quote: checkout.quote })).status,
    ).toBe('in_progress');
    await database.db
      .update(agentCheckouts)
      .set({ payingSince: new Date(Date.now() - 120_000) })
      .where(eq(agentCheckouts.id, checkout.id));
    expect(
      (await payCheckout({ ...deps(buyerId), checkoutId: checkout.id, quote: checkout.quote })).status,
    ).toBe('succeeded');
    expect(seller.charges.length - chargesBefore).toBe(1);
    expect(await attempts(checkout.id)).toHaveLength(1);
  });

  it('a crash between minting and recording the token: the retry sends Stripe the same request under the same key', async () => {
    const { buyerId } = await buyerWithCard();
    const checkout = await checkoutFor(buyerId);
    // The complete never reaches the seller, so the token is minted but never used …
    const chargesBefore = seller.charges.length;
    const completesBefore = seller.completes;
    const fetchDownOnComplete = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/complete')) throw new TypeError('fetch failed: connection reset');
      return seller.fetch(input, init);
    }) as typeof fetch;
    await payCheckout({
      ...deps(buyerId, { retries: 0, fetch: fetchDownOnComplete }),
      checkoutId: checkout.id,
      quote: checkout.quote,
    });
    const [first] = await attempts(checkout.id);
    expect(first.sptId).toBeTruthy();
    // … and, as if that write had been lost with the process, the agent does not know the token.
    await database.db
      .update(agentPaymentAttempts)
      .set({ sptId: null, status: 'minting' })
      .where(eq(agentPaymentAttempts.checkoutId, checkout.id));
    expect(
      (await payCheckout({ ...deps(buyerId), checkoutId: checkout.id, quote: checkout.quote })).status,
    ).toBe('succeeded');
    const [after] = await attempts(checkout.id);
    expect(after.sptId).toBe(first.sptId);
    expect(seller.completes - completesBefore).toBe(1);
    expect(seller.charges.length - chargesBefore).toBe(1);
  });

  it('a 3DS step that fails: Pay asks again, and another card pays with a new token while the first is revoked', async () => {
    const { buyerId, pm: strict } = await buyerWithCard('pm_card_authenticationRequired');
    const good = await addCard(buyerId, 'pm_card_visa');
    const checkout = await checkoutFor(buyerId);
    const first = await payCheckout({
      ...deps(buyerId),
      checkoutId: checkout.id,
      quote: checkout.quote,
      paymentMethodId: strict,
    });
    if (first.status !== 'requires_action' || first.action.type !== 'authenticate_token')
      throw new Error('expected a token challenge');
    const challenge = JSON.parse(
      Buffer.from(first.action.nextAction!.use_stripe_sdk!.value, 'base64').toString('utf8'),
    );
    await kit.call('POST', challenge.verify_challenge_url, {
      body: new URLSearchParams({
        key: kit.keys.agent.publishableKey,
        client_secret: challenge.client_secret,
        result: 'failed',
      }),
    });
    expect(
      (
        await payCheckout({
          ...deps(buyerId),
          checkoutId: checkout.id,
          quote: checkout.quote,
          paymentMethodId: strict,
        })
      ).status,
    ).toBe('requires_action');
    const other = await payCheckout({
      ...deps(buyerId),
      checkoutId: checkout.id,
      quote: checkout.quote,
      paymentMethodId: good,
    });
    expect(other.status).toBe('succeeded');
    const all = await attempts(checkout.id);
    expect(all.map((a) => [a.paymentMethodId, a.status])).toEqual([
      [strict, 'failed'],
      [good, 'succeeded'],
    ]);
    expect(await kit.agent.sharedPayment.issuedTokens.retrieve(all[0].sptId!)).toMatchObject({
      status: 'deactivated',
      deactivated_reason: 'revoked',
    });
  });

  it('a seller that does not answer: nothing is minted, and Pay works once it is back', async () => {
    const { buyerId } = await buyerWithCard();
    const checkout = await checkoutFor(buyerId);
    seller.faults.down = true;
    const down = await payCheckout({
      ...deps(buyerId),
      checkoutId: checkout.id,
      quote: checkout.quote,
    });
    seller.faults.down = false;
    expect(down).toMatchObject({ status: 'failed', code: 'seller_unreachable' });
    expect(await attempts(checkout.id)).toEqual([]);
    expect(
      (await payCheckout({ ...deps(buyerId), checkoutId: checkout.id, quote: checkout.quote })).status,
    ).toBe('succeeded');
  });

  it('keeps each buyer within the 24-hour spending limit', async () => {
    const { buyerId } = await buyerWithCard();
    const first = await checkoutFor(buyerId);
    const limit = { usd: first.total!.amount + 100 };
    expect(
      (
        await payCheckout({
          ...deps(buyerId, { spendLimits: limit }),
          checkoutId: first.id,
          quote: first.quote,
        })
      ).status,
    ).toBe('succeeded');
    const second = await checkoutFor(buyerId);
    expect(
      await payCheckout({
        ...deps(buyerId, { spendLimits: limit }),
        checkoutId: second.id,
        quote: second.quote,
      }),
    ).toMatchObject({
      status: 'failed',
      code: 'spend_limit_exceeded',
    });
    expect(await attempts(second.id)).toEqual([]);
  });

  it('a card that needs 3D Secure: Pay asks for the challenge, then completes with the same token', async () => {
    const { buyerId } = await buyerWithCard('pm_card_authenticationRequired');
    const checkout = await checkoutFor(buyerId);
    const first = await payCheckout({
      ...deps(buyerId),
      checkoutId: checkout.id,
      quote: checkout.quote,
    });
    expect(first.status).toBe('requires_action');
    if (first.status !== 'requires_action' || first.action.type !== 'authenticate_token')
      throw new Error('expected a token challenge');
    expect((await loadCheckout(deps(buyerId), checkout.id))?.agentStatus).toBe('authentication_required');
    const challenge = JSON.parse(
      Buffer.from(first.action.nextAction!.use_stripe_sdk!.value, 'base64').toString('utf8'),
    );
    const verified = await kit.call('POST', challenge.verify_challenge_url, {
      body: new URLSearchParams({
        key: kit.keys.agent.publishableKey,
        client_secret: challenge.client_secret,
        result: 'succeeded',
      }),
    });
    expect(verified.status).toBe(200);
    const second = await payCheckout({
      ...deps(buyerId),
      checkoutId: checkout.id,
      quote: checkout.quote,
    });
    expect(second.status).toBe('succeeded');
    const all = await attempts(checkout.id);
    expect(all).toHaveLength(1);
    expect(all[0].sptId).toBe(first.action.sptId);
  });

  it('out of stock at the seller: its message, and no token', async () => {
    const { buyerId } = await buyerWithCard();
    const checkout = await checkoutFor(buyerId, 'last-unit');
    seller.setStock('last-unit-v', 0);
    const result = await payCheckout({
      ...deps(buyerId),
      checkoutId: checkout.id,
      quote: checkout.quote,
    });
    expect(result).toMatchObject({ status: 'failed', code: 'not_ready' });
    if (result.status === 'failed') {
      expect(result.sellerMessage).toContain('out of stock');
      expect(result.checkout?.messages.map((m) => m.code)).toContain('out_of_stock');
    }
    const [{ value }] = await database.db
      .select({ value: count() })
      .from(agentPaymentAttempts)
      .where(eq(agentPaymentAttempts.checkoutId, checkout.id));
    expect(value).toBe(0);
  });
});
