import { readUIMessageStream, type UIMessageChunk } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertProducts } from '@/lib/agent/catalog/store';
import { BOOTS_FEED } from '@/lib/agent/chat/fixtures';
import { handleChatRequest } from '@/lib/agent/chat/handler';
import { chatRequest } from '@/lib/agent/chat/testing';
import type { AgentUIMessage } from '@/lib/agent/chat/types';
import { selectChatModel } from '@/lib/agent/models';
import { openDatabase, type Database } from '@/lib/db/client';
import { applyChunk, chunkReader, newAnswer } from './ui-message-stream';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ mode: 'memory' });
  await upsertProducts(database.db, {
    sellerId: 'summit-outfitters',
    products: BOOTS_FEED,
    fallbackSellerName: 'Summit Outfitters',
    now: new Date(),
  });
});
afterAll(() => database.close());

/** The raw server-sent events /api/chat answers for one turn, from the real handler and offline model. */
async function answerEvents(chatId: string, text: string): Promise<string> {
  const response = await handleChatRequest(chatRequest(chatId, `${chatId}-m0`, text), {
    db: database.db,
    buyerId: 'buyer_stream_reader_test_',
    locale: 'en',
    model: selectChatModel({ mode: 'offline' }, { offlineWordDelayMs: 0 }),
    rateLimitPerMinute: 1000,
  });
  return response.text();
}

/** What the AI SDK's own client makes of the same chunks. */
async function sdkMessage(chunks: UIMessageChunk[]): Promise<AgentUIMessage | undefined> {
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  let last: AgentUIMessage | undefined;
  for await (const message of readUIMessageStream<AgentUIMessage>({ stream })) last = message;
  return last;
}

/** Our reader, fed the events in pieces of `size` characters as a network might cut them. */
function ourMessage(events: string, size: number): AgentUIMessage {
  const reader = chunkReader();
  const answer = newAnswer('pending');
  for (let i = 0; i < events.length; i += size)
    for (const chunk of reader.push(events.slice(i, i + size))) applyChunk(answer, chunk);
  return answer.message;
}

describe('the chat page reader of the UI message stream', () => {
  it.each([
    ['a text answer', 'hello'],
    ['a search with product cards', 'waterproof hiking boots'],
    ['a search with filters', 'hiking boots under $150'],
    ['a search that finds nothing', 'zzqx flibber gadget'],
  ])('builds the same message as the AI SDK for %s', async (_kind, text) => {
    const events = await answerEvents(`reader-${text.replace(/\W+/g, '-')}`, text);
    const chunks = chunkReader().push(events);
    expect(chunks.length).toBeGreaterThan(3);
    const expected = await sdkMessage(chunks);
    for (const size of [7, 64, events.length]) expect(ourMessage(events, size)).toEqual(expected);
  });

  it('keeps the server’s notices (data parts) as the AI SDK does', async () => {
    const chunks: UIMessageChunk[] = [
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Your payment is complete!' },
      { type: 'text-end', id: 't1' },
      { type: 'finish-step' },
      { type: 'data-notice', data: { code: 'unverified_claim' } },
      { type: 'data-notice', id: 'n1', data: { code: 'tool_budget' } },
      { type: 'data-notice', id: 'n1', data: { code: 'unverified_claim' } },
      { type: 'data-notice', data: { code: 'tool_budget' }, transient: true },
      { type: 'finish' },
    ];
    const answer = newAnswer('pending');
    for (const chunk of chunks) applyChunk(answer, chunk);
    expect(answer.message).toEqual(await sdkMessage(chunks));
    expect(answer.message.parts.filter((p) => p.type === 'data-notice')).toHaveLength(2);
  });

  it('keeps a tool call that has started but not finished as input-streaming', () => {
    const answer = newAnswer('m');
    applyChunk(answer, { type: 'start-step' });
    applyChunk(answer, { type: 'tool-input-start', toolCallId: 'c1', toolName: 'searchProducts' });
    applyChunk(answer, { type: 'tool-input-delta', toolCallId: 'c1', inputTextDelta: '{"query":"bo' });
    expect(answer.message.parts[1]).toMatchObject({ type: 'tool-searchProducts', state: 'input-streaming' });
    applyChunk(answer, { type: 'tool-input-delta', toolCallId: 'c1', inputTextDelta: 'ots"}' });
    expect(answer.message.parts[1]).toMatchObject({ input: { query: 'boots' } });
  });
});
