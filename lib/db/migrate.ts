import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { migrations } from './migrations';

/**
 * Applies pending migrations in order, each in its own transaction. Not safe to run twice at once:
 * on PostgreSQL, `openDatabase` runs it under the startup lock (even `create table if not exists`
 * fails when two sessions run it together).
 */
export async function migrate(db: Db): Promise<string[]> {
  await db.execute(
    sql`create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())`,
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    await db.transaction(async (tx) => {
      const done = await tx.execute<{ id: string }>(
        sql`select id from schema_migrations where id = ${migration.id}`,
      );
      if (done.rows.length > 0) return;
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into schema_migrations (id) values (${migration.id})`);
      applied.push(migration.id);
    });
  }
  return applied;
}
