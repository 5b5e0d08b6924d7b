import type { Migration } from './index';

/** Tables owned by lib/stripe/emulator (see lib/db/schema/stripe.ts). */
export const stripeEmulator: Migration = {
  id: '0002_stripe_emulator',
  statements: [
    `create table stripe_accounts (
      id text primary key,
      slug text not null unique,
      name text not null,
      country text not null,
      default_currency text not null,
      secret_key text not null unique,
      publishable_key text not null unique,
      network_business_profile text not null unique,
      created_at timestamptz not null default now()
    )`,
    `create table stripe_objects (
      id text primary key,
      account_id text not null references stripe_accounts (id),
      object text not null,
      seq bigserial not null,
      customer text,
      parent text,
      peer_account_id text references stripe_accounts (id),
      created bigint not null,
      data jsonb not null,
      internal jsonb not null default '{}'::jsonb
    )`,
    `create index stripe_objects_list on stripe_objects (account_id, object, seq)`,
    `create index stripe_objects_customer on stripe_objects (account_id, object, customer) where customer is not null`,
    `create index stripe_objects_parent on stripe_objects (parent) where parent is not null`,
    `create index stripe_objects_peer on stripe_objects (peer_account_id, object) where peer_account_id is not null`,
    `create table stripe_webhook_deliveries (
      event_id text not null,
      endpoint_id text not null,
      outbox_id bigint not null,
      created_at timestamptz not null default now(),
      primary key (event_id, endpoint_id)
    )`,
  ],
};
