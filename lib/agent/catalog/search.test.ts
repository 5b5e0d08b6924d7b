import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { searchProductsOutput, type SearchProductsInput } from '@/lib/agent/tools/schemas';
import type { Database } from '@/lib/db/client';
import { openTestDatabase, testEngines } from '@/lib/db/testing';
import { searchCatalog } from './search';
import { FIXTURE_FEEDS } from './testing/fixture';
import { pushFeed } from './testing/feed-client';

/** The fixed catalog: 16 Summit Outfitters (USD), 14 Volt Audio (USD), 16 Kissa Tokyo (JPY, bilingual). */
const TOTAL = 46;

describe.each(testEngines())('catalog search on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    vi.stubEnv('AISLE_SECRET', 'search-tests-secret-search-tests-secret');
    database = await openTestDatabase(engine);
    for (const [sellerId, products] of Object.entries(FIXTURE_FEEDS))
      await pushFeed(database.db, sellerId, products);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.close();
  });

  const search = async (input: Partial<SearchProductsInput>) => {
    const output = await searchCatalog(database.db, { query: '', ...input });
    expect(searchProductsOutput.safeParse(output).success).toBe(true);
    return output;
  };
  const ids = async (input: Partial<SearchProductsInput>) =>
    (await search({ limit: 24, ...input })).products.map((p) => p.id.split(':')[1]);

  describe('puts the obvious match first', () => {
    it.each([
      ['exact title', 'Trail Runner', 'trail-runner'],
      ['exact title, any case', 'cascade mid gtx', 'cascade-mid-gtx'],
      ['all words in the title', 'waterproof hiking boots', 'trailhead-wp-hiker'],
      ['the category named, best rated in stock', 'hiking boots', 'cascade-mid-gtx'],
      ['the category named', 'headphones', 'studio-m50-headphones'],
      ['title words over keywords', 'wireless headphones', 'aria-anc-headphones'],
      ['words spread over title and keywords', 'noise cancelling earbuds', 'pulse-anc-earbuds'],
      ['title phrase', 'down jacket', 'ember-down-jacket'],
      ['a two-word category', 'sleeping bag', 'alpine-down-bag-20'],
      ['a brand', 'Kestrel Audio', 'studio-m50-headphones'],
      ['an attribute', 'nubuck', 'cascade-mid-gtx'],
      ['the description only', 'jasmine', 'ethiopia-yirgacheffe'],
      ['a hyphenated word', 'gore-tex boots', 'cascade-mid-gtx'],
      ['a hyphenated word closed up', 'goretex boots', 'cascade-mid-gtx'],
      ['a product line', 'turntable', 'spin-belt-turntable'],
    ])('%s: "%s" → %s', async (_, query, first) => {
      expect((await ids({ query }))[0]).toBe(first);
    });

    it('keeps a sold-out product below in-stock ones of equal relevance, even when better rated', async () => {
      expect(await ids({ query: 'travel charger' })).toEqual(['travel-charger-30w', 'travel-charger-65w']);
      const boots = await ids({ query: 'hiking boots' });
      expect(boots).toHaveLength(4);
      expect(boots[3]).toBe('mesa-desert-boot');
    });

    it('ranks real headphones above a headphone stand, and leaves out a cable that merely mentions them', async () => {
      const found = await ids({ query: 'headphones' });
      expect(found.slice(0, 4).sort()).toEqual([
        'aria-anc-headphones',
        'kids-safe-headphones',
        'openair-600-headphones',
        'studio-m50-headphones',
      ]);
      expect(found.slice(4)).toEqual(['walnut-headphone-stand']);
    });

    it('lets filters choose among the kind of product named, not among things that mention it', async () => {
      const found = await search({ query: 'headphones', currency: 'usd', minPrice: 500, maxPrice: 2000 });
      expect(found).toMatchObject({ total: 0, suggestion: 'headphones' });
      expect(await ids({ query: 'cable', currency: 'usd', maxPrice: 2000 })).toEqual(['aux-cable']);
    });

    it('finds every product of a brand and only those', async () => {
      const volt = await search({ query: 'Volt', limit: 24 });
      expect(volt.products.every((p) => p.sellerId === 'volt-audio')).toBe(true);
      expect(volt.products[0].brand).toBe('Volt');
    });
  });

  describe('tolerates typos', () => {
    it.each([
      ['hikking boots', 'cascade-mid-gtx'],
      ['headphnes', 'studio-m50-headphones'],
      ['trail runer', 'trail-runner'],
      ['turntabel', 'spin-belt-turntable'],
      ['ehtiopia', 'ethiopia-yirgacheffe'],
      ['sleping bag', 'alpine-down-bag-20'],
      ['merno socks', 'merino-hiking-socks'],
    ])('"%s" → %s', async (query, first) => {
      expect((await ids({ query }))[0]).toBe(first);
    });

    it('does not "correct" a word the catalog already has', async () => {
      expect(await ids({ query: 'boot' })).not.toContain('daytripper-22-pack');
    });
  });

  describe('understands Japanese', () => {
    it('「コーヒー豆」 finds the coffee beans, the sold-out one last', async () => {
      const found = await ids({ query: 'コーヒー豆' });
      const beans = [
        'ethiopia-yirgacheffe',
        'brazil-cerrado',
        'kissa-house-blend',
        'panama-geisha',
        'jamaica-blue-mountain',
      ];
      expect(found.slice(0, 5).sort()).toEqual([...beans].sort());
      expect(found[4]).toBe('jamaica-blue-mountain');
    });

    it.each([
      ['急須', ['tokoname-kyusu', 'banko-kyusu']],
      ['抹茶', ['uji-ceremonial-matcha', 'matcha-starter-set', 'kyoto-chawan']],
      ['喫茶東京 ハウスブレンド', ['kissa-house-blend']],
      ['浅煎りのコーヒー豆', ['ethiopia-yirgacheffe']],
      ['抹茶の茶碗', ['kyoto-chawan']],
      ['ジャスミン', ['ethiopia-yirgacheffe']],
    ])('「%s」 → %s first', async (query, expected) => {
      const found = await ids({ query });
      expect(found.slice(0, expected.length).sort()).toEqual([...expected].sort());
    });

    it('reads half-width katakana as full-width', async () => {
      expect(await ids({ query: 'ｺｰﾋｰ豆' })).toEqual(await ids({ query: 'コーヒー豆' }));
    });

    it('finds English-only products from common Japanese product words', async () => {
      expect((await ids({ query: 'ヘッドホン' }))[0]).toBe('studio-m50-headphones');
      expect((await ids({ query: 'テント' })).sort()).toEqual(['basecamp-2p-tent', 'featherline-1p-tent']);
    });
  });

  describe('filters', () => {
    it('bounds prices in dollars, in cents', async () => {
      const under = await search({ query: 'headphones', currency: 'usd', maxPrice: 20000 });
      expect(under.products.map((p) => p.id)).toContain('volt-audio:studio-m50-headphones');
      expect(under.products.every((p) => p.price.currency === 'usd' && p.price.amount <= 20000)).toBe(true);
      expect((await ids({ query: 'headphones', currency: 'usd', minPrice: 20000 })).sort()).toEqual([
        'aria-anc-headphones',
        'openair-600-headphones',
      ]);
    });

    it('puts the variant of the asked size and colour on the card, so Buy buys that one', async () => {
      const [card] = (await search({ query: 'Trail Runner', size: '10', color: 'black' })).products;
      expect(card.variant).toMatchObject({
        id: 'trail-runner-black-10',
        options: { color: 'Black', size: '10' },
        price: { amount: 12900, currency: 'usd' },
        availability: 'in_stock',
      });
      // Size 9 comes in three colours: the card does not pick one, Buy asks.
      const [bySize] = (await search({ query: 'Trail Runner', size: '9' })).products;
      expect(bySize.variant).toBeUndefined();
      expect(bySize.options).toEqual({ color: ['Blue', 'Black', 'Orange'], size: ['8', '9', '10', '11'] });
      expect((await search({ query: 'Trail Runner' })).products[0].variant).toBeUndefined();
    });

    it('bounds prices in yen, showing the variant that fits', async () => {
      const cheap = await search({ query: 'コーヒー豆', currency: 'jpy', maxPrice: 5000, limit: 24 });
      expect(cheap.products.map((p) => p.id)).not.toContain('kissa-tokyo:panama-geisha');
      expect(cheap.products.every((p) => p.price.currency === 'jpy' && p.price.amount <= 5000)).toBe(true);
      const large = await search({ query: 'coffee beans', currency: 'jpy', minPrice: 4000, limit: 24 });
      expect(large.products.find((p) => p.id === 'kissa-tokyo:ethiopia-yirgacheffe')?.price).toEqual({
        amount: 4200,
        currency: 'jpy',
      });
    });

    it('applies bounds only to items priced in the given currency', async () => {
      const found = await search({ query: '', currency: 'jpy', maxPrice: 2000, limit: 24 });
      expect(found.products.some((p) => p.price.currency === 'usd' && p.price.amount > 2000)).toBe(true);
      expect(
        found.products.filter((p) => p.price.currency === 'jpy').every((p) => p.price.amount <= 2000),
      ).toBe(true);
    });

    it.each([
      ['boots', ['cascade-mid-gtx', 'mesa-desert-boot', 'summit-pro-leather', 'trailhead-wp-hiker']],
      [
        'headphones',
        ['aria-anc-headphones', 'kids-safe-headphones', 'openair-600-headphones', 'studio-m50-headphones'],
      ],
      ['tent', ['basecamp-2p-tent', 'featherline-1p-tent']],
      [
        'coffee',
        [
          'brazil-cerrado',
          'ethiopia-yirgacheffe',
          'hand-coffee-grinder',
          'jamaica-blue-mountain',
          'kissa-house-blend',
          'panama-geisha',
        ],
      ],
    ])('category "%s"', async (category, expected) => {
      expect((await ids({ category })).sort()).toEqual(expected);
    });

    it.each([
      ['kissa-tokyo', 'kissa-tokyo'],
      ['Volt', 'volt-audio'],
      ['coffee', 'kissa-tokyo'],
      ['the coffee shop', 'kissa-tokyo'],
      ['喫茶東京', 'kissa-tokyo'],
      ['summit outfitters', 'summit-outfitters'],
      ['Sumit Outfitters', 'summit-outfitters'],
    ])('seller "%s" → %s', async (seller, sellerId) => {
      const found = await search({ seller, limit: 24 });
      expect(found.total).toBe(FIXTURE_FEEDS[sellerId as keyof typeof FIXTURE_FEEDS].length);
      expect(found.products.every((p) => p.sellerId === sellerId)).toBe(true);
    });

    it('matches colours on variant options, or on a product’s fixed colour', async () => {
      expect(await ids({ query: 'rain jacket', color: 'red' })).toEqual(['stormshell-rain-jacket']);
      expect(await ids({ query: 'rain jacket', color: 'Navy' })).toEqual(['stormshell-rain-jacket']);
      expect((await ids({ query: 'hiking boots', color: 'brown' })).sort()).toEqual([
        'cascade-mid-gtx',
        'trailhead-wp-hiker',
      ]);
      expect(await ids({ query: 'headphones', color: 'pink' })).toEqual(['kids-safe-headphones']);
      expect(await ids({ query: 'headphones', color: 'gray' })).toEqual([]);
    });

    it('matches sizes, including S/M/L written out', async () => {
      expect((await ids({ query: 'trail runner', size: '10' }))[0]).toBe('trail-runner');
      expect(await ids({ query: 'hiking boots', size: '12' })).toEqual(['trailhead-wp-hiker']);
      expect((await ids({ query: 'rain jacket', size: 'medium' })).sort()).toEqual([
        'drizzle-packable-jacket',
        'stormshell-rain-jacket',
      ]);
      expect(await ids({ query: 'tent', size: '10' })).toEqual([]);
    });

    it('leaves out sold-out products when asked for in-stock only', async () => {
      expect(await ids({ query: 'hiking boots', inStockOnly: true })).not.toContain('mesa-desert-boot');
      expect(await ids({ query: 'hiking boots' })).toContain('mesa-desert-boot');
    });

    it('combines filters on the same variant', async () => {
      const found = await search({
        query: 'trail runner',
        color: 'orange',
        size: '11',
        currency: 'usd',
        maxPrice: 13000,
      });
      expect(found.products.map((p) => p.id)).toEqual(['summit-outfitters:trail-runner']);
      expect(
        await ids({ query: 'trail runner', color: 'orange', size: '11', currency: 'usd', maxPrice: 12000 }),
      ).toEqual([]);
    });
  });

  describe('sorts', () => {
    it('by price, ascending and descending, within what the words name', async () => {
      expect(await ids({ query: 'headphones', sort: 'price_asc' })).toEqual([
        'kids-safe-headphones',
        'studio-m50-headphones',
        'aria-anc-headphones',
        'openair-600-headphones',
      ]);
      expect((await ids({ query: 'hiking boots', sort: 'price_desc' }))[0]).toBe('summit-pro-leather');
    });

    it('by price without mixing currencies: the asked-for currency first', async () => {
      const found = await search({ query: '', sort: 'price_asc', currency: 'jpy', limit: 24 });
      const currencies = found.products.map((p) => p.price.currency);
      expect(currencies[0]).toBe('jpy');
      expect(currencies.lastIndexOf('jpy')).toBeLessThan(currencies.indexOf('usd'));
      const yen = found.products.filter((p) => p.price.currency === 'jpy').map((p) => p.price.amount);
      expect(yen).toEqual([...yen].sort((a, b) => a - b));
    });

    it('by rating, best first', async () => {
      const found = await search({ seller: 'volt-audio', sort: 'rating', limit: 24 });
      const ratings = found.products.map((p) => p.rating?.value ?? 0);
      expect(ratings).toEqual([...ratings].sort((a, b) => b - a));
      expect(found.products[0].id).toBe('volt-audio:walnut-headphone-stand');
    });
  });

  describe('when nothing matches', () => {
    it('suggests the words without the filters', async () => {
      const found = await search({ query: 'headphones', seller: 'kissa-tokyo' });
      expect(found).toMatchObject({ total: 0, products: [], suggestion: 'headphones' });
      expect((await search({ query: 'trail runner', size: '13' })).suggestion).toBe('trail runner');
    });

    it('suggests the word that finds something, or the nearest catalog word', async () => {
      expect((await search({ query: 'kayak paddle boots' })).suggestion).toBe('boots');
      const nonsense = await search({ query: 'zzqx' });
      expect(nonsense.total).toBe(0);
      expect(nonsense.suggestion).toBeTruthy();
      expect((await search({ query: nonsense.suggestion! })).total).toBeGreaterThan(0);
    });

    it('never suggests a filler word, and says when the suggestion is only the biggest category', async () => {
      const sentence = await search({ query: 'an item to take in my car on the way to work' });
      expect(sentence.total).toBe(0);
      expect(['in', 'to', 'my', 'item', 'on', 'the', 'way']).not.toContain(sentence.suggestion);
      expect((await search({ query: 'kayak paddle boots' })).suggestionKind).toBe('fewer_words');
      expect((await search({ query: 'headphones', seller: 'kissa-tokyo' })).suggestionKind).toBe(
        'without_filters',
      );
      expect((await search({ query: 'zzqxwv umbrella' })).suggestionKind).toBe('unrelated');
    });
  });

  it('browses everything with an empty query, best rated in stock first, with card data', async () => {
    const all = await search({ limit: 24 });
    expect(all.total).toBe(TOTAL);
    expect(all.products).toHaveLength(24);
    const card = (await search({ query: 'Trail Runner', limit: 1 })).products[0];
    expect(card).toEqual({
      id: 'summit-outfitters:trail-runner',
      sellerId: 'summit-outfitters',
      sellerName: 'Summit Outfitters',
      title: 'Trail Runner',
      brand: 'Ridgeline',
      category: 'trail running shoes',
      image: 'https://aisle.test/products/summit-outfitters/trail-runner.svg',
      price: { amount: 12900, currency: 'usd' },
      availability: 'in_stock',
      rating: { value: 4.6, count: 412 },
      colors: ['Blue', 'Black', 'Orange'],
      sizes: ['8', '9', '10', '11'],
      options: { color: ['Blue', 'Black', 'Orange'], size: ['8', '9', '10', '11'] },
      shortDescription: 'A light, cushioned trail running shoe with lugs that grip loose dirt and wet rock.',
    });
    expect((await search({ limit: 3 })).products).toHaveLength(3);
  });
});
