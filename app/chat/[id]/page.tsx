import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ChatScreen } from '@/components/chat/chat-screen';
import { chatLinkOrigins } from '@/lib/agent/chat/link-origins';
import { findChat, listChats, loadMessages } from '@/lib/agent/chat/store';
import type { AgentUIMessage } from '@/lib/agent/chat/types';
import { chatModelLabel } from '@/lib/agent/models';
import { currentBuyerId, requireBuyer } from '@/lib/buyer/current';
import { getDb } from '@/lib/db/client';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const buyerId = await currentBuyerId();
  const chat = buyerId ? await findChat(await getDb(), { chatId: id, buyerId }) : null;
  return { title: chat?.title };
}

/** A saved chat: its messages (cards included) come back exactly as they were streamed. */
export default async function ChatPage({ params }: Props) {
  const { id } = await params;
  const buyerId = await requireBuyer();
  const db = await getDb();
  const chat = await findChat(db, { chatId: id, buyerId });
  if (!chat) notFound();
  const messages = await loadMessages<AgentUIMessage>(db, id);
  const chats = await listChats(db, buyerId);
  return (
    <ChatScreen
      key={id}
      chatId={id}
      initialMessages={messages}
      chats={chats}
      modelLabel={chatModelLabel()}
      linkOrigins={chatLinkOrigins()}
    />
  );
}
