import type { Migration } from './index';

/**
 * Tables owned by lib/agent/catalog: the feeds sellers push to (Feed API) and the products and
 * variants they carry. `revision` is bumped per feed under its row lock, so a search index in any
 * app instance can fetch exactly what changed since it last looked.
 *
 * The id carries "v2": an earlier draft of these tables (whole feed JSON per row, a foreign key)
 * made a 10,000-product ingest too slow. Catalog rows are only a copy of what sellers push again at
 * every start, so the draft's tables are dropped rather than migrated.
 */
export const agentCatalog: Migration = {
  id: '0004_agent_catalog_v2',
  statements: [
    `drop table if exists agent_catalog_variants`,
    `drop table if exists agent_catalog_products`,
    `drop table if exists agent_catalog_feeds`,
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
      feed_seller_name text,
      seller_name_ja text,
      title text not null,
      title_ja text,
      description text not null,
      description_ja text,
      brand text,
      category text not null,
      category_path text,
      category_taxonomy text,
      keywords json not null,
      attributes json not null,
      media json not null,
      url text,
      rating_value double precision,
      rating_count integer,
      feed_product json,
      updated_at timestamptz not null,
      primary key (seller_id, product_id)
    )`,
    `create table agent_catalog_variants (
      seller_id text not null,
      product_id text not null,
      variant_id text not null,
      position integer not null,
      title text not null,
      options json not null,
      price_amount bigint,
      currency text,
      list_price_amount bigint,
      available boolean,
      availability text not null check (availability in ('in_stock', 'low_stock', 'out_of_stock')),
      availability_status text,
      stock integer,
      media json not null,
      url text,
      primary key (seller_id, product_id, variant_id)
    )`,
  ],
};
