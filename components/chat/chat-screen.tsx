'use client';

import { useCallback, useState, type MouseEvent } from 'react';
import { useT } from '@/components/i18n-provider';
import type { ChatSummary } from '@/lib/agent/chat/store';
import { chatTitle } from '@/lib/agent/chat/title';
import type { AgentUIMessage } from '@/lib/agent/chat/types';
import { newChatId } from './chat-id';
import { ChatSidebar } from './chat-sidebar';
import { Conversation } from './conversation';
import { LinkOriginsProvider } from './link-origins';

/** The chat page: the buyer's chats beside the conversation, with the model that answers. */
export function ChatScreen({
  chatId: savedChatId,
  initialMessages,
  chats: initialChats,
  modelLabel,
  linkOrigins,
}: {
  /** A saved chat's id; none for a new chat. */
  chatId?: string;
  initialMessages: AgentUIMessage[];
  chats: ChatSummary[];
  modelLabel: string;
  /** Origins whose links render live in answers (lib/agent/chat/link-origins.ts). */
  linkOrigins: string[];
}) {
  const t = useT('chat');
  // A new chat's id is made in the browser and kept in state, so a refresh of the page cannot swap it mid-answer.
  const [chatId, setChatId] = useState(() => savedChatId ?? newChatId());
  const [chats, setChats] = useState(initialChats);
  const [promoted, setPromoted] = useState(savedChatId !== undefined);

  const onSaved = useCallback(
    (firstMessage: string, turn: { complete: boolean }) => {
      const now = new Date().toISOString();
      setChats((current) => {
        const existing = current.find((c) => c.id === chatId);
        const entry = existing
          ? { ...existing, updatedAt: now }
          : { id: chatId, title: chatTitle(firstMessage), createdAt: now, updatedAt: now };
        return [entry, ...current.filter((c) => c.id !== chatId)];
      });
      // The new chat now exists on the server: give it its own address, without a reload or a remount
      // (the buyer may be typing the next message). A failed first turn keeps "/" and its Retry.
      if (!promoted && turn.complete) {
        setPromoted(true);
        window.history.replaceState(null, '', `/chat/${chatId}`);
      }
    },
    [chatId, promoted],
  );

  /** "New chat" from a chat that started on this page: start afresh in place; elsewhere the link navigates to "/". */
  const onNewChat = useCallback(
    (event: MouseEvent) => {
      if (savedChatId !== undefined || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      setChatId(newChatId());
      setPromoted(false);
      window.history.pushState(null, '', '/');
    },
    [savedChatId],
  );

  return (
    <div className="grid gap-4 md:grid-cols-[14rem_minmax(0,1fr)] lg:gap-8">
      <ChatSidebar chats={chats} currentId={chatId} onNewChat={onNewChat} />
      <div className="min-w-0">
        <div className="mb-2 flex justify-end">
          <span
            data-testid="model-badge"
            title={t('answeredBy', { model: modelLabel })}
            className="rounded-full border border-line bg-surface px-2.5 py-0.5 text-xs text-muted"
          >
            {t('answeredBy', { model: modelLabel })}
          </span>
        </div>
        <LinkOriginsProvider value={linkOrigins}>
          <Conversation
            key={chatId}
            chatId={chatId}
            initialMessages={chatId === savedChatId ? initialMessages : []}
            onSaved={onSaved}
          />
        </LinkOriginsProvider>
      </div>
    </div>
  );
}
