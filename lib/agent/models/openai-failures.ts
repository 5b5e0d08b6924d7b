import { APICallError, RetryError } from 'ai';
import { ModelIdleTimeoutError } from './openai';

/**
 * What went wrong with the model provider, in terms the chat can act on: tell the buyer the
 * assistant is misconfigured (a refused key, an unknown model: retrying cannot help), to wait
 * (429, with the provider's Retry-After), or to try again (5xx, a silence, a broken stream).
 */
export interface ModelFailure {
  code: 'model_misconfigured' | 'model_rate_limited' | 'model_unavailable' | 'model_timeout' | 'model_error';
  retryAfterSeconds?: number;
  /** One line for the operator's log: status and the provider's message. Never the key. */
  cause: string;
}

function retryAfter(headers: Record<string, string> | undefined): number | undefined {
  const value = headers?.['retry-after'];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}

export function classifyModelFailure(error: unknown): ModelFailure {
  const inner = RetryError.isInstance(error) ? error.lastError : error;
  if (inner instanceof ModelIdleTimeoutError) return { code: 'model_timeout', cause: inner.message };
  if (APICallError.isInstance(inner)) {
    const status = inner.statusCode;
    const cause = `${status ?? 'no status'} from ${inner.url}: ${inner.message}`;
    if (status === 401 || status === 403)
      return { code: 'model_misconfigured', cause: `the provider refused the API key (${cause})` };
    if (status === 404) return { code: 'model_misconfigured', cause: `unknown model or URL (${cause})` };
    if (status === 429)
      return {
        code: 'model_rate_limited',
        retryAfterSeconds: retryAfter(inner.responseHeaders) ?? 10,
        cause,
      };
    if (status !== undefined && status >= 500) return { code: 'model_unavailable', cause };
    return { code: 'model_error', cause };
  }
  return {
    code: 'model_error',
    cause: inner instanceof Error ? `${inner.name}: ${inner.message}` : String(inner),
  };
}
