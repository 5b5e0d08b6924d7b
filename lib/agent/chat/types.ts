import type { UIMessage } from 'ai';
import type { ChatTools } from '@/lib/agent/tools';

/** Sent with each assistant message, so the UI can say which model answered. */
export interface ChatMetadata {
  /** The offline model's id or the OpenAI model name. */
  model?: string;
  /** Milliseconds since the epoch. */
  createdAt?: number;
}

/** The chat has no custom data parts: everything a card shows travels as a typed tool output. */
export type ChatDataParts = Record<never, never>;

/** A chat message with typed tool parts: `tool-searchProducts`, `tool-getProduct`, ... */
export type AgentUIMessage = UIMessage<ChatMetadata, ChatDataParts, ChatTools>;
export type AgentUIPart = AgentUIMessage['parts'][number];

/** The longest message a buyer may send, in characters. */
export const MAX_MESSAGE_CHARS = 2000;

/** What a refused chat request answers, as JSON: the UI shows `message` as is. */
export interface ChatErrorBody {
  error: { code: ChatErrorCode; message: string };
}
export type ChatErrorCode =
  | 'invalid_request'
  | 'message_too_long'
  | 'empty_message'
  | 'rate_limited'
  | 'not_found'
  | 'conflict'
  | 'no_buyer';
