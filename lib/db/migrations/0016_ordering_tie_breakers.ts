import type { Migration } from './index';

/**
 * Lists ordered by time get a sequence to break ties: `now()` has millisecond resolution, so two
 * rows written in the same millisecond would otherwise come back in any order.
 * `agent_chats.active_seq` is renewed each time the chat is active, like `updated_at`.
 */
export const orderingTieBreakers: Migration = {
  id: '0016_ordering_tie_breakers',
  statements: [
    `alter table agent_chats add column active_seq bigserial not null`,
    `alter table agent_orders add column seq bigserial not null`,
    `alter table seller_checkout_sessions add column seq bigserial not null`,
    `alter table seller_orders add column seq bigserial not null`,
    `alter table seller_payments add column seq bigserial not null`,
  ],
};
