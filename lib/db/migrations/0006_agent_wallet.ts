import type { Migration } from './index';

/** Tables owned by lib/agent/wallet. */
export const agentWallet: Migration = {
  id: '0006_agent_wallet',
  statements: [],
};
