import type { Migration } from './index';

/**
 * Tables owned by lib/agent/catalog: the feeds sellers push to (Feed API) and the products and
 * variants they carry. `revision` is bumped per feed under its row lock, so a search index in any
 * app instance can fetch exactly what changed since it last looked.
 */
export const agentCatalog: Migration = {
  id: '0004_agent_catalog',
  statements: [
    `create table agent_catalog_feeds (
      id text primary key,
      seller_id text not null unique,
      target_country text,
      revision bigint not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz
    )`,
    `create table agent_catalog_products (
      seller_id text not null,
      product_id text not null,
      revision bigint not null,
      listed boolean not null,
      seller_name text not null,
      seller_name_ja text,
      title text not null,
      title_ja text,
      description text not null,
      description_ja text,
      brand text,
      category text not null,
      category_path text,
      keywords jsonb not null default '[]'::jsonb,
      attributes jsonb not null default '{}'::jsonb,
      images jsonb not null default '[]'::jsonb,
      url text,
      rating_value double precision,
      rating_count integer,
      feed_product jsonb not null,
      updated_at timestamptz not null default now(),
      primary key (seller_id, product_id)
    )`,
    `create index agent_catalog_products_revision on agent_catalog_products (seller_id, revision)`,
    `create table agent_catalog_variants (
      seller_id text not null,
      product_id text not null,
      variant_id text not null,
      position integer not null,
      title text not null,
      options jsonb not null default '{}'::jsonb,
      price_amount bigint,
      currency text,
      list_price_amount bigint,
      availability text not null check (availability in ('in_stock', 'low_stock', 'out_of_stock')),
      availability_status text,
      stock integer,
      image text,
      url text,
      primary key (seller_id, product_id, variant_id),
      foreign key (seller_id, product_id) references agent_catalog_products (seller_id, product_id) on delete cascade
    )`,
  ],
};
