import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertProducts } from '@/lib/agent/catalog/store';
import { handleChatRequest } from '@/lib/agent/chat/handler';
import { BOOTS_FEED } from '@/lib/agent/chat/fixtures';
import { loadMessages } from '@/lib/agent/chat/store';
import { chatRequest, readChunks, streamedText } from '@/lib/agent/chat/testing';
import type { AgentUIMessage } from '@/lib/agent/chat/types';
import { loadConfig } from '@/lib/config';
import type { Database } from '@/lib/db/client';
import { openTestDatabase } from '@/lib/db/testing';
import { selectChatModel } from './index';

/**
 * A stand-in for an OpenAI-compatible server (Ollama, vLLM, ...): streaming Chat Completions that
 * first call `searchProducts`, then, once the tool result comes back, answer in text.
 */
function chunk(delta: Record<string, unknown>, finish: string | null = null) {
  return `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1_760_000_000, model: 'local-test-model', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

function reply(body: { messages: Array<{ role: string }> }): string {
  if (!body.messages.some((m) => m.role === 'tool')) {
    return [
      chunk({
        role: 'assistant',
        content: null,
        tool_calls: [
          { index: 0, id: 'call_1', type: 'function', function: { name: 'searchProducts', arguments: '' } },
        ],
      }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"query":"waterproof hiking boots",' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '"maxPrice":20000,"currency":"usd"}' } }] }),
      chunk({}, 'tool_calls'),
      'data: [DONE]\n\n',
    ].join('');
  }
  return [
    chunk({ role: 'assistant', content: 'The **Trailhead** is the best match.' }),
    chunk({}, 'stop'),
    'data: [DONE]\n\n',
  ].join('');
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const part of request) body += part;
  return body;
}

let server: Server;
let baseURL: string;
const requests: Array<{
  path: string;
  authorization?: string;
  body: Record<string, unknown> & { messages: Array<{ role: string }> };
}> = [];
let database: Database;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = JSON.parse(await readBody(request));
    requests.push({ path: request.url ?? '', authorization: request.headers.authorization, body });
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(reply(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  database = await openTestDatabase();
  await upsertProducts(database.db, {
    sellerId: 'summit-outfitters',
    products: BOOTS_FEED,
    fallbackSellerName: 'Summit Outfitters',
    now: new Date(),
  });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.close();
});

describe('the OpenAI path', () => {
  it('streams cards from a tool call made by an OpenAI-compatible server at OPENAI_BASE_URL', async () => {
    const settings = loadConfig({
      OPENAI_API_KEY: 'local-key',
      OPENAI_MODEL: 'local-test-model',
      OPENAI_BASE_URL: baseURL,
    }).model;
    const chatModel = selectChatModel(settings);
    expect(chatModel).toMatchObject({ kind: 'openai', label: 'local-test-model' });

    const response = await handleChatRequest(
      chatRequest('chat-openai', 'u1', 'waterproof hiking boots under $200'),
      {
        db: database.db,
        buyerId: 'buyer_openai',
        locale: 'en',
        model: chatModel,
        rateLimitPerMinute: 100,
      },
    );
    const chunks = await readChunks(response);

    const output = chunks.find((c) => c.type === 'tool-output-available');
    const products =
      output && 'output' in output
        ? (output.output as { products: Array<{ title: string; price: { currency: string } }> }).products
        : [];
    expect(products.map((p) => p.title)).toContain('Trailhead Waterproof Hiker');
    expect(products.every((p) => p.price.currency === 'usd')).toBe(true);
    expect(streamedText(chunks)).toBe('The **Trailhead** is the best match.');
    expect(chunks.find((c) => c.type === 'start')).toMatchObject({
      messageMetadata: { model: 'local-test-model' },
    });

    // Chat Completions (what compatible servers speak), with our key, system prompt and tool contract.
    expect(requests[0].path).toBe('/v1/chat/completions');
    expect(requests[0].authorization).toBe('Bearer local-key');
    expect(requests[0].body).toMatchObject({ model: 'local-test-model', stream: true });
    expect(JSON.stringify(requests[0].body.messages[0])).toContain('can NEVER pay');
    const tools = (requests[0].body.tools as Array<{ function: { name: string } }>).map(
      (t) => t.function.name,
    );
    expect(tools).toEqual(expect.arrayContaining(['searchProducts', 'getProduct', 'compareProducts']));
    // The second step carries the tool result back to the model.
    expect(requests[1].body.messages.some((m) => m.role === 'tool')).toBe(true);

    const saved = await loadMessages<AgentUIMessage>(database.db, 'chat-openai');
    expect(
      saved[1].parts.some((p) => p.type === 'tool-searchProducts' && p.state === 'output-available'),
    ).toBe(true);
  });

  it('uses the Responses API against OpenAI itself', () => {
    const chatModel = selectChatModel({ mode: 'openai', apiKey: 'sk-test', model: 'gpt-5-mini' });
    expect(chatModel.model.provider).toBe('openai.responses');
  });
});
