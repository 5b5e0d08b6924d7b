import type { Migration } from './index';

/** Tables owned by lib/agent/catalog. */
export const agentCatalog: Migration = {
  id: '0004_agent_catalog',
  statements: [],
};
