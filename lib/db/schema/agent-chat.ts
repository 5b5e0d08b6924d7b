import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One conversation of one buyer. The title is the start of the buyer's first message. */
export const agentChats = pgTable(
  'agent_chats',
  {
    id: text('id').primaryKey(),
    buyerId: text('buyer_id').notNull(),
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Renewed with `updated_at`: breaks ties between chats active in the same millisecond. */
    activeSeq: bigserial('active_seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('agent_chats_buyer_updated').on(t.buyerId, t.updatedAt.desc())],
);

/**
 * A chat message as the AI SDK's UI message: its parts (text, tool calls with their outputs) are
 * stored whole so product cards re-render on reload. `seq` keeps the order messages arrived in.
 */
export const agentChatMessages = pgTable(
  'agent_chat_messages',
  {
    id: text('id').primaryKey(),
    chatId: text('chat_id')
      .notNull()
      .references(() => agentChats.id, { onDelete: 'cascade' }),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    role: text('role', { enum: ['user', 'assistant', 'system'] }).notNull(),
    parts: jsonb('parts').$type<unknown[]>().notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown> | null>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agent_chat_messages_chat_seq').on(t.chatId, t.seq)],
);
