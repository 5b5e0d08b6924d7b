// What a buyer's browser downloads: the page opened in headless Chromium with a cold cache, every
// script response counted as transferred (gzip, as `next start` sends it) and decoded.
import { chromium, type Page } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import { chatTurn } from './buyers';
import { BUYER_COOKIE } from '@/lib/buyer/identity';

export interface PageWeight {
  scripts: number;
  /** Bytes on the wire (compressed bodies). */
  transferred: number;
  /** Bytes the browser parsed. */
  decoded: number;
}

async function scriptWeight(page: Page, url: string): Promise<PageWeight> {
  const pending: Promise<{ transferred: number; decoded: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const [sizes, body] = await Promise.all([response.request().sizes(), response.body()]);
        return { transferred: sizes.responseBodySize, decoded: body.length };
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const all = await Promise.all(pending);
  return {
    scripts: all.length,
    transferred: all.reduce((sum, s) => sum + s.transferred, 0),
    decoded: all.reduce((sum, s) => sum + s.decoded, 0),
  };
}

/** Script weight of `/` for a first-time buyer, and of a saved chat (one answered message) opened cold. */
export async function measurePageWeights(origin: string): Promise<{ home: PageWeight; chat: PageWeight }> {
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const first = await browser.newContext();
    const home = await scriptWeight(await first.newPage(), `${origin}/`);
    const cookie = (await first.cookies()).find((c) => c.name === BUYER_COOKIE);
    if (!cookie) throw new Error('the first page gave no buyer cookie');
    await chatTurn(
      origin,
      `${cookie.name}=${cookie.value}`,
      'bench-weight',
      'bench-weight-m0',
      'hiking boots',
    );
    // A new context has an empty cache: the saved chat opened as if from a bookmark.
    const second = await browser.newContext();
    await second.addCookies([cookie]);
    const chat = await scriptWeight(await second.newPage(), `${origin}/chat/bench-weight`);
    return { home, chat };
  } finally {
    await browser.close();
  }
}
