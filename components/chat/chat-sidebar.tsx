'use client';

import Link from 'next/link';
import type { MouseEvent } from 'react';
import { useT } from '@/components/i18n-provider';
import type { ChatSummary } from '@/lib/agent/chat/store';

function ChatList({ chats, currentId }: { chats: ChatSummary[]; currentId: string }) {
  const t = useT('chat');
  if (chats.length === 0) return <p className="px-2 py-1 text-sm text-muted">{t('noChats')}</p>;
  return (
    <ul role="list" data-testid="chat-list" className="space-y-0.5">
      {chats.map((chat) => (
        <li key={chat.id}>
          <Link
            href={`/chat/${chat.id}`}
            aria-current={chat.id === currentId ? 'page' : undefined}
            className={`block truncate rounded-lg px-2 py-1.5 text-sm ${chat.id === currentId ? 'bg-surface-2 font-medium' : 'text-muted hover:bg-surface-2 hover:text-ink'}`}
          >
            {chat.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function NewChatLink({ onClick }: { onClick: (event: MouseEvent) => void }) {
  const t = useT('chat');
  return (
    <Link
      href="/"
      onClick={onClick}
      data-testid="new-chat"
      className="block rounded-lg border border-line bg-surface px-3 py-1.5 text-center text-sm font-medium hover:bg-surface-2"
    >
      + {t('newChat')}
    </Link>
  );
}

/** The buyer's chats, newest first, and a way to start a new one. On a phone it folds into a menu. */
export function ChatSidebar({
  chats,
  currentId,
  onNewChat,
}: {
  chats: ChatSummary[];
  currentId: string;
  onNewChat: (event: MouseEvent) => void;
}) {
  const t = useT('chat');
  return (
    <>
      <nav aria-label={t('chats')} className="hidden md:block">
        <div className="sticky top-20 space-y-3">
          <NewChatLink onClick={onNewChat} />
          <h2 className="px-2 text-xs font-medium uppercase tracking-wide text-muted">{t('chats')}</h2>
          <div className="max-h-[calc(100dvh-12rem)] overflow-y-auto">
            <ChatList chats={chats} currentId={currentId} />
          </div>
        </div>
      </nav>
      <div className="flex items-start gap-2 md:hidden">
        <details className="flex-1">
          <summary className="cursor-pointer rounded-lg border border-line bg-surface px-3 py-1.5 text-sm">
            {t('showChats')}
          </summary>
          <nav aria-label={t('chats')} className="mt-2 rounded-lg border border-line bg-surface p-2">
            <ChatList chats={chats} currentId={currentId} />
          </nav>
        </details>
        <NewChatLink onClick={onNewChat} />
      </div>
    </>
  );
}
