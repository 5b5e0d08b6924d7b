import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModelV3, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { wrapLanguageModel } from 'ai';

export interface OpenAIModelSettings {
  apiKey: string;
  model: string;
  baseURL?: string;
  api?: 'responses' | 'chat';
  idleTimeoutMs?: number;
}

const DEFAULT_IDLE_TIMEOUT_MS = 20_000;

/**
 * An OpenAI chat model. With a `baseURL` (Ollama, vLLM, LM Studio, ...) it speaks the Chat
 * Completions API, the one OpenAI-compatible servers implement; against OpenAI itself it uses the
 * Responses API, OpenAI's current API for tool-calling models. `api` overrides the choice (a
 * compatible server that speaks Responses, or the tests' fake). The provider is given
 * `idleTimeoutMs` between tokens, and the time to the first one, before the app gives up on it.
 */
export function createOpenAIModel(settings: OpenAIModelSettings): LanguageModelV3 {
  const provider = createOpenAI({ apiKey: settings.apiKey, baseURL: settings.baseURL });
  const api = settings.api ?? (settings.baseURL ? 'chat' : 'responses');
  const model = api === 'chat' ? provider.chat(settings.model) : provider.responses(settings.model);
  return withIdleTimeout(model, settings.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS);
}

/** The provider sent nothing for `ms`: the app's own timeout, not the provider's. */
export class ModelIdleTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no token from the model for ${ms / 1000} s`);
    this.name = 'ModelIdleTimeoutError';
  }
}

/**
 * Aborts a streamed call when the provider is silent for `ms`: before its response starts, or
 * between two chunks. Tool execution is not timed here (it runs between model calls).
 */
function withIdleTimeout(model: LanguageModelV3, ms: number): LanguageModelV3 {
  return wrapLanguageModel({
    model,
    middleware: {
      specificationVersion: 'v3',
      wrapStream: async ({ doStream, params }) => {
        const idle = new AbortController();
        const timeout = new ModelIdleTimeoutError(ms);
        let timer = setTimeout(() => idle.abort(timeout), ms);
        const rearm = () => {
          clearTimeout(timer);
          timer = setTimeout(() => idle.abort(timeout), ms);
        };
        params.abortSignal = params.abortSignal
          ? AbortSignal.any([params.abortSignal, idle.signal])
          : idle.signal;
        const told = (error: unknown) => (idle.signal.aborted ? timeout : error);
        let result: Awaited<ReturnType<typeof doStream>>;
        try {
          result = await doStream();
        } catch (error) {
          clearTimeout(timer);
          throw told(error);
        }
        rearm();
        const reader = result.stream.getReader();
        const stream = new ReadableStream<LanguageModelV3StreamPart>({
          async pull(controller) {
            try {
              const { done, value } = await reader.read();
              if (done) {
                clearTimeout(timer);
                if (idle.signal.aborted) controller.enqueue({ type: 'error', error: timeout });
                controller.close();
                return;
              }
              rearm();
              controller.enqueue(
                value.type === 'error' ? { type: 'error', error: told(value.error) } : value,
              );
            } catch (error) {
              clearTimeout(timer);
              controller.error(told(error));
            }
          },
          cancel(reason) {
            clearTimeout(timer);
            return reader.cancel(reason);
          },
        });
        return { ...result, stream };
      },
    },
  });
}
