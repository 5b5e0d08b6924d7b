import type { Migration } from './index';

/** Tables owned by lib/agent/chat. */
export const agentChat: Migration = {
  id: '0005_agent_chat',
  statements: [],
};
