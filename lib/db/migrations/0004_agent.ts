import type { Migration } from './index';

/** Tables owned by lib/agent. */
export const agent: Migration = {
  id: '0004_agent',
  statements: [],
};
