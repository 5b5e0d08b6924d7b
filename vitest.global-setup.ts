import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { migrations } from './lib/db/migrations';
import { SNAPSHOT_ENV, writeMigratedSnapshot } from './lib/db/testing';

/**
 * Migrates one PGlite for the whole run; each test file boots its own copy (lib/db/testing.ts).
 * The copy is kept between runs, named by the migrations and the PGlite version that made it.
 */
export default async function setup() {
  const pglite = readFileSync(path.resolve('node_modules/@electric-sql/pglite/package.json'), 'utf8');
  const pgliteVersion = (JSON.parse(pglite) as { version: string }).version;
  const key = createHash('sha256').update(JSON.stringify({ pgliteVersion, migrations })).digest('hex');
  const folder = path.resolve('node_modules/.cache/aisle');
  const file = path.join(folder, `test-db-${key.slice(0, 16)}.tar`);
  if (!existsSync(file)) {
    await mkdir(folder, { recursive: true });
    const partial = `${file}.${process.pid}`;
    await writeMigratedSnapshot(partial);
    await rename(partial, file);
    // Copies made for older migrations are of no further use.
    for (const name of await readdir(folder)) {
      if (name.startsWith('test-db-') && path.join(folder, name) !== file)
        await rm(path.join(folder, name), { force: true });
    }
  }
  process.env[SNAPSHOT_ENV] = file;
}
