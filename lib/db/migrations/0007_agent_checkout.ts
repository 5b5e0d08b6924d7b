import type { Migration } from './index';

/**
 * Tables owned by lib/agent/checkout and lib/agent/orders: the agent's side of each purchase —
 * its checkouts (one per seller session), each Pay attempt with the SPT it minted, the ACP
 * exchanges shown in "How this purchase worked", orders with their status timeline, and the
 * order-webhook signatures already seen (replay protection).
 */
export const agentCheckout: Migration = {
  id: '0007_agent_checkout',
  statements: [
    `create table agent_checkouts (
      id text primary key,
      buyer_id text not null,
      seller_id text not null,
      seller_session_id text,
      chat_id text,
      status text not null default 'open'
        check (status in ('open', 'paying', 'authentication_required', 'completed', 'canceled')),
      session jsonb,
      address_is_default boolean not null default false,
      update_count integer not null default 0,
      pay_attempts integer not null default 0,
      paying_since timestamptz,
      order_id text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index agent_checkouts_buyer on agent_checkouts (buyer_id, created_at desc)`,
    `create unique index agent_checkouts_seller_session on agent_checkouts (seller_id, seller_session_id)`,
    `create table agent_payment_attempts (
      checkout_id text not null references agent_checkouts (id) on delete cascade,
      attempt integer not null,
      buyer_id text not null,
      seller_id text not null,
      payment_method_id text not null,
      card_brand text,
      card_last4 text,
      amount bigint not null,
      currency text not null,
      spt_id text,
      spt_expires_at timestamptz,
      status text not null
        check (status in ('minting', 'completing', 'requires_action', 'succeeded', 'declined', 'failed')),
      error_code text,
      error_message text,
      payment_intent jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (checkout_id, attempt)
    )`,
    `create index agent_payment_attempts_spend on agent_payment_attempts (buyer_id, currency, created_at)`,
    `create table agent_orders (
      id text primary key,
      buyer_id text not null,
      seller_id text not null,
      checkout_id text not null references agent_checkouts (id),
      seller_order_id text not null,
      seller_session_id text not null,
      status text not null,
      total_amount bigint not null,
      currency text not null,
      permalink_url text,
      estimated_delivery jsonb,
      "order" jsonb not null,
      payment_intent jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create unique index agent_orders_seller_order on agent_orders (seller_id, seller_order_id)`,
    `create index agent_orders_buyer on agent_orders (buyer_id, created_at desc)`,
    `create table agent_order_events (
      id bigserial primary key,
      order_id text not null references agent_orders (id) on delete cascade,
      status text not null,
      source text not null,
      detail text,
      occurred_at timestamptz not null default now()
    )`,
    `create unique index agent_order_events_status on agent_order_events (order_id, status)`,
    `create table agent_acp_exchanges (
      id bigserial primary key,
      checkout_id text not null references agent_checkouts (id) on delete cascade,
      operation text not null,
      method text not null,
      url text not null,
      request_headers jsonb not null,
      request_body text,
      response_status integer,
      response_headers jsonb,
      response_body text,
      duration_ms integer,
      created_at timestamptz not null default now()
    )`,
    `create index agent_acp_exchanges_checkout on agent_acp_exchanges (checkout_id, id)`,
    `create table agent_webhook_receipts (
      seller_id text not null,
      signature text not null,
      received_at timestamptz not null default now(),
      primary key (seller_id, signature)
    )`,
  ],
};
