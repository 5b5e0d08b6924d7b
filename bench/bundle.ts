import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './types';

const NEXT_DIR = path.resolve('.next');
const BUDGET_KB = 200;

/** The newest modification time among the sources a build is made of. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds unless a build newer than every source is there: a stale build would measure old code. */
function ensureBuild() {
  const buildId = path.join(NEXT_DIR, 'BUILD_ID');
  const sources = ['app', 'components', 'lib'].map((dir) => newestSource(path.resolve(dir)));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources)) return;
  const result = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed');
}

/** The scripts a browser downloads to show a page for the first time: Next's runtime plus the page's entry chunks. */
export function firstLoadScripts(page: string): string[] {
  const build = JSON.parse(readFileSync(path.join(NEXT_DIR, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  const manifestFile =
    path.join(NEXT_DIR, 'server/app', page === '/' ? 'page' : `${page.slice(1)}/page`) +
    '_client-reference-manifest.js';
  const sandbox = { self: {} as Record<string, unknown> };
  new Function('self', 'globalThis', readFileSync(manifestFile, 'utf8'))(sandbox.self, sandbox.self);
  const manifests = (sandbox.self.__RSC_MANIFEST ?? {}) as Record<
    string,
    { entryJSFiles: Record<string, string[]> }
  >;
  const entry = Object.values(manifests)[0]?.entryJSFiles ?? {};
  const wanted = Object.entries(entry)
    .filter(([segment]) => segment.startsWith('[project]/app/'))
    .flatMap(([, files]) => files);
  return [...new Set([...build.rootMainFiles, ...wanted])];
}

export async function runBundleBench(): Promise<BenchRow[]> {
  ensureBuild();
  const files = firstLoadScripts('/');
  const bytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(path.join(NEXT_DIR, file))).length,
    0,
  );
  const kb = bytes / 1024;
  return [
    {
      name: 'chat page first-load JS (gzip)',
      target: `≤ ${BUDGET_KB} KB`,
      result: `${kb.toFixed(1)} KB in ${files.length} files`,
      ok: kb <= BUDGET_KB,
    },
  ];
}
