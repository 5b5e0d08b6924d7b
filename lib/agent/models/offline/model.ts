import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamResult,
} from '@ai-sdk/provider';
import { readScreen } from './context';
import { decide, type Action } from './intents';
import { CUES } from './lexicon';
import { detectLanguage } from './normalize';
import { renderSay } from './phrasebook';
import {
  contentOf,
  finishReasonOf,
  streamPartsOf,
  toReadableStream,
  usageOf,
  chunkText,
  chunkJson,
  type Reply,
} from './stream';
import { summarize } from './summarize';
import { Utterance } from './utterance';

export const OFFLINE_MODEL_ID = 'aisle-offline-1';
export const OFFLINE_PROVIDER = 'aisle';

export interface OfflineModelOptions {
  /** Pause before each streamed delta, in milliseconds (default 0). */
  chunkDelayMs?: number;
  /** Ids for responses, text parts and tool calls (default: random UUID based). */
  generateId?: () => string;
  /** Clock for response metadata (default: now). */
  now?: () => Date;
}

const defaultId = () => `offline_${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;

/**
 * Chooses this step's reply. After a user message: one tool call or a text answer. After a
 * tool result: a short summary of that result, with one exception: a purchase that needed the
 * product's variants first ("buy the second one in size 10") continues with the checkout.
 */
export function replyTo(options: Pick<LanguageModelV3CallOptions, 'prompt' | 'tools' | 'toolChoice'>): Reply {
  const screen = readScreen(options.prompt);
  // "10", "M", "200g" are in no language: they answer in the language of the conversation.
  const wordless = !/[a-z]{3,}|[\u3040-\u30ff\u4e00-\u9fff]/i.test(screen.userText);
  const lang = detectLanguage(
    wordless && screen.previousUserText ? screen.previousUserText : screen.userText,
  );
  const offered = new Set(
    options.toolChoice?.type === 'none'
      ? []
      : (options.tools ?? []).filter((tool) => tool.type === 'function').map((tool) => tool.name),
  );
  const render = (action: Action): Reply =>
    action.kind === 'tool'
      ? { kind: 'tool', toolName: action.toolName, input: action.input }
      : { kind: 'text', text: renderSay(action.say, lang) };

  const last = options.prompt.at(-1);
  if (last?.role === 'tool') {
    const answered = screen.answered;
    const pendingPurchase =
      answered?.toolName === 'getProduct' &&
      answered.outcome === 'ok' &&
      new Utterance(screen.userText).has(CUES.buy) &&
      !screen.sinceUser.some((event) => event.toolName === 'startCheckout');
    if (pendingPurchase) {
      const action = decide(screen, offered);
      if (
        (action.kind === 'tool' && action.toolName === 'startCheckout') ||
        (action.kind === 'say' && (action.say.key === 'optionUnavailable' || action.say.key === 'askOption'))
      ) {
        return render(action);
      }
    }
    return { kind: 'text', text: summarize(answered, lang) };
  }
  if (last?.role !== 'user') return { kind: 'text', text: summarize(undefined, lang) };
  return render(decide(screen, offered));
}

function promptSize(options: LanguageModelV3CallOptions): number {
  return JSON.stringify(options.prompt).length;
}

export class OfflineLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3' as const;
  readonly provider = OFFLINE_PROVIDER;
  readonly modelId = OFFLINE_MODEL_ID;
  readonly supportedUrls: Record<string, RegExp[]> = {};
  private readonly delayMs: number;
  private readonly generateId: () => string;
  private readonly now: () => Date;

  constructor(options: OfflineModelOptions = {}) {
    this.delayMs = Math.max(0, options.chunkDelayMs ?? 0);
    this.generateId = options.generateId ?? defaultId;
    this.now = options.now ?? (() => new Date());
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const reply = replyTo(options);
    const responseId = this.generateId();
    const partId = this.generateId();
    const pieces = reply.kind === 'text' ? chunkText(reply.text) : chunkJson(JSON.stringify(reply.input));
    return {
      content: contentOf(reply, partId),
      finishReason: finishReasonOf(reply),
      usage: usageOf(promptSize(options), pieces.length),
      warnings: [],
      response: { id: responseId, modelId: this.modelId, timestamp: this.now() },
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const reply = replyTo(options);
    const parts = streamPartsOf(
      reply,
      {
        responseId: this.generateId(),
        partId: this.generateId(),
        modelId: this.modelId,
        timestamp: this.now(),
      },
      promptSize(options),
    );
    return { stream: toReadableStream(parts, this.delayMs, options.abortSignal) };
  }
}
