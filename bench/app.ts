// The app as buyers get it: a production start measured from the outside (a browser, HTTP, /proc).
import pg from 'pg';
import { measurePageWeights, type PageWeight } from './browser';
import { chatLoad, chatTurn, newBuyer, p50p95, summarize } from './buyers';
import { startProduction, type ProductionServer } from './production';
import { ms } from './stats';
import type { BenchRow } from './types';

const TARGET = {
  pageKb: 150,
  rssPglite: 300,
  rssPostgres: 200,
  firstStartPeak: 500,
  loadTotalP95: 300,
  loadFirstByteP95: 50,
  firstText: 25,
};
const BUYERS = 20;
/** Each buyer's messages, two to a chat: 20 buyers make 100 chats and 200 messages. */
const MESSAGES_EACH = 10;

/** Where a fresh PostgreSQL database can be created for the run (trust auth on this machine). */
const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (value: number) => `${Math.round(value)} MB`;

function weightRow(page: string, weight: PageWeight): BenchRow {
  return {
    name: `${page} first-load JS in Chromium (gzip, cold cache)`,
    target: `≤ ${TARGET.pageKb} KB`,
    result: `${kb(weight.transferred)} in ${weight.scripts} scripts (${kb(weight.decoded)} decoded)`,
    ok: weight.transferred / 1024 <= TARGET.pageKb,
  };
}

/** A few pages and chats, so the code paths a buyer uses are loaded before memory is read. */
async function warmUp(origin: string) {
  const cookie = await newBuyer(origin);
  for (let i = 0; i < 5; i++) {
    await chatTurn(origin, cookie, `warm-${i}`, `warm-${i}-m0`, i % 2 ? 'hello' : 'hiking boots');
    for (const page of ['/', `/chat/warm-${i}`, '/orders', '/wallet']) {
      const response = await fetch(`${origin}${page}`, { headers: { cookie } });
      await response.arrayBuffer();
    }
  }
}

/** First text of one buyer alone, new chats, server warmed up. */
async function aloneFirstText(origin: string): Promise<number> {
  const cookie = await newBuyer(origin);
  const timings = [];
  for (let i = 0; i < 30; i++)
    timings.push(await chatTurn(origin, cookie, `alone-${i}`, `alone-${i}-m0`, i % 2 ? 'hello' : 'boots'));
  return summarize(timings, 'firstText').p50;
}

async function measureServer(
  server: ProductionServer,
  engine: 'PGlite' | 'PostgreSQL',
  withBrowser: boolean,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const ready = server.memory();
  if (engine === 'PGlite')
    rows.push({
      name: 'server first start (new data folder): peak RSS until ready',
      target: `≤ ${TARGET.firstStartPeak} MB`,
      result: mb(ready.peak),
      ok: ready.peak <= TARGET.firstStartPeak,
    });
  if (withBrowser) {
    const { home, chat } = await measurePageWeights(server.origin);
    rows.push(weightRow('/', home), weightRow('/chat/<id>', chat));
  }
  await warmUp(server.origin);
  const warm = server.memory();
  const firstText = await aloneFirstText(server.origin);
  const { timings, wall } = await chatLoad(server.origin, BUYERS, MESSAGES_EACH, engine.toLowerCase());
  const loaded = server.memory();
  const limit = engine === 'PGlite' ? TARGET.rssPglite : TARGET.rssPostgres;
  const total = summarize(timings, 'total');
  const firstByte = summarize(timings, 'firstByte');
  const first = summarize(timings, 'firstText');
  rows.push(
    {
      name: `server RSS on ${engine}: at ready / after warm-up / after ${(BUYERS * MESSAGES_EACH) / 2} chats`,
      target: `≤ ${limit} MB after`,
      result: `${mb(ready.rss)} / ${mb(warm.rss)} / ${mb(loaded.rss)} (peak ${mb(loaded.peak)})`,
      ok: loaded.rss <= limit,
    },
    {
      name: `offline first text, one buyer (${engine})`,
      target: `≤ ${TARGET.firstText} ms p50`,
      result: ms(firstText),
      ok: firstText <= TARGET.firstText,
    },
    {
      name: `${BUYERS} buyers at once, ${timings.length} messages (${engine}): total`,
      target: `p95 ≤ ${TARGET.loadTotalP95} ms`,
      result: `${p50p95(timings, 'total')}; ${(timings.length / (wall / 1000)).toFixed(0)} msg/s`,
      ok: total.p95 <= TARGET.loadTotalP95,
    },
    {
      name: `${BUYERS} buyers at once (${engine}): first byte / first text`,
      target: `first byte p95 ≤ ${TARGET.loadFirstByteP95} ms`,
      result: `${p50p95(timings, 'firstByte')} / ${p50p95(timings, 'firstText')}`,
      ok: firstByte.p95 <= TARGET.loadFirstByteP95 && first.count === timings.length,
    },
  );
  return rows;
}

export async function runAppBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const pglite = await startProduction();
  try {
    rows.push(...(await measureServer(pglite, 'PGlite', true)));
  } finally {
    await pglite.stop();
  }

  const name = `aisle_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    rows.push({
      name: 'server on PostgreSQL',
      target: '-',
      result: `not measured: ${POSTGRES_ADMIN_URL} refused (${error instanceof Error ? error.message : error})`,
      ok: false,
    });
    return rows;
  }
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    const server = await startProduction({ databaseUrl: url.toString() });
    try {
      rows.push(...(await measureServer(server, 'PostgreSQL', false)));
    } finally {
      await server.stop();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return rows;
}
