// Chat latency in-process: the route's handler called with a real Request, the offline model answering.
import { upsertProducts } from '@/lib/agent/catalog/store';
import { handleChatRequest } from '@/lib/agent/chat/handler';
import { BOOTS_FEED } from '@/lib/agent/chat/fixtures';
import { chatRequest } from '@/lib/agent/chat/testing';
import { selectChatModel } from '@/lib/agent/models';
import { openDatabase } from '@/lib/db/client';
import { ms, percentile } from './stats';
import type { BenchRow } from './types';

const RUNS = 60;
const WARMUP = 5;
const PROMPTS = ['waterproof hiking boots', 'hiking boots under $150', 'hello', 'cheapest boots in size 10'];

/** Time to the first byte of the streamed answer, and to the whole answer, for new chats. */
export async function runChatBench(): Promise<BenchRow[]> {
  const database = await openDatabase({ mode: 'memory' });
  try {
    const { db } = database;
    await upsertProducts(db, {
      sellerId: 'summit-outfitters',
      products: BOOTS_FEED,
      fallbackSellerName: 'Summit Outfitters',
      now: new Date(),
    });
    const model = selectChatModel({ mode: 'offline' }, { offlineWordDelayMs: 0 });
    const firstByte: number[] = [];
    const complete: number[] = [];
    for (let i = -WARMUP; i < RUNS; i++) {
      const request = chatRequest(
        `bench-${i + WARMUP}`,
        `m-${i + WARMUP}`,
        PROMPTS[(i + WARMUP) % PROMPTS.length],
      );
      const start = performance.now();
      const response = await handleChatRequest(request, {
        db,
        buyerId: 'buyer_bench',
        locale: 'en',
        model,
        rateLimitPerMinute: 1_000_000,
      });
      const reader = response.body!.getReader();
      await reader.read();
      const first = performance.now() - start;
      while (!(await reader.read()).done);
      const all = performance.now() - start;
      if (i >= 0) {
        firstByte.push(first);
        complete.push(all);
      }
    }
    const p50 = percentile(firstByte, 50);
    return [
      { name: 'chat first byte p50 (offline model)', target: '≤ 30 ms', result: ms(p50), ok: p50 <= 30 },
      {
        name: 'chat full answer p50 (offline model, saved)',
        target: 'report',
        result: ms(percentile(complete, 50)),
        ok: true,
      },
    ];
  } finally {
    await database.close();
  }
}
