import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataFolder } from '@/lib/db/folder-lock';

const root = mkdtempSync(path.join(tmpdir(), 'aisle-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(command: string, dataDir: string, file: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-backup.ts', command, file], {
    env: { ...process.env, AISLE_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

describe('npm run db:backup and db:restore', () => {
  const source = path.join(root, 'data');
  const file = path.join(root, 'backup.tar.gz');

  it('backs a data folder up to one file and restores it into a new folder', async () => {
    const client = await PGlite.create({ dataDir: source });
    await client.exec(`create table kept (note text); insert into kept values ('still here')`);
    await client.close();

    expect(run('backup', source, file)).toMatchObject({ status: 0 });
    const target = path.join(root, 'restored');
    expect(run('restore', target, file)).toMatchObject({ status: 0 });

    const restored = await PGlite.create({ dataDir: target });
    expect((await restored.query('select note from kept')).rows).toEqual([{ note: 'still here' }]);
    await restored.close();
    // It opens unlocked: the lock of the process that made the backup did not come along.
    lockDataFolder(target).release();
  });

  it('refuses to back up a folder another process has open, and to restore over a database', () => {
    const lock = lockDataFolder(source);
    try {
      expect(run('backup', source, path.join(root, 'other.tar.gz')).output).toContain(
        `The data folder ${source} is in use by another Aisle (process ${process.pid})`,
      );
    } finally {
      lock.release();
    }
    expect(run('restore', source, file)).toEqual({
      status: 1,
      output: `The data folder ${source} is not empty: stop Aisle and move it away first, or set AISLE_DATA_DIR to a new folder.`,
    });
  });
});
