import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { SearchProductsInput } from '@/lib/agent/tools/schemas';
import { handleSellerFeedRequest } from '@/lib/agent/catalog/feed-handler';
import { searchCatalog } from '@/lib/agent/catalog/search';
import { feedIdFor } from '@/lib/agent/catalog/store';
import { GENERATED_SELLERS, generateCatalog } from '@/lib/agent/catalog/testing/generate';
import { openDatabase } from '@/lib/db/client';
import { ms, percentile, timeRuns } from './stats';
import type { BenchRow } from './types';

/**
 * The agent catalog on in-memory PGlite: ingest through the Feed API handler (JSON parse, schema
 * validation, batched writes), the first search (index build), an incremental price change
 * becoming searchable, and search latency over a mix of 200 queries; at 10,000 products and at
 * 100,000, with the memory the ingest and the index keep.
 */

const QUERY_COUNT = 200;
/** Products per Feed API request, as a seller with a large catalog would page its pushes. */
const PRODUCTS_PER_PUSH = 10_000;

interface CatalogTargets {
  ingestMs: number;
  buildMs: number;
  updateMs: number;
  searchP95Ms: number;
}

const TEN_THOUSAND: CatalogTargets = { ingestMs: 5000, buildMs: 3000, updateMs: 250, searchP95Ms: 15 };
const HUNDRED_THOUSAND: CatalogTargets = {
  ingestMs: 15_000,
  buildMs: 15_000,
  updateMs: 500,
  searchP95Ms: 10,
};

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Heap in use and resident memory after a full collection, in MB. */
function settledMemory(): { heap: number; rss: number } {
  collectGarbage();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed / 1e6 + usage.external / 1e6, rss: usage.rss / 1e6 };
}

/** Process CPU time in ms: on a shared machine it says what the work cost when wall time cannot. */
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/**
 * 200 searches a shopper and a model would make: words, typos, Japanese, filters, sorts, browsing,
 * misses. `shift` gives another mix of the same kinds (for warming up without pre-answering).
 */
function queryMix(titles: string[], shift = 0): SearchProductsInput[] {
  const words = [
    'hiking boots',
    'waterproof hiking boots',
    'trail shoe',
    'tent',
    'ultralight tent',
    'sleeping bag',
    'rain jacket',
    'backpack',
    'headlamp',
    'socks',
    'water bottle',
    'trekking poles',
    'headphones',
    'wireless headphones',
    'noise cancelling earbuds',
    'bluetooth speaker',
    'turntable',
    'microphone',
    'usb cable',
    'charger',
    'amplifier',
    'soundbar',
    'dac',
    'coffee beans',
    'single origin coffee',
    'teapot',
    'matcha',
    'green tea',
    'dripper',
    'drip kettle',
    'coffee grinder',
    'mug',
    'tea bowl',
    'merino wool',
    'gore-tex',
    'walnut',
    'Kestrel Audio',
    'Ridgeline',
    'Arita Kiln',
    'copper kettle',
  ];
  const typos = [
    'hikking boots',
    'headphnes',
    'turntabel',
    'sleping bag',
    'backpak',
    'microphne',
    'teapott',
    'speakr',
    'coffe beans',
    'treking poles',
  ];
  const japanese = [
    'コーヒー豆',
    '急須',
    '抹茶',
    '緑茶',
    '浅煎りのコーヒー豆',
    'ドリッパー',
    'コーヒーミル',
    'マグカップ',
    'ヘッドホン',
    'テント',
  ];
  const filters: Array<Partial<SearchProductsInput>> = [
    {},
    {},
    { currency: 'usd', maxPrice: 10000 },
    { currency: 'jpy', maxPrice: 5000 },
    { color: 'blue' },
    { size: '10' },
    { sort: 'price_asc' },
    { sort: 'rating' },
    { inStockOnly: true },
    { seller: 'volt' },
    { seller: '喫茶東京' },
    { category: 'headphones' },
    { sort: 'price_desc', currency: 'usd', minPrice: 5000 },
    { color: 'black', sort: 'price_asc' },
  ];
  const out: SearchProductsInput[] = [];
  for (let i = shift * 7; out.length < QUERY_COUNT; i++) {
    const kind = i % 10;
    if (kind < 5) out.push({ query: words[i % words.length], ...filters[i % filters.length] });
    else if (kind === 5) out.push({ query: typos[i % typos.length] });
    else if (kind === 6)
      out.push({
        query: japanese[i % japanese.length],
        ...(i % 3 === 0 ? { currency: 'jpy', maxPrice: 4000 } : {}),
      });
    else if (kind === 7) out.push({ query: titles[(i * 7919) % titles.length] });
    else if (kind === 8)
      out.push({
        query: '',
        ...filters[(i + 3) % filters.length],
        seller: ['summit', 'volt', 'kissa'][i % 3],
      });
    else
      out.push({
        query: i % 20 === 9 ? 'zzqx flibber' : 'headphones',
        ...(i % 20 === 9 ? {} : { seller: 'kissa-tokyo' }),
      });
  }
  return out;
}

export const runCatalogBench = () => catalogRows(10_000, TEN_THOUSAND);
export const runLargeCatalogBench = () => catalogRows(100_000, HUNDRED_THOUSAND);

async function catalogRows(products: number, target: CatalogTargets): Promise<BenchRow[]> {
  const database = await openDatabase({ mode: 'memory' });
  const { db } = database;
  try {
    const catalog = generateCatalog(products);
    const bodies = GENERATED_SELLERS.flatMap((seller) => {
      const products = catalog[seller.sellerId];
      const pushes = [];
      for (let i = 0; i < products.length; i += PRODUCTS_PER_PUSH)
        pushes.push({ seller, body: JSON.stringify({ products: products.slice(i, i + PRODUCTS_PER_PUSH) }) });
      return pushes;
    });
    const megabytes = bodies.reduce((sum, b) => sum + b.body.length, 0) / 1e6;
    const variants = Object.values(catalog).reduce(
      (sum, products) => sum + products.reduce((n, p) => n + p.variants.length, 0),
      0,
    );

    const before = settledMemory();
    const ingestCpu = cpuMs();
    const ingestStart = performance.now();
    for (const { seller, body } of bodies) {
      const request = new Request(`http://localhost/feeds/${feedIdFor(seller.sellerId)}/products`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const response = await handleSellerFeedRequest(
        request,
        { sellerId: seller.sellerId, displayName: seller.name },
        { db },
      );
      if (response.status !== 200)
        throw new Error(`ingest failed: ${response.status} ${await response.text()}`);
    }
    const ingest = performance.now() - ingestStart;
    const ingestCost = cpuMs() - ingestCpu;
    const ingested = settledMemory();

    const buildCpu = cpuMs();
    const buildStart = performance.now();
    const first = await searchCatalog(db, { query: 'hiking boots' });
    const build = performance.now() - buildStart;
    const buildCost = cpuMs() - buildCpu;
    if (first.total === 0) throw new Error('the generated catalog is not searchable');
    const indexed = settledMemory();

    // One product's price changes; the next search must see it.
    const changed = structuredClone(catalog['volt-audio'][0]);
    changed.variants = changed.variants.map((v) => ({ ...v, price: { amount: 123, currency: 'USD' } }));
    const request = new Request('http://localhost/feeds/feed_volt-audio/products', {
      method: 'PATCH',
      body: JSON.stringify({ products: [changed] }),
    });
    const updateStart = performance.now();
    await handleSellerFeedRequest(request, { sellerId: 'volt-audio', displayName: 'Volt Audio' }, { db });
    const seen = await searchCatalog(db, { query: changed.title!, limit: 1 });
    const update = performance.now() - updateStart;
    if (seen.products[0]?.price.amount !== 123) throw new Error('the price change was not searchable');

    const titles = Object.values(catalog).flatMap((products) => products.map((p) => p.title ?? p.id));
    const queries = queryMix(titles);
    // A server that has answered some searches: code paths compiled, but not these queries' answers.
    for (const warmup of queryMix(titles, 1)) await searchCatalog(db, warmup);
    const cpuSamples: number[] = [];
    const samples = await timeRuns(queries.length, async (i) => {
      const before = cpuMs();
      await searchCatalog(db, queries[Math.max(0, i)]);
      if (i >= 0) cpuSamples.push(cpuMs() - before);
    });
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    const size = products.toLocaleString('en');
    return [
      {
        name: `feed ingest, ${size} products / ${variants.toLocaleString('en')} variants (${megabytes.toFixed(1)} MB)`,
        target: `≤ ${target.ingestMs / 1000} s`,
        result: `${ms(ingest)} (cpu ${ms(ingestCost)})`,
        ok: ingest <= target.ingestMs,
      },
      {
        name: `catalog (${size}): first search (index build)`,
        target: `≤ ${target.buildMs / 1000} s`,
        result: `${ms(build)} (cpu ${ms(buildCost)})`,
        ok: build <= target.buildMs,
      },
      {
        name: `catalog (${size}): memory kept by the ingest / by the index`,
        target: 'report',
        result: `+${Math.round(ingested.heap - before.heap)} MB / +${Math.round(indexed.heap - ingested.heap)} MB JS heap (process RSS ${Math.round(indexed.rss)} MB)`,
        ok: true,
      },
      {
        name: `catalog (${size}): price change → searchable`,
        target: `≤ ${target.updateMs} ms`,
        result: ms(update),
        ok: update <= target.updateMs,
      },
      {
        name: `catalog (${size}) search p95, ${QUERY_COUNT} mixed queries`,
        target: `≤ ${target.searchP95Ms} ms`,
        result: `${ms(p95)} (p50 ${ms(p50)}; cpu p95 ${ms(percentile(cpuSamples, 95))})`,
        ok: p95 <= target.searchP95Ms,
      },
    ];
  } finally {
    await database.close();
  }
}
