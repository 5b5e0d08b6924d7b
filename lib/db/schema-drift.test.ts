import { sql } from 'drizzle-orm';
import { getTableConfig, IndexedColumn, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import * as schema from './schema';
import { openTestDatabase, testEngines } from './testing';

/**
 * The hand-written migrations and the Drizzle schema describe the same tables twice. Both sides are
 * reduced to one shape (columns with type, nullability and whether they have a default; primary
 * key; unique constraints; indexes with their column order; foreign keys) and must be equal.
 */
interface TableShape {
  columns: Record<string, { type: string; notNull: boolean; hasDefault: boolean }>;
  primaryKey: string[];
  unique: string[][];
  /** `partial`: the index has a WHERE clause (its text is not compared: PostgreSQL rewrites it). */
  indexes: Record<string, { unique: boolean; columns: string; partial: boolean }>;
  foreignKeys: string[];
}

/** Serial types are integers with a sequence default; that is how PostgreSQL reports them. */
const SERIAL: Record<string, string> = { serial: 'integer', bigserial: 'bigint', smallserial: 'smallint' };

function fromDrizzle(): Record<string, TableShape> {
  const tables = (Object.values(schema) as unknown[]).filter(
    (value): value is PgTable => value instanceof PgTable,
  );
  return Object.fromEntries(
    tables.map((table) => {
      const config = getTableConfig(table);
      const primaryKey = [
        ...config.columns.filter((c) => c.primary).map((c) => c.name),
        ...config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)),
      ];
      const columns = Object.fromEntries(
        config.columns.map((c) => {
          const type = c.getSQLType();
          return [
            c.name,
            {
              type: SERIAL[type] ?? type,
              notNull: c.notNull || primaryKey.includes(c.name),
              hasDefault: c.hasDefault || type in SERIAL,
            },
          ];
        }),
      );
      const unique = [
        ...config.columns.filter((c) => c.isUnique).map((c) => [c.name]),
        ...config.uniqueConstraints.map((u) => u.columns.map((c) => c.name)),
      ];
      const indexes = Object.fromEntries(
        config.indexes.map((index) => [
          index.config.name,
          {
            unique: index.config.unique,
            partial: index.config.where !== undefined,
            columns: index.config.columns
              .map((c) => {
                if (!(c instanceof IndexedColumn)) throw new Error(`${index.config.name}: expression index`);
                return c.indexConfig.order === 'desc' ? `${c.name} DESC` : c.name!;
              })
              .join(', '),
          },
        ]),
      );
      const foreignKeys = config.foreignKeys.map((fk) => {
        const ref = fk.reference();
        const target = `${getTableConfig(ref.foreignTable).name}(${ref.foreignColumns.map((c) => c.name).join(', ')})`;
        return `${ref.columns.map((c) => c.name).join(', ')} -> ${target} on delete ${fk.onDelete ?? 'no action'}`;
      });
      return [
        config.name,
        { columns, primaryKey, unique: unique.sort(), indexes, foreignKeys: foreignKeys.sort() },
      ];
    }),
  );
}

const ON_DELETE: Record<string, string> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

async function fromDatabase(database: Database): Promise<Record<string, TableShape>> {
  const { db } = database;
  const columns = await db.execute<{
    table: string;
    name: string;
    type: string;
    not_null: boolean;
    has_default: boolean;
  }>(sql`
    select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
      a.attnotnull as not_null, a.atthasdef as has_default
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
      and c.relname <> 'schema_migrations'
    order by c.relname, a.attnum`);
  const indexes = await db.execute<{
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    is_constraint: boolean;
    definition: string;
  }>(sql`
    select t.relname as table, i.relname as name, x.indisunique as unique, x.indisprimary as primary,
      exists (select 1 from pg_constraint k where k.conindid = x.indexrelid) as is_constraint,
      pg_get_indexdef(x.indexrelid) as definition
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema() and t.relname <> 'schema_migrations'
    order by t.relname, i.relname`);
  const foreignKeys = await db.execute<{
    table: string;
    columns: string;
    target: string;
    target_columns: string;
    on_delete: string;
  }>(sql`
    select t.relname as table, f.relname as target, k.confdeltype as on_delete,
      (select string_agg(a.attname, ', ' order by u.i) from unnest(k.conkey) with ordinality u(n, i)
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n) as columns,
      (select string_agg(a.attname, ', ' order by u.i) from unnest(k.confkey) with ordinality u(n, i)
        join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n) as target_columns
    from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_class f on f.oid = k.confrelid
      join pg_namespace n on n.oid = t.relnamespace
    where k.contype = 'f' and n.nspname = current_schema()`);

  const tables: Record<string, TableShape> = {};
  const tableOf = (name: string) =>
    (tables[name] ??= { columns: {}, primaryKey: [], unique: [], indexes: {}, foreignKeys: [] });
  for (const c of columns.rows) {
    tableOf(c.table).columns[c.name] = { type: c.type, notNull: c.not_null, hasDefault: c.has_default };
  }
  for (const index of indexes.rows) {
    const [, list, where] = /USING \w+ \((.*?)\)(?: WHERE (.*))?$/.exec(index.definition) ?? [];
    const table = tableOf(index.table);
    if (index.primary) table.primaryKey = list.split(', ');
    else if (index.is_constraint) table.unique.push(list.split(', '));
    else table.indexes[index.name] = { unique: index.unique, columns: list, partial: where !== undefined };
  }
  for (const fk of foreignKeys.rows) {
    tableOf(fk.table).foreignKeys.push(
      `${fk.columns} -> ${fk.target}(${fk.target_columns}) on delete ${ON_DELETE[fk.on_delete]}`,
    );
  }
  for (const table of Object.values(tables)) {
    table.unique.sort();
    table.foreignKeys.sort();
  }
  return tables;
}

describe.each(testEngines())('the migrations and the Drizzle schema on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.close());

  it('describe the same tables, columns, keys and indexes', async () => {
    const migrated = await fromDatabase(database);
    const declared = fromDrizzle();
    expect(Object.keys(migrated).sort()).toEqual(Object.keys(declared).sort());
    for (const name of Object.keys(declared)) {
      expect.soft({ table: name, ...migrated[name] }).toEqual({ table: name, ...declared[name] });
    }
  });
});
