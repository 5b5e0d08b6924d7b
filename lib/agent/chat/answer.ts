import {
  InvalidToolInputError,
  NoSuchToolError,
  stepCountIs,
  streamText,
  type ModelMessage,
  type StepResult,
  type ToolSet,
  type UIMessageStreamWriter,
} from 'ai';
import type { ChatModel } from '@/lib/agent/models';
import { classifyModelFailure, type ModelFailure } from '@/lib/agent/models/openai-failures';
import type { Translator } from '@/lib/i18n';
import { claimsPaymentOrOrder } from './claims';
import type { AgentUIMessage, ChatErrorBody, ChatMetadata, NoticeCode } from './types';

/** Model calls per turn: a search, a detail, a checkout and the answer fit with room to spare. */
const MAX_STEPS = 5;
/** Tool calls per turn, parallel ones included. */
const MAX_TOOL_CALLS = 6;

const FAILURE_SENTENCE = {
  model_misconfigured: 'errorModelMisconfigured',
  model_rate_limited: 'errorModelRateLimited',
  model_unavailable: 'errorModelUnavailable',
  model_timeout: 'errorModelTimeout',
  model_error: 'errorModel',
} as const;

class ToolBudgetError extends Error {
  constructor() {
    super(
      `The tool budget of this turn (${MAX_TOOL_CALLS} calls) is spent: answer with what the results show.`,
    );
    this.name = 'ToolBudgetError';
  }
}

/**
 * Each tool with a per-turn call budget and its failures logged once, by name. The errors it
 * throws are remembered, so the stream's error hook can tell a tool's failure (the model is told
 * and may correct itself) from the provider's (the buyer is told).
 */
function budgeted<T extends ToolSet>(tools: T, toolErrors: WeakSet<object>): T {
  let calls = 0;
  const wrapped = Object.entries(tools).map(([name, tool]) => {
    const execute = tool.execute;
    if (!execute) return [name, tool];
    return [
      name,
      {
        ...tool,
        execute: async (input: unknown, options: Parameters<typeof execute>[1]) => {
          if (++calls > MAX_TOOL_CALLS) {
            const error = new ToolBudgetError();
            toolErrors.add(error);
            throw error;
          }
          try {
            return await execute(input, options);
          } catch (error) {
            if (error instanceof Object) toolErrors.add(error);
            console.error(`[chat] tool ${name} failed:`, error instanceof Error ? error.message : error);
            throw error;
          }
        },
      },
    ];
  });
  return Object.fromEntries(wrapped) as T;
}

const callKey = (call: { toolName: string; input: unknown }) =>
  `${call.toolName}:${JSON.stringify(call.input)}`;

/** The model asks again for exactly what it already got this turn: a loop, not progress. */
function repeatsItself({ steps }: { steps: StepResult<ToolSet>[] }): boolean {
  const last = steps[steps.length - 1];
  const earlier = new Set(steps.slice(0, -1).flatMap((step) => step.toolCalls.map(callKey)));
  return last.toolCalls.length > 0 && last.toolCalls.every((call) => earlier.has(callKey(call)));
}

function toolBudgetSpent({ steps }: { steps: StepResult<ToolSet>[] }): boolean {
  return steps.reduce((sum, step) => sum + step.toolCalls.length, 0) >= MAX_TOOL_CALLS;
}

/**
 * What an answer told the buyer as errors. The UI message stream hands each error chunk it
 * passes to the outer stream's error hook as a new Error; those are already reported.
 */
export class ToldErrors {
  private readonly texts = new Set<string>();
  add(text: string): string {
    this.texts.add(text);
    return text;
  }
  has(error: unknown): boolean {
    return error instanceof Error && this.texts.has(error.message);
  }
}

export interface AnswerInput {
  writer: UIMessageStreamWriter<AgentUIMessage>;
  chatModel: ChatModel;
  system: string;
  messages: ModelMessage[];
  tools: ToolSet;
  abortSignal: AbortSignal;
  t: Translator<'chat'>;
  told: ToldErrors;
}

/**
 * Streams one answer into `writer` and ends it with the server's own findings: the notices
 * (tool budget spent, a payment claim no card backs) and the metadata the chat keeps (tokens
 * used, whether the answer is incomplete: cut off, failed or stopped). A provider failure is logged once, with its
 * cause, and told to the buyer as an error body the UI reads like a refused request.
 */
export async function streamAnswer({
  writer,
  chatModel,
  system,
  messages,
  tools,
  abortSignal,
  t,
  told,
}: AnswerInput) {
  const toolErrors = new WeakSet<object>();
  let failure: ModelFailure | undefined;
  const result = streamText({
    model: chatModel.model,
    system,
    messages,
    tools: budgeted(tools, toolErrors),
    maxOutputTokens: chatModel.maxOutputTokens,
    // A 429 or 5xx is told at once (with the provider's Retry-After), not retried behind "Thinking…".
    maxRetries: 0,
    stopWhen: [stepCountIs(MAX_STEPS), toolBudgetSpent, repeatsItself],
    abortSignal,
    // Reported once, by the UI stream's onError below.
    onError: () => {},
  });

  const describe = (error: unknown): string => {
    // An input the tools refused reaches here as the SDK's error, then as its message: the model is
    // told and may correct itself, so it is no fault of the app's.
    if (
      typeof error === 'string' ||
      InvalidToolInputError.isInstance(error) ||
      NoSuchToolError.isInstance(error)
    ) {
      const message = typeof error === 'string' ? error : error.message;
      console.debug('[chat] tool input refused:', message.slice(0, 300));
      return message;
    }
    if (error instanceof Object && toolErrors.has(error))
      return error instanceof Error ? error.message : String(error);
    failure = classifyModelFailure(error);
    console.error(`[chat] model failure ${failure.code}: ${failure.cause}`);
    const body: ChatErrorBody = {
      error: {
        code: failure.code,
        message: t(FAILURE_SENTENCE[failure.code], { seconds: failure.retryAfterSeconds ?? 0 }),
        ...(failure.retryAfterSeconds ? { retryAfterSeconds: failure.retryAfterSeconds } : {}),
      },
    };
    return JSON.stringify(body);
  };

  for await (const chunk of result.toUIMessageStream<AgentUIMessage>({
    sendStart: false,
    sendFinish: false,
    onError: (error) => told.add(describe(error)),
  }))
    writer.write(chunk);

  if (failure || abortSignal.aborted) {
    const incomplete: ChatMetadata['incomplete'] = failure ? 'failed' : 'stopped';
    writer.write({ type: 'message-metadata', messageMetadata: { incomplete } });
    return;
  }
  const steps = await result.steps;
  const usage = await result.totalUsage;
  const last = steps[steps.length - 1];
  const notices: NoticeCode[] = [];
  // A stream that ended without the provider's finish (the answer is whatever arrived before the
  // cut), or one stopped by the output-token cap.
  const cutOff =
    (last?.finishReason === 'other' && last.rawFinishReason === undefined) || last?.finishReason === 'length';
  if (last?.finishReason === 'tool-calls') notices.push('tool_budget');
  const shownOrders = steps.some((step) =>
    step.toolResults.some(
      (r) => r.toolName === 'getOrders' && ((r.output as { orders?: unknown[] }).orders?.length ?? 0) > 0,
    ),
  );
  if (!shownOrders && claimsPaymentOrOrder(steps.map((step) => step.text).join('\n')))
    notices.push('unverified_claim');
  for (const code of notices) writer.write({ type: 'data-notice', data: { code } });

  const tokens = { inputTokens: usage.inputTokens ?? 0, outputTokens: usage.outputTokens ?? 0 };
  console.debug(
    `[chat] turn: ${steps.length} steps, ${tokens.inputTokens} input / ${tokens.outputTokens} output tokens`,
  );
  writer.write({
    type: 'finish',
    finishReason: last?.finishReason,
    messageMetadata: {
      // The offline model's counts are estimates of its own; only a hosted model's cost money.
      ...(chatModel.kind === 'openai' ? { usage: tokens } : {}),
      ...(cutOff ? { incomplete: 'cut_off' } : {}),
    },
  });
}
