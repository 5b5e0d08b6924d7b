'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgentUIMessage } from '@/lib/agent/chat/types';
import { newChatId } from './chat-id';
import { applyChunk, chunkReader, newAnswer } from './ui-message-stream';

export type ChatStatus = 'submitted' | 'streaming' | 'ready' | 'error';

export interface TurnEnd {
  /** The answer as far as it came (possibly empty). */
  message: AgentUIMessage;
  messages: AgentUIMessage[];
  isError: boolean;
  isAbort: boolean;
  isDisconnect: boolean;
}

/** The longest the page waits before showing more of a streaming answer: one render per 40 ms at most. */
const RENDER_EVERY_MS = 40;

/**
 * The conversation's state and its one request: POST /api/chat with the chat id and the new
 * message (the server owns the history), the answer read as it streams. A refusal's JSON body
 * becomes the error's message, for `chat-error.ts` to turn into a sentence.
 */
export function useAgentChat({
  chatId,
  initialMessages,
  onFinish,
  onError,
}: {
  chatId: string;
  initialMessages: AgentUIMessage[];
  onFinish: (end: TurnEnd) => void;
  onError: (error: Error) => void;
}) {
  const [messages, setShown] = useState(initialMessages);
  const [shownStatus, setStatus] = useState<ChatStatus>('ready');
  const status = useRef<ChatStatus>('ready');
  const [error, setError] = useState<Error | undefined>();
  const current = useRef(initialMessages);
  const inFlight = useRef<AbortController | null>(null);
  const callbacks = useRef({ onFinish, onError });
  useEffect(() => {
    callbacks.current = { onFinish, onError };
  }, [onFinish, onError]);

  const setMessages = useCallback(
    (update: AgentUIMessage[] | ((messages: AgentUIMessage[]) => AgentUIMessage[])) => {
      current.current = typeof update === 'function' ? update(current.current) : update;
      setShown(current.current);
    },
    [],
  );

  const run = useCallback(
    async (history: AgentUIMessage[], trigger: 'submit-message' | 'regenerate-message') => {
      const controller = new AbortController();
      inFlight.current = controller;
      setMessages(history);
      setError(undefined);
      setStatus((status.current = 'submitted'));
      const answer = newAnswer(newChatId());
      let timer: ReturnType<typeof setTimeout> | undefined;
      const show = () => {
        timer = undefined;
        if (answer.message.parts.length === 0 && !answer.message.metadata) return;
        const copy = { ...answer.message, parts: answer.message.parts.map((part) => ({ ...part })) };
        setMessages([...history, copy]);
      };
      const end: Omit<TurnEnd, 'message' | 'messages'> = {
        isError: false,
        isAbort: false,
        isDisconnect: false,
      };
      try {
        const response = await fetch('/api/chat', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: chatId, message: history[history.length - 1], trigger }),
          signal: controller.signal,
        });
        if (!response.ok || !response.body)
          throw new Error((await response.text()) || `The chat answered ${response.status}.`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        const events = chunkReader();
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          for (const chunk of events.push(read.value)) {
            if (chunk.type === 'error') throw new Error(chunk.errorText);
            if (chunk.type === 'abort') end.isAbort = true;
            applyChunk(answer, chunk);
          }
          if (status.current !== 'streaming') {
            setStatus((status.current = 'streaming'));
            show();
          } else timer ??= setTimeout(show, RENDER_EVERY_MS);
        }
      } catch (failure) {
        if (controller.signal.aborted) end.isAbort = true;
        else {
          const problem = failure instanceof Error ? failure : new Error(String(failure));
          end.isError = true;
          end.isDisconnect = problem instanceof TypeError;
          setError(problem);
          callbacks.current.onError(problem);
        }
      } finally {
        clearTimeout(timer);
        show();
        inFlight.current = null;
      }
      setStatus((status.current = end.isError ? 'error' : 'ready'));
      callbacks.current.onFinish({ ...end, message: answer.message, messages: current.current });
    },
    [chatId, setMessages],
  );

  const sendMessage = useCallback(
    ({ text }: { text: string }) =>
      run(
        [...current.current, { id: newChatId(), role: 'user', parts: [{ type: 'text', text }] }],
        'submit-message',
      ),
    [run],
  );

  /** Asks again for the answer to the last message, replacing what came of it. */
  const regenerate = useCallback(() => {
    const all = current.current;
    const lastUser = all.findLastIndex((m) => m.role === 'user');
    if (lastUser < 0) return Promise.resolve();
    return run(all.slice(0, lastUser + 1), 'regenerate-message');
  }, [run]);

  const stop = useCallback(() => inFlight.current?.abort(), []);

  return { messages, status: shownStatus, error, sendMessage, regenerate, stop, setMessages };
}
