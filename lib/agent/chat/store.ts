import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { UIMessage } from 'ai';
import type { Db } from '@/lib/db/client';
import { agentChatMessages, agentChats } from '@/lib/db/schema';
import { chatTitle } from './title';

export { chatTitle };

/** What the sidebar lists. */
export interface ChatSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

function summary(row: typeof agentChats.$inferSelect): ChatSummary {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const nextActiveSeq = sql`nextval(pg_get_serial_sequence('agent_chats', 'active_seq'))`;

/** The buyer's chats, most recently active first. */
export async function listChats(db: Db, buyerId: string, limit = 50): Promise<ChatSummary[]> {
  const rows = await db
    .select()
    .from(agentChats)
    .where(eq(agentChats.buyerId, buyerId))
    .orderBy(desc(agentChats.updatedAt), desc(agentChats.activeSeq))
    .limit(limit);
  return rows.map(summary);
}

/** The chat if this buyer owns it; another buyer's chat is indistinguishable from none. */
export async function findChat(
  db: Db,
  ref: { chatId: string; buyerId: string },
): Promise<ChatSummary | null> {
  const [row] = await db
    .select()
    .from(agentChats)
    .where(and(eq(agentChats.id, ref.chatId), eq(agentChats.buyerId, ref.buyerId)));
  return row ? summary(row) : null;
}

/**
 * Opens the buyer's chat for a new message: creates it (titled from the first message) when the id
 * is new, else marks it active now. `not_found` when the id belongs to another buyer. One statement,
 * so the answer can start streaming sooner.
 */
export async function openChat(
  db: Db,
  ref: { chatId: string; buyerId: string; firstMessage: string },
): Promise<{ kind: 'ok'; created: boolean } | { kind: 'not_found' }> {
  const result = await db.execute<{ created: boolean }>(sql`
    insert into agent_chats (id, buyer_id, title) values (${ref.chatId}, ${ref.buyerId}, ${chatTitle(ref.firstMessage)})
    on conflict (id) do update set updated_at = now(), active_seq = ${nextActiveSeq} where agent_chats.buyer_id = excluded.buyer_id
    returning (xmax = 0) as created`);
  const row = result.rows[0];
  return row ? { kind: 'ok', created: row.created === true } : { kind: 'not_found' };
}

/** Marks the chat as active now, so it rises to the top of the sidebar. */
export async function touchChat(db: Db, chatId: string): Promise<void> {
  await db
    .update(agentChats)
    .set({ updatedAt: sql`now()`, activeSeq: nextActiveSeq })
    .where(eq(agentChats.id, chatId));
}

/** A chat's messages in the order they were first saved. Call only after checking ownership. */
export async function loadMessages<M extends UIMessage = UIMessage>(db: Db, chatId: string): Promise<M[]> {
  const rows = await db
    .select()
    .from(agentChatMessages)
    .where(eq(agentChatMessages.chatId, chatId))
    .orderBy(asc(agentChatMessages.seq));
  return rows.map(
    (row) =>
      ({
        id: row.id,
        role: row.role,
        parts: row.parts,
        ...(row.metadata ? { metadata: row.metadata } : {}),
      }) as M,
  );
}

/**
 * Saves messages by id: a message saved twice (a retried request, a stream finishing after a stop)
 * is updated in place and keeps its position. Returns the ids that could not be saved because
 * another chat already holds them.
 */
export async function saveMessages(db: Db, chatId: string, messages: UIMessage[]): Promise<string[]> {
  const refused: string[] = [];
  for (const message of messages) {
    const metadata = (message.metadata ?? null) as Record<string, unknown> | null;
    const saved = await db
      .insert(agentChatMessages)
      .values({ id: message.id, chatId, role: message.role, parts: message.parts, metadata })
      .onConflictDoUpdate({
        target: agentChatMessages.id,
        set: { parts: sql`excluded.parts`, metadata: sql`excluded.metadata` },
        setWhere: sql`${agentChatMessages.chatId} = excluded.chat_id`,
      })
      .returning({ id: agentChatMessages.id });
    if (saved.length === 0) refused.push(message.id);
  }
  return refused;
}

/** Drops every message after `messageId`: the old answer to a message the buyer asks again. */
export async function deleteMessagesAfter(db: Db, chatId: string, messageId: string): Promise<void> {
  const [anchor] = await db
    .select({ seq: agentChatMessages.seq })
    .from(agentChatMessages)
    .where(and(eq(agentChatMessages.chatId, chatId), eq(agentChatMessages.id, messageId)));
  if (!anchor) return;
  await db
    .delete(agentChatMessages)
    .where(and(eq(agentChatMessages.chatId, chatId), gt(agentChatMessages.seq, anchor.seq)));
}
