import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteChangeSentences } from '@/components/checkout/quote-change';
import { getCatalogProduct } from '@/lib/agent/catalog';
import { agentPaymentAttempts } from '@/lib/db/schema';
import { testEngines } from '@/lib/db/testing';
import { translator } from '@/lib/i18n';
import { openPurchaseWorld, type PurchaseWorld } from '@/lib/testing/purchase-world';
import { MAX_CHECKOUT_UNITS, MAX_LINE_QUANTITY } from './items';
import { payCheckout } from './pay';
import { changeCheckout, loadCheckout, startCheckout, updateCheckout } from './service';
import type { CheckoutDetails } from './view';

const BOOT = 'summit-outfitters:mesa-desert-boot';
const ELSEWHERE = {
  name: 'Sam Other',
  line_one: '500 Townsend St',
  city: 'San Francisco',
  state: 'CA',
  postal_code: '94103',
  country: 'US',
};

describe.each(testEngines())('the approval is the quote (%s)', (engine) => {
  let world: PurchaseWorld;
  beforeAll(async () => {
    world = await openPurchaseWorld(engine);
  });
  afterAll(() => world?.close());

  /** A buyer looking at a checkout card for one pair of boots (every size costs the same). */
  async function cardOnScreen() {
    const { buyerId, card } = await world.buyer();
    const boot = (await getCatalogProduct(world.db, BOOT))!;
    const [first, second] = boot.variants.filter((v) => v.stock >= 2);
    const started = await startCheckout(world.deps(buyerId), {
      items: [{ productId: BOOT, variantId: first.id, quantity: 1 }],
    });
    const shown = (await loadCheckout(world.deps(buyerId), started.checkouts[0].id))!;
    return { buyerId, card, shown, otherVariant: second.id };
  }

  async function attemptsOf(checkoutId: string) {
    return world.db
      .select()
      .from(agentPaymentAttempts)
      .where(eq(agentPaymentAttempts.checkoutId, checkoutId));
  }

  /** Pay with the quote on screen is refused, nothing is charged, and the fresh card pays. */
  async function refusedThenPaid(buyerId: string, card: string, shown: CheckoutDetails) {
    const refused = await payCheckout({
      ...world.deps(buyerId),
      checkoutId: shown.id,
      quote: shown.quote,
      paymentMethodId: card,
    });
    if (refused.status !== 'failed') throw new Error(`expected a refusal, got ${refused.status}`);
    expect(refused.code).toBe('quote_changed');
    expect(await attemptsOf(shown.id)).toEqual([]);
    const fresh = refused.checkout!;
    expect(fresh.quote).not.toBe(shown.quote);
    expect(fresh.agentStatus).toBe('open');
    const paid = await payCheckout({
      ...world.deps(buyerId),
      checkoutId: shown.id,
      quote: fresh.quote,
      paymentMethodId: card,
    });
    expect(paid.status).toBe('succeeded');
    return { changed: refused.changed ?? [], fresh };
  }

  it('the model changes the address behind a shown card: Pay refuses and names the new address', async () => {
    const { buyerId, card, shown } = await cardOnScreen();
    await updateCheckout(world.deps(buyerId), { checkoutId: shown.id, address: ELSEWHERE });
    const { changed, fresh } = await refusedThenPaid(buyerId, card, shown);
    expect(changed).toContain('address');
    const [en] = quoteChangeSentences(translator('en', 'checkout'), 'en', ['address'], fresh);
    expect(en).toBe(
      'The delivery address changed since you saw it: now Sam Other, 500 Townsend St, San Francisco CA 94103, US.',
    );
    const [ja] = quoteChangeSentences(translator('ja', 'checkout'), 'ja', ['address'], fresh);
    expect(ja).toContain('お届け先が変わりました');
    expect(ja).toContain('500 Townsend St');
  });

  it('the model swaps the item for another product: refused as changed items', async () => {
    const { buyerId, card, shown } = await cardOnScreen();
    const tent = await world.findItem('summit-outfitters', 'tent', 3);
    await updateCheckout(world.deps(buyerId), {
      checkoutId: shown.id,
      items: [{ productId: tent.productId, variantId: tent.variantId, quantity: 1 }],
    });
    expect((await refusedThenPaid(buyerId, card, shown)).changed).toContain('items');
  });

  it('the model swaps the variant for another of the same price: refused as changed items', async () => {
    const { buyerId, card, shown, otherVariant } = await cardOnScreen();
    await updateCheckout(world.deps(buyerId), {
      checkoutId: shown.id,
      items: [{ productId: BOOT, variantId: otherVariant, quantity: 1 }],
    });
    expect((await refusedThenPaid(buyerId, card, shown)).changed).toEqual(['items']);
  });

  it('the quantity changes behind the card: refused, naming the quantities and the new total', async () => {
    const { buyerId, card, shown } = await cardOnScreen();
    await changeCheckout(world.deps(buyerId), shown.id, {
      lineItems: [{ id: shown.itemIds[0], quantity: 2 }],
    });
    const { changed } = await refusedThenPaid(buyerId, card, shown);
    expect(changed).toEqual(expect.arrayContaining(['quantities', 'totals']));
  });

  it('the shipping option changes behind the card: refused as a changed delivery option', async () => {
    const { buyerId, card, shown } = await cardOnScreen();
    await updateCheckout(world.deps(buyerId), { checkoutId: shown.id, shippingOptionId: 'express' });
    const { changed, fresh } = await refusedThenPaid(buyerId, card, shown);
    expect(changed).toContain('shipping');
    const sentences = quoteChangeSentences(translator('en', 'checkout'), 'en', changed, fresh);
    expect(sentences.some((s) => s.startsWith('The delivery option changed since you saw it: now'))).toBe(
      true,
    );
  });

  it('refuses a quote it never issued, and merged lines over the caps', async () => {
    const { buyerId, card, shown } = await cardOnScreen();
    expect(
      await payCheckout({
        ...world.deps(buyerId),
        checkoutId: shown.id,
        quote: 'q1.forged',
        paymentMethodId: card,
      }),
    ).toMatchObject({ status: 'failed', code: 'quote_changed' });

    const tooManyOfOne = await startCheckout(world.deps(buyerId), {
      items: Array.from({ length: 10 }, () => ({ productId: BOOT, quantity: MAX_LINE_QUANTITY })),
    });
    expect(tooManyOfOne).toMatchObject({
      checkouts: [],
      error: expect.stringMatching(/at most 20 of one item/),
    });
    const overCheckout = await changeCheckout(world.deps(buyerId), shown.id, {
      lineItems: [
        { id: shown.itemIds[0], quantity: MAX_LINE_QUANTITY },
        { id: shown.itemIds[0], quantity: 1 },
      ],
    });
    expect(overCheckout).toMatchObject({ ok: false, code: 'quantity_limit' });
    const tent = await world.findItem('summit-outfitters', 'tent', 3);
    const boot = (await getCatalogProduct(world.db, BOOT))!;
    const many = await updateCheckout(world.deps(buyerId), {
      checkoutId: shown.id,
      items: [
        ...boot.variants
          .slice(0, 3)
          .map((v) => ({ productId: BOOT, variantId: v.id, quantity: MAX_LINE_QUANTITY })),
        { productId: tent.productId, variantId: tent.variantId, quantity: 1 },
      ],
    });
    expect(many.error).toBe(`A checkout can hold at most ${MAX_CHECKOUT_UNITS} items in all.`);
  });
});
