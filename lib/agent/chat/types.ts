import type { UIMessage } from 'ai';
import type { ModelFailure } from '@/lib/agent/models/openai-failures';
import type { ChatTools } from '@/lib/agent/tools';

/** Sent with each assistant message, so the UI can say which model answered. */
export interface ChatMetadata {
  /** The offline model's id or the OpenAI model name. */
  model?: string;
  /** Milliseconds since the epoch. */
  createdAt?: number;
  /**
   * Set when the answer did not finish: the stream was cut before the model's finish, the
   * provider failed, or the buyer stopped it. Shown on screen, and not replayed to the model as
   * a whole answer.
   */
  incomplete?: 'cut_off' | 'failed' | 'stopped';
  /** Tokens the answer cost, over all of its steps (hosted models report them). */
  usage?: { inputTokens: number; outputTokens: number };
}

/**
 * Notices the server adds to an answer, shown in the buyer's language: the tool budget of the
 * turn ran out; the text claims a payment or an order that no card shows.
 */
export type NoticeCode = 'tool_budget' | 'unverified_claim';

/** Cards travel as typed tool outputs; the only data part is the server's notice. */
export type ChatDataParts = { notice: { code: NoticeCode } };

/** A chat message with typed tool parts: `tool-searchProducts`, `tool-getProduct`, ... */
export type AgentUIMessage = UIMessage<ChatMetadata, ChatDataParts, ChatTools>;
export type AgentUIPart = AgentUIMessage['parts'][number];

/** The longest message a buyer may send, in characters. */
export const MAX_MESSAGE_CHARS = 2000;

/** What a refused chat request answers, as JSON: the UI shows `message` as is. */
export interface ChatErrorBody {
  error: {
    code: ChatErrorCode;
    message: string;
    /** With `model_rate_limited`: when to try again. */ retryAfterSeconds?: number;
  };
}
export type ChatErrorCode =
  | 'invalid_request'
  | 'message_too_long'
  | 'empty_message'
  | 'rate_limited'
  | 'not_found'
  | 'conflict'
  | 'no_buyer'
  | ModelFailure['code'];
