import type { Migration } from './index';

/** Tables owned by lib/agent/checkout and lib/agent/orders. */
export const agentCheckout: Migration = {
  id: '0007_agent_checkout',
  statements: [],
};
