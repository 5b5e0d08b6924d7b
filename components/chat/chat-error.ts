import type { ChatErrorBody, ChatErrorCode } from '@/lib/agent/chat/types';
import type { Translator } from '@/lib/i18n';

/** The server's refusal, when the error is one (`useAgentChat` puts the response body in `message`). */
function refusal(error: Error): ChatErrorBody['error'] | null {
  try {
    const body = JSON.parse(error.message) as Partial<ChatErrorBody>;
    return body.error && typeof body.error.message === 'string' ? body.error : null;
  } catch {
    return null;
  }
}

export function errorCode(error: Error): ChatErrorCode | null {
  return refusal(error)?.code ?? null;
}

/** Seconds to wait before trying again, when the server or the model provider said. */
export function retryAfterSeconds(error: Error): number | null {
  return refusal(error)?.retryAfterSeconds ?? null;
}

/** Errors that trying again cannot fix: the buyer's message, the chat's address, the assistant's setup. */
export function canRetry(error: Error): boolean {
  const code = errorCode(error);
  return code !== 'message_too_long' && code !== 'not_found' && code !== 'model_misconfigured';
}

/** One sentence for the buyer: the server's own when it refused, else what went wrong in their words. */
export function errorSentence(error: Error, t: Translator<'chat'>): string {
  const refused = refusal(error);
  if (refused) return refused.message;
  if (error.name === 'TypeError' || /failed to fetch|network|load failed/i.test(error.message))
    return t('errorOffline');
  // Stream errors carry the server's sentence (handler onError); anything long is not for people.
  return error.message && error.message.length <= 200 && !error.message.includes('{')
    ? error.message
    : t('errorGeneric');
}
