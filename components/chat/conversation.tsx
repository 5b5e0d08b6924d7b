'use client';

import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '@/components/i18n-provider';
import { ProductActionsProvider, type ProductActions } from '@/components/product/product-actions';
import { buyRequest } from '@/components/product/variant-label';
import type { AgentUIMessage } from '@/lib/agent/chat/types';
import { Composer } from './composer';
import { EmptyState } from './empty-state';
import { canRetry, errorCode, errorSentence, retryAfterSeconds } from './chat-error';
import { ChatMessage } from './message';
import { RetryButton } from './retry-button';
import { ToolProgress } from './tool-progress';

/**
 * The client sends only the chat id and the new message; the server owns the history (and every
 * tool output in it), so nothing in the browser can rewrite what the agent saw or decided.
 */
const transport = new DefaultChatTransport<AgentUIMessage>({
  api: '/api/chat',
  prepareSendMessagesRequest: ({ id, messages, trigger }) => ({
    body: { id, message: messages[messages.length - 1], trigger },
  }),
});

function plainText(message: AgentUIMessage): string {
  return message.parts
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join(' ')
    .replace(/[*_`#[\]]/g, '')
    .trim();
}

export function Conversation({
  chatId,
  initialMessages,
  onSaved,
}: {
  chatId: string;
  initialMessages: AgentUIMessage[];
  /** Called when the server has stored a turn of this chat (its title is the first message); `complete` unless it failed or was stopped. */
  onSaved: (firstMessage: string, turn: { complete: boolean }) => void;
}) {
  const t = useT('chat');
  const [input, setInput] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const { messages, sendMessage, status, stop, error, regenerate, setMessages } = useChat<AgentUIMessage>({
    id: chatId,
    messages: initialMessages,
    transport,
    experimental_throttle: 40,
    onFinish: ({ message, messages: all, isError, isAbort, isDisconnect }) => {
      const first = all.find((m) => m.role === 'user');
      if (first && all.some((m) => m.role === 'assistant'))
        onSaved(plainText(first), { complete: !isError && !isAbort && !isDisconnect });
      if (!isError && message.role === 'assistant') setAnnouncement(plainText(message));
    },
    onError: (failure) => {
      // A message refused for its content never reached the server: give its text back to edit.
      const code = errorCode(failure);
      if (code === 'message_too_long' || code === 'empty_message') {
        setMessages((current) => {
          const last = current[current.length - 1];
          if (last?.role === 'user') setInput(plainText(last));
          return last?.role === 'user' ? current.slice(0, -1) : current;
        });
      }
    },
  });

  // One message at a time: useChat drops a message sent while a reply streams.
  const ready = status === 'ready' || status === 'error';
  const busy = status === 'submitted' || status === 'streaming';

  const send = useCallback(
    (text: string) => {
      if (!ready || !text.trim()) return false;
      void sendMessage({ text: text.trim() });
      return true;
    },
    [ready, sendMessage],
  );

  const actions = useMemo<ProductActions>(
    () => ({
      details: (product) => void send(t('askDetails', { title: product.title })),
      // Buying is a message to the agent: it prepares the checkout, and only Pay on that card spends.
      buy: (product, variant) => void send(buyRequest(t, product, variant)),
      ask: (text) => void send(text),
      busy: !ready,
    }),
    [send, t, ready],
  );

  // Follow the answer as it grows, unless the buyer has scrolled up to read.
  const stickToBottom = useRef(true);
  useEffect(() => {
    const onScroll = () => {
      const doc = document.documentElement;
      stickToBottom.current = window.innerHeight + window.scrollY >= doc.scrollHeight - 160;
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);
  useEffect(() => {
    if (stickToBottom.current && messages.length > 0)
      window.scrollTo({ top: document.documentElement.scrollHeight });
  }, [messages]);

  const last = messages[messages.length - 1];
  // What the chat has cost so far, for whoever runs the app (hosted models report tokens).
  const tokens = messages.reduce(
    (sum, m) => ({
      input: sum.input + (m.metadata?.usage?.inputTokens ?? 0),
      output: sum.output + (m.metadata?.usage?.outputTokens ?? 0),
    }),
    { input: 0, output: 0 },
  );
  const waiting =
    status === 'submitted' ||
    (status === 'streaming' &&
      last?.role === 'assistant' &&
      last.parts.every((p) => p.type === 'step-start'));

  return (
    <ProductActionsProvider value={actions}>
      <div className="flex min-h-[calc(100dvh-9rem)] min-w-0 flex-col">
        <section
          aria-label={t('conversation')}
          data-testid="chat-messages"
          data-status={status}
          className="flex-1 space-y-5 pb-4"
        >
          {messages.length === 0 ? (
            <EmptyState onPick={(text) => send(text)} disabled={!ready} />
          ) : (
            messages.map((message, i) => (
              <ChatMessage key={message.id} message={message} live={busy && i === messages.length - 1} />
            ))
          )}
          {waiting && <ToolProgress label={t('thinking')} />}
          {error && (
            <div
              role="alert"
              data-testid="chat-error"
              className="flex flex-wrap items-center gap-3 rounded-xl border border-bad/40 bg-surface p-3 text-sm"
            >
              <span className="flex-1 text-bad">{errorSentence(error, t)}</span>
              {canRetry(error) && (
                <RetryButton
                  key={error.message}
                  waitSeconds={retryAfterSeconds(error)}
                  onRetry={() => void regenerate()}
                />
              )}
            </div>
          )}
        </section>
        {tokens.input + tokens.output > 0 && (
          <p data-testid="chat-tokens" className="text-right text-[11px] text-muted">
            {t('chatTokens', tokens)}
          </p>
        )}
        <div aria-live="polite" className="sr-only">
          {announcement}
        </div>
        <div className="sticky bottom-0 bg-gradient-to-t from-canvas from-70% to-transparent pb-3 pt-4">
          <Composer
            value={input}
            onValueChange={setInput}
            canSend={ready}
            busy={busy}
            onStop={() => void stop()}
            onSend={(text) => {
              if (send(text)) setInput('');
            }}
          />
        </div>
      </div>
    </ProductActionsProvider>
  );
}
