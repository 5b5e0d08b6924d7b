import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compareProductsOutput, productDetail } from '@/lib/agent/tools/schemas';
import type { Database } from '@/lib/db/client';
import { openTestDatabase, testEngines } from '@/lib/db/testing';
import { catalogStats, compareCatalogProducts, getCatalogProduct } from './products';
import { searchCatalog } from './search';
import { FIXTURE_FEEDS } from './testing/fixture';
import { pushFeed } from './testing/feed-client';

describe.each(testEngines())('product details, comparison and stats on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    vi.stubEnv('AISLE_SECRET', 'products-tests-secret-products-tests-secret');
    database = await openTestDatabase(engine);
    for (const [sellerId, products] of Object.entries(FIXTURE_FEEDS))
      await pushFeed(database.db, sellerId, products);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.close();
  });

  it('returns a product with every variant, its options, stock and attributes', async () => {
    const product = await getCatalogProduct(database.db, 'summit-outfitters:trail-runner');
    expect(productDetail.safeParse(product).success).toBe(true);
    expect(product).toMatchObject({
      id: 'summit-outfitters:trail-runner',
      title: 'Trail Runner',
      description:
        'A light, cushioned trail running shoe with lugs that grip loose dirt and wet rock. The mesh upper is breathable but not waterproof.',
      images: ['https://aisle.test/products/summit-outfitters/trail-runner.svg'],
      attributes: { material: 'Engineered mesh', weight: '280 g' },
      url: 'https://aisle.test/sellers/summit-outfitters/products/trail-runner',
      colors: ['Blue', 'Black', 'Orange'],
      sizes: ['8', '9', '10', '11'],
    });
    expect(product?.variants).toHaveLength(12);
    expect(product?.variants[0]).toEqual({
      id: 'trail-runner-blue-8',
      title: 'Trail Runner — Blue / 8',
      options: { color: 'Blue', size: '8' },
      price: { amount: 12900, currency: 'usd' },
      availability: 'in_stock',
      stock: 20,
    });
  });

  it('reports a single last unit as low stock and a sold-out product as out of stock', async () => {
    const tent = await getCatalogProduct(database.db, 'summit-outfitters:featherline-1p-tent');
    expect(tent?.availability).toBe('low_stock');
    expect(tent?.variants[0].stock).toBe(1);
    expect((await getCatalogProduct(database.db, 'kissa-tokyo:jamaica-blue-mountain'))?.availability).toBe(
      'out_of_stock',
    );
  });

  it('answers null for an unknown or malformed id', async () => {
    expect(await getCatalogProduct(database.db, 'summit-outfitters:no-such-thing')).toBeNull();
    expect(await getCatalogProduct(database.db, 'trail-runner')).toBeNull();
    expect(await getCatalogProduct(database.db, 'volt-audio:trail-runner')).toBeNull();
  });

  it('compares products side by side, in the order asked, with the attributes they share', async () => {
    const compared = await compareCatalogProducts(database.db, [
      'volt-audio:aria-anc-headphones',
      'volt-audio:studio-m50-headphones',
      'volt-audio:nope',
    ]);
    expect(compareProductsOutput.safeParse(compared).success).toBe(true);
    expect(compared.products.map((p) => p.id)).toEqual([
      'volt-audio:aria-anc-headphones',
      'volt-audio:studio-m50-headphones',
    ]);
    const row = (label: string) => compared.rows.find((r) => r.label === label)?.values;
    expect(row('Price')).toEqual(['$249.00', '$169.00']);
    expect(row('Brand')).toEqual(['Volt', 'Kestrel Audio']);
    expect(row('Seller')).toEqual(['Volt Audio', 'Volt Audio']);
    expect(row('Rating')).toEqual(['4.6 (1320)', '4.8 (2210)']);
    expect(row('Availability')).toEqual(['In stock', 'In stock']);
    expect(row('Colours')).toEqual(['Black, Silver', '—']);
    expect(row('Connection')).toEqual(['Bluetooth 5.3', 'Wired, 3.5 mm']);
    expect(row('Battery')).toEqual(['40 hours', '—']);
  });

  it('compares across sellers and currencies', async () => {
    const compared = await compareCatalogProducts(database.db, [
      'kissa-tokyo:tokoname-kyusu',
      'kissa-tokyo:banko-kyusu',
      'summit-outfitters:insulated-bottle-32',
    ]);
    expect(compared.rows.find((r) => r.label === 'Price')?.values).toEqual(['¥8,800', '¥5,500', '$39.00']);
    expect(compared.rows.every((r) => r.values.length === 3)).toBe(true);
  });

  it('counts listed products per seller', async () => {
    const stats = await catalogStats(database.db);
    expect(stats.totalProducts).toBe(46);
    expect(stats.sellers.map((s) => [s.sellerId, s.feedId, s.products])).toEqual([
      ['kissa-tokyo', 'feed_kissa-tokyo', 16],
      ['summit-outfitters', 'feed_summit-outfitters', 16],
      ['volt-audio', 'feed_volt-audio', 14],
    ]);
    expect(stats.sellers.every((s) => s.updatedAt !== null)).toBe(true);
  });

  it('speaks Japanese to a Japanese buyer where the seller sent Japanese text, English otherwise', async () => {
    const found = await searchCatalog(database.db, { query: 'ハウスブレンド' }, 'ja');
    expect(found.products[0]).toMatchObject({
      id: 'kissa-tokyo:kissa-house-blend',
      title: '喫茶東京 ハウスブレンド',
    });
    const detail = await getCatalogProduct(database.db, 'kissa-tokyo:kissa-house-blend', 'ja');
    expect(detail?.description).toBe('昔ながらの喫茶店のように深煎りにしたハウスブレンド。');
    expect((await getCatalogProduct(database.db, 'kissa-tokyo:kissa-house-blend'))?.title).toBe(
      'Kissa House Blend',
    );
    // Products the seller gave no Japanese for keep their own text.
    expect((await getCatalogProduct(database.db, 'summit-outfitters:trail-runner', 'ja'))?.title).toBe(
      'Trail Runner',
    );
    const compared = await compareCatalogProducts(
      database.db,
      ['kissa-tokyo:kissa-house-blend', 'kissa-tokyo:panama-geisha'],
      'ja',
    );
    expect(compared.rows[0]).toEqual({ label: '価格', values: ['￥1,500', '￥5,800'] });
  });
});
