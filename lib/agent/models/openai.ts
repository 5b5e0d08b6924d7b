import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModelV3 } from '@ai-sdk/provider';

export interface OpenAIModelSettings {
  apiKey: string;
  model: string;
  baseURL?: string;
}

/**
 * An OpenAI chat model. With a `baseURL` (Ollama, vLLM, LM Studio, ...) it speaks the Chat
 * Completions API, the one OpenAI-compatible servers implement; against OpenAI itself it uses the
 * Responses API, OpenAI's current API for tool-calling models.
 */
export function createOpenAIModel(settings: OpenAIModelSettings): LanguageModelV3 {
  const provider = createOpenAI({ apiKey: settings.apiKey, baseURL: settings.baseURL });
  return settings.baseURL ? provider.chat(settings.model) : provider.responses(settings.model);
}
