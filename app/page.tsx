import { generateId } from 'ai';
import { ChatScreen } from '@/components/chat/chat-screen';
import { listChats } from '@/lib/agent/chat/store';
import { chatModelLabel } from '@/lib/agent/models';
import { requireBuyer } from '@/lib/buyer/current';
import { getDb } from '@/lib/db/client';

/** The home page is a new, empty chat; it gets its address (/chat/<id>) once the first answer is saved. */
export default async function NewChatPage() {
  const buyerId = await requireBuyer();
  const chats = await listChats(await getDb(), buyerId);
  const chatId = generateId();
  return <ChatScreen key={chatId} chatId={chatId} initialMessages={[]} chats={chats} modelLabel={chatModelLabel()} isNew />;
}
