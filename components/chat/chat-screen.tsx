'use client';

import { useCallback, useState } from 'react';
import { useT } from '@/components/i18n-provider';
import type { ChatSummary } from '@/lib/agent/chat/store';
import { chatTitle } from '@/lib/agent/chat/title';
import type { AgentUIMessage } from '@/lib/agent/chat/types';
import { ChatSidebar } from './chat-sidebar';
import { Conversation } from './conversation';

/** The chat page: the buyer's chats beside the conversation, with the model that answers. */
export function ChatScreen({
  chatId,
  initialMessages,
  chats: initialChats,
  modelLabel,
  isNew,
}: {
  chatId: string;
  initialMessages: AgentUIMessage[];
  chats: ChatSummary[];
  modelLabel: string;
  isNew: boolean;
}) {
  const t = useT('chat');
  const [chats, setChats] = useState(initialChats);
  const [promoted, setPromoted] = useState(!isNew);

  const onSaved = useCallback(
    (firstMessage: string) => {
      const now = new Date().toISOString();
      setChats((current) => {
        const existing = current.find((c) => c.id === chatId);
        const entry = existing ? { ...existing, updatedAt: now } : { id: chatId, title: chatTitle(firstMessage), createdAt: now, updatedAt: now };
        return [entry, ...current.filter((c) => c.id !== chatId)];
      });
      if (!promoted) {
        // The new chat now exists on the server: give it its own address without reloading.
        window.history.replaceState(null, '', `/chat/${chatId}`);
        setPromoted(true);
      }
    },
    [chatId, promoted],
  );

  return (
    <div className="grid gap-4 md:grid-cols-[14rem_minmax(0,1fr)] lg:gap-8">
      <ChatSidebar chats={chats} currentId={chatId} />
      <div className="min-w-0">
        <div className="mb-2 flex justify-end">
          <span data-testid="model-badge" title={t('answeredBy', { model: modelLabel })} className="rounded-full border border-line bg-surface px-2.5 py-0.5 text-xs text-muted">
            {t('answeredBy', { model: modelLabel })}
          </span>
        </div>
        <Conversation chatId={chatId} initialMessages={initialMessages} onSaved={onSaved} />
      </div>
    </div>
  );
}
