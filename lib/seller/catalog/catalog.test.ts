import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SELLER_IDS } from '@/lib/config';
import { catalogFor, SELLER_CATALOGS, type CatalogProduct, type SellerCatalog } from '@/lib/seller/catalog';

const publicDir = path.resolve(__dirname, '../../../public');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

const seller = (id: string): SellerCatalog => {
  const catalog = catalogFor(id);
  if (!catalog) throw new Error(`no catalog for ${id}`);
  return catalog;
};
const product = (sellerId: string, productId: string): CatalogProduct => {
  const found = seller(sellerId).products.find((p) => p.id === productId);
  if (!found) throw new Error(`no product ${sellerId}/${productId}`);
  return found;
};
const lowestPrice = (p: CatalogProduct) => Math.min(...p.variants.map((v) => v.price));
const soldOut = (p: CatalogProduct) => p.variants.every((v) => v.stock === 0);
const optionValues = (p: CatalogProduct, key: string) => [...new Set(p.variants.map((v) => v.options[key]))];

describe('demo seller catalogs', () => {
  it('has exactly the three demo sellers, findable by id', () => {
    expect(SELLER_CATALOGS.map((c) => c.seller.id)).toEqual([...DEMO_SELLER_IDS]);
    expect(catalogFor('no-such-seller')).toBeUndefined();
    expect(seller('summit-outfitters').seller).toMatchObject({
      name: 'Summit Outfitters',
      currency: 'usd',
      country: 'US',
    });
    expect(seller('volt-audio').seller).toMatchObject({ name: 'Volt Audio', currency: 'usd', country: 'US' });
    expect(seller('kissa-tokyo').seller).toMatchObject({
      name: 'Kissa Tokyo',
      nameJa: '喫茶東京',
      currency: 'jpy',
      country: 'JP',
    });
  });

  describe.each(SELLER_CATALOGS.map((c) => [c.seller.id, c] as const))('%s', (sellerId, catalog) => {
    it('sells at least 32 products with unique product and variant ids', () => {
      expect(catalog.products.length).toBeGreaterThanOrEqual(32);
      const productIds = catalog.products.map((p) => p.id);
      expect(new Set(productIds).size).toBe(productIds.length);
      const variantIds = catalog.products.flatMap((p) => p.variants.map((v) => v.id));
      expect(new Set(variantIds).size).toBe(variantIds.length);
      for (const id of [...productIds, ...variantIds]) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    it('prices every variant as a positive integer and keeps stock a whole number', () => {
      for (const p of catalog.products) {
        expect(p.variants.length, p.id).toBeGreaterThan(0);
        for (const v of p.variants) {
          expect(Number.isInteger(v.price) && v.price > 0, v.id).toBe(true);
          expect(Number.isInteger(v.stock) && v.stock >= 0, v.id).toBe(true);
        }
      }
    });

    it('describes each product honestly enough to search: category, brand, tags, 2-4 sentences', () => {
      for (const p of catalog.products) {
        expect(p.category, p.id).toMatch(/^[a-z][a-z -]*$/);
        expect(p.brand.length, p.id).toBeGreaterThan(0);
        expect(p.tags.length, p.id).toBeGreaterThan(0);
        const sentences = p.description.split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length;
        expect(sentences, p.id).toBeGreaterThanOrEqual(2);
        expect(sentences, p.id).toBeLessThanOrEqual(4);
      }
    });

    it('rates most products, but not all, on a one-decimal 1-5 scale', () => {
      const rated = catalog.products.filter((p) => p.rating);
      expect(rated.length).toBeGreaterThan(catalog.products.length * 0.7);
      expect(rated.length).toBeLessThan(catalog.products.length);
      for (const { rating, id } of rated) {
        expect(rating!.value, id).toBeGreaterThanOrEqual(1);
        expect(rating!.value, id).toBeLessThanOrEqual(5);
        expect(Math.round(rating!.value * 10) / 10, id).toBe(rating!.value);
        expect(Number.isInteger(rating!.count) && rating!.count > 0, id).toBe(true);
      }
    });

    it('has exactly one sold-out product and a few variants down to their last units', () => {
      expect(catalog.products.filter(soldOut)).toHaveLength(1);
      const low = catalog.products.flatMap((p) => p.variants).filter((v) => v.stock >= 1 && v.stock <= 3);
      expect(low.length).toBeGreaterThanOrEqual(3);
      const physical = catalog.products.filter((p) => !p.digital).flatMap((p) => p.variants);
      const typical = physical.filter((v) => v.stock >= 5 && v.stock <= 60);
      expect(typical.length).toBeGreaterThan(physical.length * 0.8);
    });

    it('sells a digital gift card', () => {
      expect(product(sellerId, 'gift-card')).toMatchObject({ digital: true, category: 'gift cards' });
    });

    it('has an SVG image for every product and a logo, with no external references', () => {
      const files = [catalog.seller.logo, ...catalog.products.map((p) => p.image)];
      expect(catalog.seller.logo).toBe(`/products/${sellerId}/logo.svg`);
      for (const p of catalog.products) expect(p.image).toBe(`/products/${sellerId}/${p.id}.svg`);
      for (const file of files) {
        const svg = fs.readFileSync(path.join(publicDir, file), 'utf8');
        expect(svg, file).toContain('viewBox="0 0 800 800"');
        expect(svg.length, file).toBeLessThan(5 * 1024);
        expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', ''), file).not.toMatch(
          /https?:|href=|@import/,
        );
      }
    });
  });
});

describe('Summit Outfitters', () => {
  it('sells the Trail Runner in Blue, Black and Orange, sizes 7 to 12, with a Blue size 10 in stock', () => {
    const shoe = seller('summit-outfitters').products.find((p) => p.title === 'Trail Runner');
    expect(shoe?.id).toBe('trail-runner');
    expect(optionValues(shoe!, 'color')).toEqual(['Blue', 'Black', 'Orange']);
    expect(optionValues(shoe!, 'size')).toEqual(['7', '8', '9', '10', '11', '12']);
    const blue10 = shoe!.variants.find((v) => v.options.color === 'Blue' && v.options.size === '10');
    expect(blue10).toMatchObject({ id: 'trail-runner-blue-10' });
    expect(blue10!.stock).toBeGreaterThan(0);
  });

  it('offers several waterproof hiking boots in size 10: one under $100, the others over', () => {
    const boots = seller('summit-outfitters').products.filter(
      (p) => p.category === 'hiking boots' && p.tags.includes('waterproof'),
    );
    expect(boots.length).toBeGreaterThanOrEqual(3);
    for (const boot of boots) expect(optionValues(boot, 'size'), boot.id).toContain('10');
    expect(boots.filter((b) => lowestPrice(b) < 100_00).map((b) => b.id)).toEqual(['trailhead-wp-hiker']);
  });

  it('keeps one single-variant product at its very last unit', () => {
    const tent = product('summit-outfitters', 'featherline-1p-tent');
    expect(tent.variants).toEqual([expect.objectContaining({ id: 'featherline-1p-tent', stock: 1 })]);
    const lastUnits = seller('summit-outfitters').products.filter(
      (p) => p.variants.length === 1 && p.variants[0].stock === 1,
    );
    expect(lastUnits.map((p) => p.id)).toEqual(['featherline-1p-tent']);
  });

  it('has the drift hammock sold out', () => {
    expect(soldOut(product('summit-outfitters', 'drift-hammock'))).toBe(true);
  });

  it('sells jackets in several colours and sizes S to XL', () => {
    const jackets = seller('summit-outfitters').products.filter((p) => p.category.endsWith('jackets'));
    expect(jackets.length).toBeGreaterThanOrEqual(3);
    for (const jacket of jackets) {
      expect(optionValues(jacket, 'size'), jacket.id).toEqual(['S', 'M', 'L', 'XL']);
      expect(optionValues(jacket, 'color').length, jacket.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('covers the outdoor basics', () => {
    const categories = new Set(seller('summit-outfitters').products.map((p) => p.category));
    for (const c of [
      'tents',
      'sleeping bags',
      'backpacks',
      'headlamps',
      'trekking poles',
      'water bottles',
      'stoves',
      'socks',
    ]) {
      expect(categories, c).toContain(c);
    }
  });
});

describe('Volt Audio', () => {
  it('sells over-ear and in-ear headphones in Blue, Black and White', () => {
    for (const id of ['aria-anc-headphones', 'pulse-anc-earbuds']) {
      expect(optionValues(product('volt-audio', id), 'color')).toEqual(['Blue', 'Black', 'White']);
    }
    expect(product('volt-audio', 'aria-anc-headphones').category).toBe('headphones');
    expect(product('volt-audio', 'pulse-anc-earbuds').category).toBe('earbuds');
  });

  it('sells at least two digital goods, including a course download', () => {
    const digital = seller('volt-audio').products.filter((p) => p.digital);
    expect(digital.length).toBeGreaterThanOrEqual(2);
    expect(digital.map((p) => p.id)).toContain('mixing-course');
  });

  it('covers speakers, turntables, DACs, cables, chargers and microphones', () => {
    const categories = new Set(seller('volt-audio').products.map((p) => p.category));
    for (const c of ['speakers', 'turntables', 'dacs', 'cables', 'chargers', 'microphones'])
      expect(categories, c).toContain(c);
  });

  it('has the direct-drive turntable sold out', () => {
    expect(soldOut(product('volt-audio', 'reference-dd-turntable'))).toBe(true);
  });
});

describe('Kissa Tokyo', () => {
  it('gives every product a Japanese title, description and tag beside the English', () => {
    for (const p of seller('kissa-tokyo').products) {
      expect(p.titleJa, p.id).toMatch(JAPANESE);
      expect(p.descriptionJa, p.id).toMatch(JAPANESE);
      expect(
        p.tags.some((t) => JAPANESE.test(t)),
        p.id,
      ).toBe(true);
      expect(p.title, p.id).not.toMatch(JAPANESE);
    }
  });

  it('prices in whole yen and sells coffee beans by 200g and 500g with a roast', () => {
    const beans = seller('kissa-tokyo').products.filter((p) => p.category === 'coffee beans');
    expect(beans.length).toBeGreaterThanOrEqual(8);
    for (const bean of beans) {
      expect(optionValues(bean, 'weight'), bean.id).toEqual(['200g', '500g']);
      expect(bean.attributes.roast, bean.id).toBeTruthy();
      expect(bean.tags, bean.id).toContain('コーヒー豆');
    }
    expect(beans.filter((b) => lowestPrice(b) < 5000).length).toBeGreaterThanOrEqual(5);
    expect(beans.filter((b) => lowestPrice(b) >= 5000).length).toBeGreaterThanOrEqual(2);
    expect(product('kissa-tokyo', 'brazil-cerrado').variants.map((v) => v.price)).toEqual([1400, 3200]);
  });

  it('has the Blue Mountain sold out', () => {
    expect(soldOut(product('kissa-tokyo', 'jamaica-blue-mountain'))).toBe(true);
  });

  it('covers brewing tools and tea', () => {
    const categories = new Set(seller('kissa-tokyo').products.map((p) => p.category));
    for (const c of [
      'drip kettles',
      'pour-over drippers',
      'coffee grinders',
      'mugs',
      'teapots',
      'matcha sets',
      'green tea',
    ]) {
      expect(categories, c).toContain(c);
    }
    const tags = seller('kissa-tokyo').products.flatMap((p) => p.tags);
    for (const tag of ['急須', '抹茶', '煎茶', '玉露']) expect(tags, tag).toContain(tag);
  });
});
