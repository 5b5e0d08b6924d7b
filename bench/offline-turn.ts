import type { LanguageModelV3FunctionTool, LanguageModelV3Prompt } from '@ai-sdk/provider';
import { searchCatalog } from '@/lib/agent/catalog/search';
import { replyTo } from '@/lib/agent/models/offline/model';
import { TOOL_NAMES, type SearchProductsInput } from '@/lib/agent/tools/schemas';
import type { Db } from '@/lib/db/client';
import { ms, percentile, timeRuns } from './stats';
import type { BenchRow } from './types';

/** What shoppers type first, in both languages: product words, sizes, needs, plans, typos, misses. */
const SAYINGS = [
  'waterproof hiking boots size 10',
  "we're going camping next week, what tent would you recommend?",
  'something warm for winter camping',
  'wireless earbuds under $100',
  'do you sell umbrellas?',
  'waterprof hikng boots',
  'rain jacket in red',
  'everything from Volt Audio',
  'best rated headphones',
  'サイズ10の防水ハイキングブーツ',
  '5000円以下のコーヒー豆',
  'ワイヤレスイヤホン',
];

const TOOLS: LanguageModelV3FunctionTool[] = TOOL_NAMES.map((name) => ({
  type: 'function',
  name,
  inputSchema: { type: 'object' },
}));

/**
 * One offline model turn over the 10,000-product catalog: read the message and choose the search
 * (intent), run it (search), and write the reply from its result (reply), as the chat does.
 */
export async function offlineTurnRows(db: Db, runs: number): Promise<BenchRow[]> {
  const turn = async (i: number) => {
    const text = SAYINGS[((i % SAYINGS.length) + SAYINGS.length) % SAYINGS.length];
    const asked: LanguageModelV3Prompt = [{ role: 'user', content: [{ type: 'text', text }] }];
    const call = replyTo({ prompt: asked, tools: TOOLS });
    if (call.kind !== 'tool' || call.toolName !== 'searchProducts')
      throw new Error(`no search for “${text}”`);
    const output = await searchCatalog(db, call.input as SearchProductsInput);
    const answered: LanguageModelV3Prompt = [
      ...asked,
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 'c1', toolName: call.toolName, input: call.input }],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c1',
            toolName: call.toolName,
            output: { type: 'json', value: output },
          },
        ],
      },
    ];
    if (replyTo({ prompt: answered, tools: TOOLS }).kind !== 'text') throw new Error('no reply');
  };
  for (let i = 0; i < SAYINGS.length; i++) await turn(i + 1);
  const samples = await timeRuns(runs, turn);
  const p95 = percentile(samples, 95);
  return [
    {
      name: `offline model turn p95 (intent + search + reply), ${runs} turns`,
      target: '≤ 20 ms',
      result: `${ms(p95)} (p50 ${ms(percentile(samples, 50))})`,
      ok: p95 <= 20,
    },
  ];
}
