import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import feedExamples from '@/lib/acp/spec/2026-04-17/test-fixtures/examples.feed.json';
import { validateAcp } from '@/lib/acp/validate';
import { outbox, sellerStock } from '@/lib/db/schema';
import { SELLER_CATALOGS } from '@/lib/seller/catalog';
import { bootSellers } from '@/lib/seller/boot';
import { FEED_OUTBOX_TOPIC } from '@/lib/seller/feed';
import { restockVariant, setVariantPrice } from '@/lib/seller/inventory';
import { openSellerTestbed, type SellerTestbed } from '@/lib/seller/testing';

let bed: SellerTestbed;
beforeAll(async () => {
  bed = await openSellerTestbed();
});
afterAll(() => bed.close());

/** Aisle's `dev.aisle.feed` extension fields, which the core ACP schema does not know. */
const EXTENSION_FIELDS = {
  product: ['brand', 'rating', 'keywords', 'attributes', 'translations'],
  variant: ['inventory_quantity'],
};

function withoutExtension(product: Record<string, unknown>) {
  const core = Object.fromEntries(
    Object.entries(product).filter(([k]) => !EXTENSION_FIELDS.product.includes(k)),
  );
  core.variants = (product.variants as Record<string, unknown>[]).map((v) =>
    Object.fromEntries(Object.entries(v).filter(([k]) => !EXTENSION_FIELDS.variant.includes(k))),
  );
  return core;
}

async function feedPushes() {
  return bed.database.db.select().from(outbox).where(eq(outbox.topic, FEED_OUTBOX_TOPIC));
}

describe('catalog feed', () => {
  it('the spec’s feed example is what the validator expects', () => {
    expect(
      validateAcp('FeedUpsertProductsRequest', feedExamples.upsert_products_request_single_product),
    ).toEqual({ ok: true });
  });

  it('queues a full upsert of every seller’s catalog at boot, in ACP feed format', async () => {
    await bootSellers(bed.database.db);
    const pushes = await feedPushes();
    expect(pushes.map((p) => [p.method, p.url])).toEqual([
      ['PATCH', 'http://localhost:3000/feeds/feed_summit-outfitters/products'],
      ['PATCH', 'http://localhost:3000/feeds/feed_volt-audio/products'],
      ['PATCH', 'http://localhost:3000/feeds/feed_kissa-tokyo/products'],
    ]);
    for (const [index, push] of pushes.entries()) {
      const body = JSON.parse(push.body);
      const catalog = SELLER_CATALOGS[index];
      expect(body.products).toHaveLength(catalog.products.length);
      expect(
        validateAcp('FeedUpsertProductsRequest', { products: body.products.map(withoutExtension) }),
      ).toEqual({ ok: true });
      expect(push.headers).toMatchObject({
        Authorization: expect.stringMatching(/^Bearer feed_/),
        'API-Version': '2026-04-17',
      });
    }
    const kissa = JSON.parse(pushes[2].body).products.find((p: { id: string }) => p.id === 'brazil-cerrado');
    expect(kissa).toMatchObject({
      translations: { ja: { title: 'ブラジル セラード', seller_name: '喫茶東京' } },
    });
    expect(kissa.variants[0]).toMatchObject({
      price: { amount: expect.any(Number), currency: 'JPY' },
      availability: { available: true },
    });
    const summit = JSON.parse(pushes[0].body).products.find((p: { id: string }) => p.id === 'drift-hammock');
    expect(summit.variants[0]).toMatchObject({
      availability: { available: false, status: 'out_of_stock' },
      inventory_quantity: 0,
    });
  });

  it('boots again without resetting stock that was sold, and pushes the full feed again', async () => {
    const where = and(eq(sellerStock.sellerId, 'volt-audio'), eq(sellerStock.variantId, 'mixing-course'));
    await bed.database.db.update(sellerStock).set({ available: 3 }).where(where);
    const result = await bootSellers(bed.database.db);
    expect(result.seeded).toBe(0);
    const [row] = await bed.database.db.select().from(sellerStock).where(where);
    expect(row.available).toBe(3);
    expect(await feedPushes()).toHaveLength(6);
  });

  it('pushes the product again when its price or stock changes', async () => {
    const deps = { db: bed.database.db, stripe: bed.stripe };
    const before = (await feedPushes()).length;
    expect(await setVariantPrice(deps, 'kissa-tokyo', 'brazil-cerrado-200g', 1700)).toMatchObject({
      price: 1700,
    });
    expect(await restockVariant(deps, 'kissa-tokyo', 'brazil-cerrado-200g', -1_000_000)).toMatchObject({
      available: 0,
    });
    const pushes = (await feedPushes()).slice(before);
    expect(pushes).toHaveLength(2);
    const [priced, emptied] = pushes.map((p) =>
      JSON.parse(p.body).products[0].variants.find((v: { id: string }) => v.id === 'brazil-cerrado-200g'),
    );
    expect(priced.price).toEqual({ amount: 1700, currency: 'JPY' });
    expect(emptied).toMatchObject({
      availability: { available: false, status: 'out_of_stock' },
      inventory_quantity: 0,
    });
    expect(await setVariantPrice(deps, 'kissa-tokyo', 'no-such-variant', 100)).toBeNull();
  });
});
