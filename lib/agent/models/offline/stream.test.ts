import { getEventListeners } from 'node:events';
import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { TOOL_NAMES, searchProductsInput } from '@/lib/agent/tools/schemas';
import { P, prompt, searched, user, viewed } from './fixtures';
import { createOfflineModel, describeOfflineModel } from './index';
import { chunkText } from './stream';

const tools = TOOL_NAMES.map((name) => ({
  type: 'function' as const,
  name,
  inputSchema: { type: 'object' as const },
}));
const call = (text: string, extra: Partial<LanguageModelV3CallOptions> = {}): LanguageModelV3CallOptions => ({
  prompt: prompt(user(text)),
  tools,
  ...extra,
});

async function collect(
  stream: ReadableStream<LanguageModelV3StreamPart>,
): Promise<LanguageModelV3StreamPart[]> {
  const parts: LanguageModelV3StreamPart[] = [];
  for await (const part of stream as unknown as AsyncIterable<LanguageModelV3StreamPart>) parts.push(part);
  return parts;
}

function counter() {
  let n = 0;
  return () => `id_${++n}`;
}

describe('offline model: the LanguageModelV3 surface', () => {
  it('identifies itself as aisle-offline-1, a v3 model', () => {
    const model = createOfflineModel();
    expect(model.specificationVersion).toBe('v3');
    expect(model.modelId).toBe('aisle-offline-1');
    expect(model.provider).toBe('aisle');
    expect(model.supportedUrls).toEqual({});
    expect(describeOfflineModel()).toMatchObject({
      id: 'aisle-offline-1',
      languages: ['en', 'ja'],
      deterministic: true,
    });
  });

  it('streams a paced text answer as start, metadata, word-sized deltas under one id, then a stop', async () => {
    const { stream } = await createOfflineModel({ generateId: counter(), chunkDelayMs: 1 }).doStream(
      call('hello'),
    );
    const parts = await collect(stream);
    const types = parts.map((p) => p.type);
    expect(types.slice(0, 3)).toEqual(['stream-start', 'response-metadata', 'text-start']);
    expect(types.slice(-2)).toEqual(['text-end', 'finish']);
    const deltas = parts.filter((p) => p.type === 'text-delta');
    expect(deltas.length).toBeGreaterThan(10);
    expect(
      new Set(
        parts.filter((p) => 'id' in p && p.type.startsWith('text')).map((p) => (p as { id: string }).id),
      ),
    ).toEqual(new Set(['id_2']));
    for (const delta of deltas) expect(delta.delta.trim()).not.toMatch(/\s/);
    const finish = parts.at(-1);
    expect(finish).toMatchObject({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' } });
    if (finish?.type !== 'finish') throw new Error('no finish');
    expect(finish.usage.inputTokens.total).toBeGreaterThan(0);
    expect(finish.usage.outputTokens).toEqual({ total: deltas.length, text: deltas.length, reasoning: 0 });
    expect(parts[1]).toMatchObject({ type: 'response-metadata', id: 'id_1', modelId: 'aisle-offline-1' });
  });

  it('streams a tool call as input start, deltas, end and the call, all under one id, then tool-calls', async () => {
    const { stream } = await createOfflineModel({ generateId: counter() }).doStream(
      call('waterproof hiking boots size 10'),
    );
    const parts = await collect(stream);
    expect(parts.map((p) => p.type).filter((t, i, all) => t !== all[i - 1])).toEqual([
      'stream-start',
      'response-metadata',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'finish',
    ]);
    const ids = parts.flatMap((p) =>
      'toolCallId' in p ? [p.toolCallId] : p.type.startsWith('tool-input') && 'id' in p ? [p.id] : [],
    );
    expect(new Set(ids)).toEqual(new Set(['id_2']));
    const toolCall = parts.find((p) => p.type === 'tool-call');
    if (toolCall?.type !== 'tool-call') throw new Error('no tool call');
    expect(toolCall.toolName).toBe('searchProducts');
    expect(typeof toolCall.input).toBe('string');
    expect(JSON.parse(toolCall.input)).toEqual({ query: 'waterproof hiking boots', size: '10' });
    const streamedInput = parts.flatMap((p) => (p.type === 'tool-input-delta' ? [p.delta] : [])).join('');
    expect(streamedInput).toBe(toolCall.input);
    expect(parts.find((p) => p.type === 'tool-input-start')).toMatchObject({ toolName: 'searchProducts' });
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'tool-calls', raw: 'tool-calls' },
    });
  });

  it('gives the same answer through doGenerate as through doStream', async () => {
    const model = createOfflineModel();
    for (const text of ['hi there', 'cheapest headphones', '5000円以下のコーヒー豆', 'ありがとう']) {
      const generated = await model.doGenerate(call(text));
      const parts = await collect((await model.doStream(call(text))).stream);
      const streamedText = parts.flatMap((p) => (p.type === 'text-delta' ? [p.delta] : [])).join('');
      const streamedCall = parts.find((p) => p.type === 'tool-call');
      const [content] = generated.content;
      if (content.type === 'text') expect(streamedText).toBe(content.text);
      else if (content.type === 'tool-call')
        expect(streamedCall).toMatchObject({ toolName: content.toolName, input: content.input });
      expect(generated.finishReason).toEqual((parts.at(-1) as { finishReason: unknown }).finishReason);
      expect(generated.warnings).toEqual([]);
    }
  });

  it('is deterministic: the same prompt always gets the same reply', async () => {
    const model = createOfflineModel({ generateId: () => 'same' });
    const options = {
      prompt: prompt(searched({ query: 'hiking boots' }, [P.hiker, P.trailRunner]), user('the second one')),
      tools,
    };
    const first = await model.doGenerate(options);
    const second = await createOfflineModel({ generateId: () => 'same' }).doGenerate(options);
    expect(second.content).toEqual(first.content);
  });

  it('splits Japanese into several word pieces that join back exactly', () => {
    const text =
      '「コーヒー豆」で2件見つかりました。いちばんのおすすめは喫茶東京の「ブレンド」（¥1,800）です。';
    const pieces = chunkText(text);
    expect(pieces.length).toBeGreaterThan(8);
    expect(pieces.join('')).toBe(text);
    expect(chunkText('I found 8 matches. The top one is $89.00.').join('')).toBe(
      'I found 8 matches. The top one is $89.00.',
    );
  });

  it('sends an unpaced answer as one delta with the same text', async () => {
    const paced = await collect(
      (await createOfflineModel({ chunkDelayMs: 1 }).doStream(call('hello'))).stream,
    );
    const unpaced = await collect((await createOfflineModel().doStream(call('hello'))).stream);
    const text = (parts: typeof paced) => parts.flatMap((p) => (p.type === 'text-delta' ? [p.delta] : []));
    expect(text(unpaced)).toEqual([text(paced).join('')]);
    expect(unpaced.at(-1)).toEqual(paced.at(-1));
  });

  it('waits the configured delay between deltas', async () => {
    const started = Date.now();
    const parts = await collect(
      (await createOfflineModel({ chunkDelayMs: 5 }).doStream(call('thanks'))).stream,
    );
    const deltas = parts.filter((p) => p.type === 'text-delta').length;
    expect(Date.now() - started).toBeGreaterThanOrEqual((deltas - 1) * 4);
  });

  it('stops streaming when the request is aborted', async () => {
    const controller = new AbortController();
    const { stream } = await createOfflineModel({ chunkDelayMs: 1 }).doStream(
      call('help', { abortSignal: controller.signal }),
    );
    const reader = stream.getReader();
    await reader.read();
    controller.abort();
    const rest: string[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest.push(r.value.type);
    expect(rest).not.toContain('finish');
  });

  it('leaves no abort listener behind on the request, however long the answer', async () => {
    const { signal } = new AbortController();
    const parts = await collect(
      (await createOfflineModel({ chunkDelayMs: 1 }).doStream(call('help', { abortSignal: signal }))).stream,
    );
    expect(parts.filter((p) => p.type === 'text-delta').length).toBeGreaterThan(10);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('never calls a tool that is not offered, nor any tool when toolChoice is none', async () => {
    const model = createOfflineModel();
    const onlySearch = [
      { type: 'function' as const, name: 'searchProducts', inputSchema: { type: 'object' as const } },
    ];
    const buying = {
      prompt: prompt(
        searched({ query: 'hiking boots' }, [P.trailRunner]),
        viewed(P.trailRunner),
        user('buy it'),
      ),
      tools: onlySearch,
    };
    const result = await model.doGenerate(buying);
    expect(result.content[0].type).toBe('text');
    expect(result.finishReason.unified).toBe('stop');
    const none = await model.doGenerate({ ...call('cheapest headphones'), toolChoice: { type: 'none' } });
    expect(none.content[0].type).toBe('text');
    const noTools = await model.doGenerate({ prompt: prompt(user('cheapest headphones')) });
    expect(noTools.content[0].type).toBe('text');
  });

  it('keeps every tool input inside the contract, even for a very long message', async () => {
    const model = createOfflineModel();
    const result = await model.doGenerate(call('ultralight waterproof breathable '.repeat(40)));
    const [content] = result.content;
    if (content.type !== 'tool-call') throw new Error('expected a search');
    expect(searchProductsInput.safeParse(JSON.parse(content.input)).success).toBe(true);
  });

  it('answers a tool result with text and a stop, never a second tool call', async () => {
    const model = createOfflineModel();
    const afterSearch = {
      prompt: prompt(user('hiking boots'), searched({ query: 'hiking boots' }, [P.hiker, P.cascade])),
      tools,
    };
    const result = await model.doGenerate(afterSearch);
    expect(result.content).toHaveLength(1);
    expect(result.content[0]).toMatchObject({ type: 'text' });
    expect(result.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
  });
});
