import type { Migration } from './index';

/**
 * Seller money in `bigint` (a total past 2^31−1 minor units was a 500: the agent's and the
 * emulator's amounts already were), and what a seller needs to manage the keys of the agents it
 * sells through: a hint to recognise a key by, when it was last used, and when it was rotated.
 */
export const sellerMoneyAndAgentKeys: Migration = {
  id: '0012_seller_money_and_agent_keys',
  statements: [
    `alter table seller_stock alter column price type bigint`,
    `alter table seller_checkout_sessions alter column total type bigint`,
    `alter table seller_orders alter column total type bigint`,
    `alter table seller_orders alter column refunded type bigint`,
    `alter table seller_payments alter column amount type bigint`,
    `alter table seller_payments alter column refunded type bigint`,
    `alter table seller_agent_keys add column key_hint text not null default ''`,
    `alter table seller_agent_keys add column last_used_at timestamptz`,
    `alter table seller_agent_keys add column rotated_at timestamptz`,
    `create index seller_agent_keys_seller_created on seller_agent_keys (seller_id, created_at, id)`,
  ],
};
