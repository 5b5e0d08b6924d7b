import type { Migration } from './index';

/** Tables owned by lib/agent/wallet. */
export const agentWallet: Migration = {
  id: '0006_agent_wallet',
  statements: [
    `create table agent_wallet_customers (
      buyer_id text not null references buyers(id) on delete cascade,
      stripe_mode text not null check (stripe_mode in ('emulator', 'stripe')),
      customer_id text not null,
      created_at timestamptz not null default now(),
      primary key (buyer_id, stripe_mode)
    )`,
    `create unique index agent_wallet_customers_customer on agent_wallet_customers (stripe_mode, customer_id)`,
  ],
};
