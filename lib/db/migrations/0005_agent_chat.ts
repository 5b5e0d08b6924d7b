import type { Migration } from './index';

/** Tables owned by lib/agent/chat: each buyer's chats and their messages (AI SDK UI message parts). */
export const agentChat: Migration = {
  id: '0005_agent_chat',
  statements: [
    `create table agent_chats (
      id text primary key,
      buyer_id text not null,
      title text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index agent_chats_buyer_updated on agent_chats (buyer_id, updated_at desc)`,
    `create table agent_chat_messages (
      id text primary key,
      chat_id text not null references agent_chats (id) on delete cascade,
      seq bigserial not null,
      role text not null check (role in ('user', 'assistant', 'system')),
      parts jsonb not null,
      metadata jsonb,
      created_at timestamptz not null default now()
    )`,
    `create index agent_chat_messages_chat_seq on agent_chat_messages (chat_id, seq)`,
  ],
};
