import { stepCountIs, streamText, tool, type ModelMessage } from 'ai';
import { describe, expect, it } from 'vitest';
import {
  compareProductsInput,
  getOrdersInput,
  getProductInput,
  searchProductsInput,
  startCheckoutInput,
  updateCheckoutInput,
  type SearchProductsInput,
} from '@/lib/agent/tools/schemas';
import { P, checkoutFor, compareResult, detailOf, productResult, searchResult } from './fixtures';
import { createOfflineModel } from './index';

const JAPANESE_WORDS: Record<string, string> = { コーヒー豆: 'coffee beans', ヘッドホン: 'headphones' };

/** The agent's six tools over fixtures, recording every call the model makes. */
function fixtureTools(calls: Array<{ tool: string; input: unknown }>) {
  const catalog = Object.values(P);
  return {
    searchProducts: tool({
      description: 'Search the catalog.',
      inputSchema: searchProductsInput,
      execute: async (input: SearchProductsInput) => {
        calls.push({ tool: 'searchProducts', input });
        const query = JAPANESE_WORDS[input.query] ?? input.query;
        const words = query.toLowerCase().split(/\s+/).filter(Boolean);
        const found = catalog.filter(
          (p) =>
            words.every((w) => `${p.title} ${p.category}`.toLowerCase().includes(w.replace(/s$/, ''))) &&
            (input.maxPrice === undefined ||
              p.price.currency !== input.currency ||
              p.price.amount <= input.maxPrice),
        );
        return searchResult(input, found);
      },
    }),
    getProduct: tool({
      description: 'One product in detail.',
      inputSchema: getProductInput,
      execute: async (input) => {
        calls.push({ tool: 'getProduct', input });
        const product = catalog.find((p) => p.id === input.productId);
        return productResult(product ? detailOf(product) : null);
      },
    }),
    compareProducts: tool({
      description: 'Compare products.',
      inputSchema: compareProductsInput,
      execute: async (input) => {
        calls.push({ tool: 'compareProducts', input });
        return compareResult(input.productIds.map((id) => detailOf(catalog.find((p) => p.id === id)!)));
      },
    }),
    startCheckout: tool({
      description: 'Prepare a checkout the buyer confirms with Pay.',
      inputSchema: startCheckoutInput,
      execute: async (input) => {
        calls.push({ tool: 'startCheckout', input });
        const [item] = input.items;
        return checkoutFor(
          catalog.find((p) => p.id === item.productId)!,
          item.quantity,
          item.variantId,
        );
      },
    }),
    updateCheckout: tool({
      description: 'Change a checkout.',
      inputSchema: updateCheckoutInput,
      execute: async (input) => {
        calls.push({ tool: 'updateCheckout', input });
        return checkoutFor(P.trailRunner, input.items?.[0]?.quantity ?? 1, undefined, input.checkoutId);
      },
    }),
    getOrders: tool({
      description: 'The buyer’s orders.',
      inputSchema: getOrdersInput,
      execute: async (input) => {
        calls.push({ tool: 'getOrders', input });
        return { orders: [] };
      },
    }),
  };
}

async function turn(messages: ModelMessage[], text: string, calls: Array<{ tool: string; input: unknown }>) {
  messages.push({ role: 'user', content: text });
  const result = streamText({
    model: createOfflineModel({ chunkDelayMs: 1 }), // paced, so the answer arrives word by word
    system: 'You are Aisle, a shopping agent.',
    messages,
    tools: fixtureTools(calls),
    stopWhen: stepCountIs(5),
  });
  const chunks: string[] = [];
  for await (const chunk of result.textStream) chunks.push(chunk);
  messages.push(...(await result.response).messages);
  return {
    chunks,
    text: await result.text,
    steps: await result.steps,
    finishReason: await result.finishReason,
  };
}

describe('offline model inside AI SDK 6 streamText', () => {
  it('searches, then streams a grounded summary word by word', async () => {
    const calls: Array<{ tool: string; input: unknown }> = [];
    const { chunks, text, steps, finishReason } = await turn([], 'waterproof hiking boots under $100', calls);
    expect(calls).toEqual([
      {
        tool: 'searchProducts',
        input: { query: 'waterproof hiking boots', maxPrice: 10000, currency: 'usd' },
      },
    ]);
    expect(steps.map((s) => s.finishReason)).toEqual(['tool-calls', 'stop']);
    expect(finishReason).toBe('stop');
    expect(chunks.length).toBeGreaterThan(10);
    expect(text).toBe(
      'I found 1 match for “waterproof hiking boots” under $100.00. The top match is the Trailhead Waterproof Hiker from Summit Outfitters at $89.00.',
    );
  });

  it('carries a conversation: search, pick, buy in a size, then change the quantity', async () => {
    const calls: Array<{ tool: string; input: unknown }> = [];
    const messages: ModelMessage[] = [];
    await turn(messages, 'trail running shoes', calls);
    const pick = await turn(messages, 'buy the first one in blue, size 10', calls);
    // The size needs the variants, so the model looks the product up and then prepares the checkout.
    expect(pick.steps.map((s) => s.toolCalls.map((c) => c.toolName))).toEqual([
      ['getProduct'],
      ['startCheckout'],
      [],
    ]);
    expect(calls.at(-1)).toEqual({
      tool: 'startCheckout',
      input: { items: [{ productId: P.trailRunner.id, variantId: 'trail-runner-blue-10', quantity: 1 }] },
    });
    expect(pick.text).toContain(
      'Your checkout with Summit Outfitters is ready: 1 × Trail Runner, total $129.00.',
    );
    const change = await turn(messages, 'make it 2', calls);
    expect(calls.at(-1)).toEqual({
      tool: 'updateCheckout',
      input: {
        checkoutId: 'chk_1',
        items: [{ productId: P.trailRunner.id, variantId: 'trail-runner-blue-10', quantity: 2 }],
      },
    });
    expect(change.text).toContain('total $258.00');
  });

  it('speaks Japanese to a Japanese buyer and never pays on request', async () => {
    const calls: Array<{ tool: string; input: unknown }> = [];
    const messages: ModelMessage[] = [];
    const first = await turn(messages, '5000円以下のコーヒー豆', calls);
    expect(calls[0]).toEqual({
      tool: 'searchProducts',
      input: { query: 'コーヒー豆', maxPrice: 5000, currency: 'jpy' },
    });
    expect(first.text).toMatch(/^「コーヒー豆」（¥5,000以下）で/);
    const compare = await turn(messages, '最初の2つを比較して', calls);
    expect(calls.at(-1)?.tool).toBe('compareProducts');
    expect(compare.text).toContain('を比較しました');
    const pay = await turn(messages, '今すぐ支払って', calls);
    expect(pay.steps).toHaveLength(1);
    expect(pay.text).toContain('支払う');
    expect(calls.map((c) => c.tool)).not.toContain('startCheckout');
  });
});
