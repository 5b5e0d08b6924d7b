import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '@/lib/db/client';
import { openTestDatabase, testEngines } from '@/lib/db/testing';
import { demoPairing } from '@/lib/pairing';
import { FeedProduct } from './feed-schema';
import { getCatalogProduct } from './products';
import { searchCatalog } from './search';
import { FIXTURE_FEEDS } from './testing/fixture';
import { feedCall, pushFeed } from './testing/feed-client';

const SPEC = path.join(process.cwd(), 'lib/acp/spec/2026-04-17');
const schema = JSON.parse(readFileSync(path.join(SPEC, 'schema.feed.json'), 'utf8'));
const examples = JSON.parse(readFileSync(path.join(SPEC, 'test-fixtures/examples.feed.json'), 'utf8'));
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
ajv.addSchema(schema);
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
/** A validator for one definition of the spec's Feed JSON Schema. */
const validates = (def: string) => {
  if (!validators.has(def)) validators.set(def, ajv.compile({ $ref: `${schema.$id}#/$defs/${def}` }));
  return validators.get(def)!;
};

const EXTERNAL = {
  id: 'acme-outdoors',
  name: 'Acme Outdoors',
  url: 'https://acme.example/acp',
  apiKey: 'acme_feed_key_123',
};

describe.each(testEngines())('Feed API on %s', (engine) => {
  let database: Database;
  let summit: string;
  let volt: string;
  beforeAll(async () => {
    vi.stubEnv('AISLE_SECRET', 'feed-tests-secret-feed-tests-secret-0123');
    vi.stubEnv('ACP_SELLERS', JSON.stringify([EXTERNAL]));
    database = await openTestDatabase(engine);
    summit = (await demoPairing('summit-outfitters')).feedToken;
    volt = (await demoPairing('volt-audio')).feedToken;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.close();
  });
  const call = (...args: Parameters<typeof feedCall> extends [unknown, ...infer R] ? R : never) =>
    feedCall(database.db, ...args);

  it('creates the calling seller’s feed once, then returns the same feed', async () => {
    const created = await call('POST', '/feeds', {
      token: summit,
      body: examples.create_feed_request_minimal,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'feed_summit-outfitters', target_country: 'US' });
    expect(validates('FeedMetadata')(created.body)).toBe(true);
    const again = await call('POST', '/feeds', { token: summit, body: {} });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe('feed_summit-outfitters');
    const read = await call('GET', '/feeds/feed_summit-outfitters', { token: summit });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: 'feed_summit-outfitters', target_country: 'US' });
  });

  it('ingests the spec’s upsert example and serves the products back as sent', async () => {
    const upsert = await call('PATCH', '/feeds/feed_summit-outfitters/products', {
      token: summit,
      body: examples.upsert_products_request_single_product,
    });
    expect(upsert.status).toBe(200);
    expect(upsert.body).toEqual({ id: 'feed_summit-outfitters', accepted: true });
    const products = await call('GET', '/feeds/feed_summit-outfitters/products', { token: summit });
    expect(products.status).toBe(200);
    expect(validates('ProductsResponse')(products.body)).toBe(true);
    expect(products.body.products).toEqual(examples.upsert_products_request_single_product.products);
    const product = await getCatalogProduct(database.db, 'summit-outfitters:prod_classic_tee');
    expect(product).toMatchObject({
      title: 'Classic Tee',
      sellerName: 'Example Merchant',
      price: { amount: 1999, currency: 'usd' },
      availability: 'out_of_stock',
      image: 'https://cdn.merchant.com/products/classic-tee/main.jpg',
      variants: [
        { id: 'sku124-red-m', options: { color: 'Red', size: 'Medium' }, availability: 'out_of_stock' },
      ],
    });
  });

  it('keeps a product without prices in the feed but out of search', async () => {
    const pushed = await call('PATCH', '/feeds/feed_summit-outfitters/products', {
      token: summit,
      body: examples.get_products_response,
    });
    expect(pushed.status).toBe(200);
    expect(await getCatalogProduct(database.db, 'summit-outfitters:prod_classic_tee')).toBeNull();
    const products = await call('GET', '/feeds/feed_summit-outfitters/products', { token: summit });
    expect(products.body.products).toEqual(examples.get_products_response.products);
  });

  it('accepts a first push without a prior create, and every example the spec gives', async () => {
    for (const name of ['upsert_products_request_single_product', 'get_products_response']) {
      expect(FeedProduct.array().safeParse(examples[name].products).success).toBe(true);
      expect(validates('UpsertProductsRequest')(examples[name])).toBe(true);
    }
    const response = await pushFeed(database.db, 'volt-audio', FIXTURE_FEEDS['volt-audio']);
    expect(response.body).toEqual({ id: 'feed_volt-audio', accepted: true });
    expect((await call('GET', '/feeds/feed_volt-audio', { token: volt })).status).toBe(200);
  });

  it('writes feeds that are valid ACP once the Aisle extension fields are allowed', () => {
    const extended = structuredClone(schema);
    for (const field of ['brand', 'rating', 'keywords', 'attributes', 'translations'])
      extended.$defs.Product.properties[field] = {};
    extended.$defs.Variant.properties.inventory_quantity = {};
    extended.$id = 'https://aisle.test/feed-extended.json';
    const validate = addFormats(new Ajv2020({ strict: false })).compile({
      ...extended,
      $ref: '#/$defs/UpsertProductsRequest',
    });
    for (const products of Object.values(FIXTURE_FEEDS))
      expect(validate({ products }), JSON.stringify(validate.errors)).toBe(true);
  });

  describe('authentication', () => {
    it('refuses a request without a bearer token, with a wrong one, or with another scheme', async () => {
      for (const headers of [
        {},
        { authorization: 'Bearer feed_not-a-real-token' },
        { authorization: `Basic ${summit}` },
      ] as Array<Record<string, string>>) {
        const response = await call('GET', '/feeds/feed_summit-outfitters', { headers });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(response.body).toMatchObject({ type: 'invalid_request', code: 'unauthorized' });
        expect(validates('Error')(response.body)).toBe(true);
      }
    });

    it('never lets one seller read or write another seller’s feed', async () => {
      const read = await call('GET', '/feeds/feed_volt-audio/products', { token: summit });
      expect(read.status).toBe(404);
      expect(read.body).toEqual(examples.feed_error_not_found);
      const write = await call('PATCH', '/feeds/feed_volt-audio/products', {
        token: summit,
        body: { products: FIXTURE_FEEDS['summit-outfitters'].slice(0, 1) },
      });
      expect(write.status).toBe(404);
      expect(await getCatalogProduct(database.db, 'volt-audio:trail-runner')).toBeNull();
      expect((await call('GET', '/feeds/feed_nobody', { token: volt })).status).toBe(404);
    });

    it('accepts an external seller’s API key from ACP_SELLERS and names the feed after it', async () => {
      const created = await call('POST', '/feeds', {
        token: EXTERNAL.apiKey,
        body: { target_country: 'GB' },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: 'feed_acme-outdoors', target_country: 'GB' });
      const product = {
        id: 'stove',
        title: 'Camp Stove',
        variants: [{ id: 'stove-1', title: 'Camp Stove', price: { amount: 4500, currency: 'GBP' } }],
      };
      expect(
        (
          await call('PATCH', '/feeds/feed_acme-outdoors/products', {
            token: EXTERNAL.apiKey,
            body: { products: [product] },
          })
        ).status,
      ).toBe(200);
      expect(await getCatalogProduct(database.db, 'acme-outdoors:stove')).toMatchObject({
        sellerName: 'Acme Outdoors',
        price: { amount: 4500, currency: 'gbp' },
      });
    });
  });

  describe('malformed requests are 4xx with the spec’s error body, never 5xx', () => {
    const variant = { id: 'v1', title: 'V', price: { amount: 100, currency: 'USD' } };
    const product = (extra: object = {}, variantExtra: object = {}) => ({
      id: 'p1',
      title: 'P',
      variants: [{ ...variant, ...variantExtra }],
      ...extra,
    });
    const cases: Array<[string, { body?: unknown; rawBody?: string }, number, string, string | undefined]> = [
      ['invalid JSON', { rawBody: '{"products": [' }, 400, 'invalid_json', undefined],
      ['an empty body', { rawBody: '' }, 400, 'invalid_json', undefined],
      ['null', { body: null }, 400, 'invalid_product_payload', undefined],
      ['an array', { body: [] }, 400, 'invalid_product_payload', undefined],
      [
        'products that is not a list',
        { body: { products: 'all of them' } },
        400,
        'invalid_product_payload',
        'products',
      ],
      [
        'a product without id or variants',
        { body: { products: [{}] } },
        400,
        'invalid_product_payload',
        'products[0].id',
      ],
      [
        'a lower-case currency',
        { body: { products: [product({}, { price: { amount: 100, currency: 'usd' } })] } },
        400,
        'invalid_product_payload',
        'products[0].variants[0].price.currency',
      ],
      [
        'a negative price',
        { body: { products: [product({}, { price: { amount: -1, currency: 'USD' } })] } },
        400,
        'invalid_product_payload',
        'products[0].variants[0].price.amount',
      ],
      [
        'a fractional price',
        { body: { products: [product({}, { price: { amount: 9.99, currency: 'USD' } })] } },
        400,
        'invalid_product_payload',
        'products[0].variants[0].price.amount',
      ],
      [
        'an unknown product field',
        { body: { products: [product({ colour: 'red' })] } },
        400,
        'invalid_product_payload',
        'products[0]',
      ],
      [
        'an unknown variant field',
        { body: { products: [product({}, { sku: 'x' })] } },
        400,
        'invalid_product_payload',
        'products[0].variants[0]',
      ],
      [
        'a relative media URL',
        { body: { products: [product({ media: [{ type: 'image', url: '/img.png' }] })] } },
        400,
        'invalid_product_payload',
        'products[0].media[0].url',
      ],
      [
        'an empty description',
        { body: { products: [product({ description: {} })] } },
        400,
        'invalid_product_payload',
        'products[0].description',
      ],
      [
        'a rating above five',
        { body: { products: [product({ rating: { value: 7, count: 1 } })] } },
        400,
        'invalid_product_payload',
        'products[0].rating.value',
      ],
      [
        'a negative stock count',
        { body: { products: [product({}, { inventory_quantity: -3 })] } },
        400,
        'invalid_product_payload',
        'products[0].variants[0].inventory_quantity',
      ],
      [
        'a product twice',
        { body: { products: [product(), product()] } },
        400,
        'invalid_product_payload',
        'products[1].id',
      ],
      [
        'a NUL in a title',
        { rawBody: '{"products":[{"id":"p1","title":"a\\u0000b","variants":[]}]}' },
        400,
        'invalid_json',
        undefined,
      ],
      [
        'half a surrogate pair',
        { rawBody: '{"products":[{"id":"p1","title":"a\\ud800b","variants":[]}]}' },
        400,
        'invalid_json',
        undefined,
      ],
      [
        'a stock count no database column holds',
        { body: { products: [product({}, { inventory_quantity: 2 ** 40 })] } },
        400,
        'invalid_product_payload',
        'products[0].variants[0].inventory_quantity',
      ],
      [
        'an id too long to be a key',
        { body: { products: [{ id: 'x'.repeat(5000), variants: [] }] } },
        400,
        'invalid_product_payload',
        'products[0].id',
      ],
      [
        'an empty product id',
        { body: { products: [{ id: '', variants: [] }] } },
        400,
        'invalid_product_payload',
        'products[0].id',
      ],
      [
        'a variant twice',
        { body: { products: [{ id: 'p1', variants: [variant, variant] }] } },
        400,
        'invalid_product_payload',
        'products[0].variants[1].id',
      ],
    ];
    it.each(cases)('refuses %s', async (_, request, status, code, param) => {
      const response = await call('PATCH', '/feeds/feed_summit-outfitters/products', {
        token: summit,
        ...request,
      });
      expect(response.status).toBe(status);
      expect(response.body.type).toBe('invalid_request');
      expect(response.body.code).toBe(code);
      if (param) expect(response.body.param).toBe(param);
      expect(validates('Error')(response.body)).toBe(true);
    });

    it('refuses a target country that is not ISO 3166-1 alpha-2', async () => {
      const response = await call('POST', '/feeds', { token: summit, body: { target_country: 'usa' } });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'invalid_target_country', param: 'target_country' });
    });

    it('answers wrong methods with 405, unknown paths with 404, unknown API versions with 400', async () => {
      expect((await call('DELETE', '/feeds/feed_summit-outfitters/products', { token: summit })).status).toBe(
        405,
      );
      expect((await call('GET', '/feeds', { token: summit })).headers.get('allow')).toBe('POST');
      expect((await call('GET', '/feeds/feed_summit-outfitters/variants', { token: summit })).status).toBe(
        404,
      );
      expect((await call('GET', '/feeds/%E0%A4%A/products', { token: summit })).status).toBe(404);
      expect(
        (
          await call('GET', '/feeds/feed_summit-outfitters', {
            token: summit,
            headers: { 'api-version': '2020-01-01' },
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await call('GET', '/feeds/feed_summit-outfitters', {
            token: summit,
            headers: { 'api-version': '2026-04-17' },
          })
        ).status,
      ).toBe(200);
    });

    it('survives random JSON without a server error', async () => {
      let seed = 7;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const value = (depth: number): unknown => {
        const pick = Math.floor(random() * 7);
        if (depth > 3 || pick === 0) return [null, true, -1, 1.5, 'x', '', 1e308][Math.floor(random() * 7)];
        if (pick <= 2) return Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1));
        const keys = [
          'products',
          'id',
          'title',
          'variants',
          'price',
          'amount',
          'currency',
          'media',
          'url',
          'translations',
          'ja',
        ];
        return Object.fromEntries(
          Array.from({ length: Math.floor(random() * 4) }, () => [
            keys[Math.floor(random() * keys.length)],
            value(depth + 1),
          ]),
        );
      };
      for (let i = 0; i < 60; i++) {
        const body = i % 2 === 0 ? value(0) : { products: [value(1)] };
        const response = await call('PATCH', '/feeds/feed_summit-outfitters/products', {
          token: summit,
          body,
        });
        expect(response.status, JSON.stringify(body)).toBeLessThan(500);
      }
    });
  });

  describe('updates', () => {
    beforeAll(async () => {
      await pushFeed(database.db, 'kissa-tokyo', FIXTURE_FEEDS['kissa-tokyo']);
    });

    it('applies a price and stock change to one product and leaves the rest alone', async () => {
      const before = await searchCatalog(database.db, { query: '', seller: 'kissa-tokyo', limit: 24 });
      const house = structuredClone(FIXTURE_FEEDS['kissa-tokyo'].find((p) => p.id === 'kissa-house-blend')!);
      house.variants[0].price = { amount: 1650, currency: 'JPY' };
      house.variants[1].inventory_quantity = 0;
      house.variants[1].availability = { available: false, status: 'out_of_stock' };
      await pushFeed(database.db, 'kissa-tokyo', [house]);
      const after = await searchCatalog(database.db, { query: '', seller: 'kissa-tokyo', limit: 24 });
      expect(after.total).toBe(before.total);
      expect(after.products.find((p) => p.id === 'kissa-tokyo:kissa-house-blend')?.price).toEqual({
        amount: 1650,
        currency: 'jpy',
      });
      const detail = await getCatalogProduct(database.db, 'kissa-tokyo:kissa-house-blend');
      expect(detail?.variants.map((v) => [v.price.amount, v.availability, v.stock])).toEqual([
        [1650, 'in_stock', 20],
        [3400, 'out_of_stock', 0],
      ]);
      const untouched = after.products.find((p) => p.id === 'kissa-tokyo:brazil-cerrado');
      expect(untouched).toEqual(before.products.find((p) => p.id === 'kissa-tokyo:brazil-cerrado'));
    });

    it('replaces a product’s variants with the ones sent, and retires a product whose variants are all discontinued', async () => {
      const mug = structuredClone(FIXTURE_FEEDS['kissa-tokyo'].find((p) => p.id === 'mino-mug')!);
      mug.variants = mug.variants.slice(0, 1);
      await pushFeed(database.db, 'kissa-tokyo', [mug]);
      expect((await getCatalogProduct(database.db, 'kissa-tokyo:mino-mug'))?.colors).toEqual(['Blue']);
      mug.variants = mug.variants.map((v) => ({
        ...v,
        availability: { available: false, status: 'discontinued' },
      }));
      await pushFeed(database.db, 'kissa-tokyo', [mug]);
      expect(await getCatalogProduct(database.db, 'kissa-tokyo:mino-mug')).toBeNull();
      expect((await searchCatalog(database.db, { query: 'mug' })).products.map((p) => p.id)).not.toContain(
        'kissa-tokyo:mino-mug',
      );
      const { feedToken } = await demoPairing('kissa-tokyo');
      const served = await call('GET', '/feeds/feed_kissa-tokyo/products', { token: feedToken });
      expect(served.body.products.map((p: { id: string }) => p.id)).toContain('mino-mug');
    });

    it('keeps every concurrent push and ends with the last one committed', async () => {
      const blend = FIXTURE_FEEDS['kissa-tokyo'].find((p) => p.id === 'brazil-cerrado')!;
      const prices = [1410, 1420, 1430, 1440, 1450];
      const pushes = prices.map((amount) => {
        const product = structuredClone(blend);
        product.variants[0].price = { amount, currency: 'JPY' };
        return pushFeed(database.db, 'kissa-tokyo', [product]);
      });
      expect((await Promise.all(pushes)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const stored = (await getCatalogProduct(database.db, 'kissa-tokyo:brazil-cerrado'))!.variants[0].price
        .amount;
      expect(prices).toContain(stored);
      const found = await searchCatalog(database.db, { query: 'Brazil Cerrado', limit: 1 });
      expect(found.products[0].price.amount).toBe(stored);
    });

    if (engine === 'postgres') {
      it('makes a push through one app instance searchable from another', async () => {
        const url = (database.db as unknown as { $client: { options: { connectionString: string } } }).$client
          .options.connectionString;
        const other = await openDatabase({ mode: 'postgres', url });
        try {
          expect((await searchCatalog(other.db, { query: 'Brazil Cerrado', limit: 1 })).total).toBe(1);
          const sencha = structuredClone(
            FIXTURE_FEEDS['kissa-tokyo'].find((p) => p.id === 'shizuoka-sencha')!,
          );
          sencha.title = 'Shizuoka Fukamushi Sencha Reserve';
          await pushFeed(database.db, 'kissa-tokyo', [sencha]);
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(
            (await searchCatalog(other.db, { query: 'sencha reserve', limit: 1 })).products[0]?.title,
          ).toBe('Shizuoka Fukamushi Sencha Reserve');
        } finally {
          await other.close();
        }
      });
    }
  });
});
