// `npm run db:backup [-- file.tar.gz]` and `npm run db:restore -- file.tar.gz`: the PGlite data folder
// (AISLE_DATA_DIR, default .data) to one file and back. Aisle must be stopped: the folder has one
// process at a time, and the lock says so. On PostgreSQL, use pg_dump and pg_restore.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { config } from '@/lib/config';
import { lockDataFolder, LOCK_FOLDER } from '@/lib/db/folder-lock';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function dataFolder(): string {
  const { database } = config();
  if (database.mode === 'postgres')
    fail('DATABASE_URL is set: back up PostgreSQL with pg_dump, and restore with pg_restore.');
  return path.resolve(database.dataDir);
}

async function backup(file: string | undefined) {
  const folder = dataFolder();
  if (!existsSync(path.join(folder, 'PG_VERSION'))) fail(`There is no database in ${folder} to back up.`);
  const target = path.resolve(
    file ?? `aisle-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`,
  );
  const lock = lockDataFolder(folder);
  try {
    const client = await PGlite.create({ dataDir: folder });
    const dump = await client.dumpDataDir('gzip');
    await client.close();
    writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
  } finally {
    lock.release();
  }
  console.log(`Backed up ${folder} to ${target}.`);
}

async function restore(file: string | undefined) {
  if (!file) fail('Name the backup to restore: npm run db:restore -- aisle-backup-….tar.gz');
  const folder = dataFolder();
  if (existsSync(folder) && readdirSync(folder).length > 0)
    fail(
      `The data folder ${folder} is not empty: stop Aisle and move it away first, or set AISLE_DATA_DIR to a new folder.`,
    );
  // Unpacked beside the target, then renamed into place: no process sees a half-restored folder.
  const staging = `${folder}.restoring-${process.pid}`;
  try {
    const client = await PGlite.create({
      dataDir: staging,
      loadDataDir: new Blob([readFileSync(path.resolve(file))]),
    });
    await client.close();
    // The backup holds the lock of the process that made it; the restored folder starts unlocked.
    rmSync(path.join(staging, LOCK_FOLDER), { recursive: true, force: true });
    renameSync(staging, folder);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  console.log(`Restored ${file} into ${folder}.`);
}

const [command, file] = process.argv.slice(2);
const commands: Record<string, (file?: string) => Promise<void>> = { backup, restore };
if (!commands[command]) fail('Use: db-backup.ts backup [file] | restore <file>');
commands[command](file).catch((error: unknown) =>
  fail(error instanceof Error ? error.message : String(error)),
);
