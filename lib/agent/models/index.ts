import type { LanguageModelV3 } from '@ai-sdk/provider';
import { config, type ModelConfig } from '@/lib/config';
import { createOfflineModel } from './offline';
import { createOpenAIModel } from './openai';

/** The model that answers the chat, and the name the UI's badge shows for it. */
export interface ChatModel {
  model: LanguageModelV3;
  kind: ModelConfig['mode'];
  /** The offline model's id or the OpenAI model name. */
  label: string;
  /** The cap on each answer's output tokens (a hosted model's cost). */
  maxOutputTokens?: number;
}

/** Short answers beside cards need far fewer; the cap bounds what one runaway answer can cost. */
const DEFAULT_MAX_OUTPUT_TOKENS = 1024;

/**
 * The one place that picks the chat model: OpenAI when OPENAI_API_KEY is set (model from
 * OPENAI_MODEL, server from OPENAI_BASE_URL), the deterministic offline model otherwise.
 */
export function selectChatModel(
  settings: ModelConfig = config().model,
  { offlineWordDelayMs = config().offlineWordDelayMs }: { offlineWordDelayMs?: number } = {},
): ChatModel {
  if (settings.mode === 'openai') {
    return {
      model: createOpenAIModel(settings),
      kind: 'openai',
      label: settings.model,
      maxOutputTokens: settings.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
    };
  }
  const model = createOfflineModel({ chunkDelayMs: offlineWordDelayMs });
  return { model, kind: 'offline', label: model.modelId };
}

/** The badge text without building a model, for pages that only show it. */
export function chatModelLabel(settings: ModelConfig = config().model): string {
  return settings.mode === 'openai' ? settings.model : selectChatModel(settings).label;
}
