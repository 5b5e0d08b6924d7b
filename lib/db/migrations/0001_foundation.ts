import type { Migration } from './index';

/** Buyers, app settings and the shared durable mechanisms: idempotency, rate limits, outbox. */
export const foundation: Migration = {
  id: '0001_foundation',
  statements: [
    `create extension if not exists pg_trgm`,
    `create table app_settings (
      key text primary key,
      value text not null,
      created_at timestamptz not null default now()
    )`,
    `create table buyers (
      id text primary key,
      locale text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now()
    )`,
    `create table rate_limit_hits (
      bucket text not null,
      window_start timestamptz not null,
      hits integer not null default 0,
      primary key (bucket, window_start)
    )`,
    `create table outbox (
      id bigserial primary key,
      owner text not null,
      topic text not null,
      url text not null,
      body text not null,
      headers jsonb not null default '{}'::jsonb,
      signing jsonb,
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      delivered_at timestamptz,
      failed_at timestamptz,
      last_status integer,
      last_error text,
      created_at timestamptz not null default now()
    )`,
    `create table idempotency_keys (
      scope text not null,
      key text not null,
      request_hash text not null,
      state text not null check (state in ('in_flight', 'done')),
      status integer,
      body text,
      headers jsonb,
      created_at timestamptz not null default now(),
      locked_at timestamptz not null default now(),
      primary key (scope, key)
    )`,
    `create index outbox_due on outbox (next_attempt_at) where delivered_at is null and failed_at is null`,
  ],
};
