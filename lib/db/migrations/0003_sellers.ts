import type { Migration } from './index';

/** Tables owned by lib/seller. */
export const sellers: Migration = {
  id: '0003_sellers',
  statements: [],
};
