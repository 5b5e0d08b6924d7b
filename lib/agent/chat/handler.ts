import { createIdGenerator, createUIMessageStream, createUIMessageStreamResponse } from 'ai';
import { z } from 'zod';
import { selectChatModel, type ChatModel } from '@/lib/agent/models';
import { systemPrompt } from '@/lib/agent/prompts';
import { buildAgentTools } from '@/lib/agent/tools';
import { buyerIntent } from '@/lib/agent/tools/buyer-intent';
import { config } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import { hitRateLimit } from '@/lib/db/rate-limit';
import { translator } from '@/lib/i18n';
import type { Locale } from '@/lib/i18n/locales';
import { streamAnswer, ToldErrors } from './answer';
import { modelHistory } from './history';
import { deleteMessagesAfter, loadMessages, openChat, saveMessages, touchChat } from './store';
import { MAX_MESSAGE_CHARS, type AgentUIMessage, type ChatErrorBody, type ChatErrorCode } from './types';

export interface ChatDeps {
  db: Db;
  /** The buyer of this request (from `requireBuyer()`): the only one whose chats it may touch. */
  buyerId: string;
  locale: Locale;
  /** Defaults to the configured model (`selectChatModel()`). */
  model?: ChatModel;
  /** Defaults to `config().chatRateLimitPerMinute`. */
  rateLimitPerMinute?: number;
  now?: () => Date;
  /** How tools reach sellers (checkout); the global fetch unless a test routes it in-process. */
  fetch?: typeof fetch;
}

const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

/**
 * What the browser sends: the chat id and the one new user message, text only. History, tool
 * outputs and approvals never come from the client; the server loads them from its database.
 */
const chatRequest = z.object({
  id,
  message: z.object({
    id,
    role: z.literal('user'),
    parts: z
      .array(z.object({ type: z.literal('text'), text: z.string() }))
      .min(1)
      .max(8),
  }),
  trigger: z.enum(['submit-message', 'regenerate-message']).optional(),
});

/** Anything larger is not a chat message, whatever it claims to be. */
const MAX_BODY_BYTES = 64 * 1024;
const WINDOW_MS = 60_000;
const newMessageId = createIdGenerator({ prefix: 'msg', size: 20 });

function refuse(
  status: number,
  code: ChatErrorCode,
  message: string,
  headers?: Record<string, string>,
): Response {
  const body: ChatErrorBody = { error: { code, message } };
  return Response.json(body, { status, headers });
}

/**
 * POST /api/chat: validates, rate-limits, loads the chat from the database, streams the model's
 * answer as a UI message stream, and saves the answer (parts included) when the stream ends or
 * is stopped. The route file is a thin wrapper that supplies the database and the buyer.
 */
export async function handleChatRequest(request: Request, deps: ChatDeps): Promise<Response> {
  const t = translator(deps.locale, 'chat');
  const raw = await request.text();
  if (raw.length > MAX_BODY_BYTES)
    return refuse(413, 'message_too_long', t('errorTooLong', { max: MAX_MESSAGE_CHARS }));
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return refuse(400, 'invalid_request', t('errorInvalid'));
  }
  const parsed = chatRequest.safeParse(json);
  if (!parsed.success) return refuse(400, 'invalid_request', t('errorInvalid'));
  const { id: chatId, message } = parsed.data;
  const text = message.parts.map((part) => part.text).join('\n');
  if (Array.from(text).length > MAX_MESSAGE_CHARS)
    return refuse(413, 'message_too_long', t('errorTooLong', { max: MAX_MESSAGE_CHARS }));
  if (!text.trim()) return refuse(400, 'empty_message', t('errorEmpty'));

  const { db, buyerId } = deps;
  const limit = await hitRateLimit(db, {
    bucket: `chat:${buyerId}`,
    limit: deps.rateLimitPerMinute ?? config().chatRateLimitPerMinute,
    windowMs: WINDOW_MS,
    now: deps.now?.(),
  });
  if (!limit.allowed) {
    const seconds = limit.retryAfterSeconds;
    return refuse(429, 'rate_limited', t('errorRateLimited', { seconds }), {
      'Retry-After': String(seconds),
    });
  }

  const opened = await openChat(db, { chatId, buyerId, firstMessage: text });
  if (opened.kind === 'not_found') return refuse(404, 'not_found', t('errorNotFound'));

  const chatModel = deps.model ?? selectChatModel();
  // A hosted model is a guest: it reads seller text only as quoted data, its history is bounded,
  // and it may put into a checkout only what the buyer wrote.
  const guest = chatModel.kind === 'openai';
  const responseId = newMessageId();
  const told = new ToldErrors();
  const userMessage: AgentUIMessage = {
    id: message.id,
    role: 'user',
    parts: message.parts.map((part) => ({ type: 'text', text: part.text })),
    metadata: { createdAt: (deps.now?.() ?? new Date()).getTime() },
  };

  // The checks that deserve an HTTP status are done; the answer starts now, and the history is
  // read while the browser already shows the agent's message.
  const stream = createUIMessageStream<AgentUIMessage>({
    execute: async ({ writer }) => {
      writer.write({
        type: 'start',
        messageId: responseId,
        messageMetadata: { model: chatModel.label, createdAt: Date.now() },
      });
      const history = await recordUserMessage(db, chatId, opened.created, userMessage);
      const buyerTexts = history.flatMap((m) =>
        m.role === 'user' ? m.parts.flatMap((p) => (p.type === 'text' ? [p.text] : [])) : [],
      );
      const tools = buildAgentTools({
        db,
        buyerId,
        locale: deps.locale,
        fetch: deps.fetch,
        guest: guest ? buyerIntent(buyerTexts) : undefined,
      });
      await streamAnswer({
        writer,
        chatModel,
        system: systemPrompt({ locale: deps.locale, now: deps.now?.() }),
        messages: await modelHistory(history, { tools, bounded: guest }),
        tools,
        abortSignal: request.signal,
        t,
        told,
      });
    },
    onFinish: async ({ responseMessage }) => {
      // Runs when the stream ends, fails or is stopped (the body is cancelled): the parts so far are kept.
      if (responseMessage.parts.length === 0) return;
      await saveMessages(db, chatId, [responseMessage]);
      await touchChat(db, chatId);
    },
    // What the answer's own error hook did not report: a conflict, or a fault of the app's.
    onError: (error) => {
      if (told.has(error)) return (error as Error).message;
      if (error instanceof ChatConflictError) return t('errorConflict');
      console.error('[chat]', error instanceof Error ? error.message : error);
      return t('errorGeneric');
    },
  });
  return createUIMessageStreamResponse({ stream });
}

class ChatConflictError extends Error {
  readonly code = 'conflict';
}

/**
 * Stores the buyer's message and returns the conversation the model should answer. The same
 * message sent again (a retry, or a request the network repeated) is answered anew: its old
 * answer is dropped instead of the message being stored twice.
 */
async function recordUserMessage(
  db: Db,
  chatId: string,
  created: boolean,
  message: AgentUIMessage,
): Promise<AgentUIMessage[]> {
  const history = created ? [] : await loadMessages<AgentUIMessage>(db, chatId);
  const known = history.findIndex((m) => m.id === message.id);
  if (known >= 0) {
    if (history[known].role !== 'user') throw new ChatConflictError('message id belongs to an answer');
    await deleteMessagesAfter(db, chatId, message.id);
    return history.slice(0, known + 1);
  }
  const refused = await saveMessages(db, chatId, [message]);
  if (refused.length > 0) throw new ChatConflictError('message id belongs to another chat');
  return [...history, message];
}
