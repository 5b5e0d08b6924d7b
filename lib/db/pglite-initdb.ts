import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite creates a new data folder with its own initdb WebAssembly module, whose memory a process
 * keeps long after (a first start peaked at ~870 MB where a restart needs ~460 MB). A short-lived
 * child process does it instead and exits, so the server itself only ever opens a made folder.
 */
const INITDB = `
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: process.argv[1] });
  await db.close();
`;

export function isDataDirMade(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

/** Makes a new PGlite data folder in a child process; resolves once it exists. */
export function makeDataDirInChildProcess(dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', INITDB, dataDir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0 && isDataDirMade(dataDir)) resolve();
      else reject(new Error(`creating the PGlite data folder failed (exit ${code}): ${stderr.slice(-500)}`));
    });
  });
}
