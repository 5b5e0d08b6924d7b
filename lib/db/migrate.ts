import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { migrations } from './migrations';

/** Stable key for the advisory lock that serialises migrations across app instances. */
const MIGRATION_LOCK = 7_301_994;

/** Applies pending migrations in order, each in its own transaction, safe against concurrent starts. */
export async function migrate(db: Db): Promise<string[]> {
  await db.execute(
    sql`create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())`,
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
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
