import { ChatScreen } from '@/components/chat/chat-screen';
import { chatLinkOrigins } from '@/lib/agent/chat/link-origins';
import { listChats } from '@/lib/agent/chat/store';
import { chatModelLabel } from '@/lib/agent/models';
import { requireBuyer } from '@/lib/buyer/current';
import { getDb } from '@/lib/db/client';

/** The home page is a new, empty chat; it moves to its own address (/chat/<id>) once the first answer is saved. */
export default async function NewChatPage() {
  const buyerId = await requireBuyer();
  const chats = await listChats(await getDb(), buyerId);
  return (
    <ChatScreen
      initialMessages={[]}
      chats={chats}
      modelLabel={chatModelLabel()}
      linkOrigins={chatLinkOrigins()}
    />
  );
}
