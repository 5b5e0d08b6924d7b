/**
 * Aisle's offline model: a deterministic LanguageModelV3 that understands English and Japanese
 * shopping requests well enough to drive the agent's tools without an API key.
 */
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { OFFLINE_MODEL_ID, OFFLINE_PROVIDER, OfflineLanguageModel, type OfflineModelOptions } from './model';

export type { OfflineModelOptions } from './model';

export function createOfflineModel(options: OfflineModelOptions = {}): LanguageModelV3 {
  return new OfflineLanguageModel(options);
}

export interface OfflineModelDescription {
  id: string;
  provider: string;
  /** Short label for the model badge. */
  label: string;
  description: string;
  languages: Array<'en' | 'ja'>;
  deterministic: true;
}

/** Metadata for the UI's model badge. */
export function describeOfflineModel(): OfflineModelDescription {
  return {
    id: OFFLINE_MODEL_ID,
    provider: OFFLINE_PROVIDER,
    label: 'Offline model',
    description:
      'A built-in, deterministic model used when no OPENAI_API_KEY is set. It understands English and Japanese shopping requests.',
    languages: ['en', 'ja'],
    deterministic: true,
  };
}
