import type { Migration } from './index';

/** Tables owned by lib/seller (see lib/db/schema/seller.ts). */
export const sellers: Migration = {
  id: '0003_sellers',
  statements: [
    `create table seller_stock (
      seller_id text not null,
      variant_id text not null,
      product_id text not null,
      price integer not null check (price >= 0),
      available integer not null check (available >= 0),
      updated_at timestamptz not null default now(),
      primary key (seller_id, variant_id)
    )`,
    `create table seller_agent_keys (
      id text primary key,
      seller_id text not null,
      label text not null,
      key_hash text not null,
      webhook_url text,
      webhook_secret text,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    )`,
    `create unique index seller_agent_keys_hash on seller_agent_keys (seller_id, key_hash)`,
    `create table seller_checkout_sessions (
      id text primary key,
      seller_id text not null,
      agent_id text not null,
      status text not null,
      currency text not null,
      input jsonb not null,
      snapshot jsonb not null,
      total integer not null,
      stock_state text not null default 'none',
      payment jsonb,
      completing_since timestamptz,
      order_id text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`,
    `create index seller_checkout_sessions_seller_created on seller_checkout_sessions (seller_id, created_at)`,
    `create sequence seller_order_numbers start 1001`,
    `create table seller_orders (
      id text primary key,
      seller_id text not null,
      agent_id text not null,
      session_id text not null unique,
      order_number text not null,
      status text not null,
      currency text not null,
      total integer not null,
      refunded integer not null default 0,
      payment_intent_id text not null,
      document jsonb not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index seller_orders_seller_created on seller_orders (seller_id, created_at)`,
    `create table seller_payments (
      id text primary key,
      seller_id text not null,
      session_id text not null,
      order_id text,
      token text not null,
      token_details jsonb,
      payment_intent_id text,
      amount integer not null,
      currency text not null,
      status text not null,
      error_code text,
      error_message text,
      refund_id text,
      refunded integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index seller_payments_seller_created on seller_payments (seller_id, created_at)`,
    `create index seller_payments_session on seller_payments (session_id)`,
    // The Feed API upserts with PATCH (openapi.feed.yaml); the shared outbox only knew POST.
    `alter table outbox add column if not exists method text not null default 'POST'`,
  ],
};
