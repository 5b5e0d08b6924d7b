import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * No server-only code in the browser's scripts. Each server-only module is recognised by a string
 * literal of its own (literals survive minification); the test first checks the literal is still
 * in that module's source, so a renamed message cannot make the check pass by no longer looking.
 */
const SERVER_ONLY: { module: string; source: string; marker: string }[] = [
  { module: 'the database connection', source: 'lib/db/client.ts', marker: 'PostgreSQL connection lost' },
  {
    module: 'PGlite',
    source: 'node_modules/@electric-sql/pglite/dist/chunk-CTPU3OXM.js',
    marker: 'PGlite single mode already running',
  },
  {
    module: 'node-postgres',
    source: 'node_modules/pg/lib/client.js',
    marker: 'Client was closed and is not queryable',
  },
  {
    module: "drizzle's PostgreSQL dialect",
    source: 'node_modules/drizzle-orm/pg-core/dialect.js',
    marker: 'PgDialect',
  },
  {
    module: 'the Stripe SDK',
    source: 'node_modules/stripe/esm/Error.js',
    marker: 'StripeSignatureVerificationError',
  },
  { module: 'the Stripe emulator', source: 'lib/stripe/emulator/handler.ts', marker: '[stripe-emulator]' },
  { module: 'the sellers', source: 'lib/seller/http.ts', marker: '[seller]' },
];

const CLIENT_CHUNKS = path.resolve('.next/static/chunks');

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return scripts(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

test('no server-only module lands in a client chunk', () => {
  expect(existsSync(CLIENT_CHUNKS), 'run `next build` first (npm run test:e2e does)').toBe(true);
  const chunks = scripts(CLIENT_CHUNKS).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  expect(chunks.length).toBeGreaterThan(5);
  for (const { module, source, marker } of SERVER_ONLY) {
    expect(readFileSync(source, 'utf8'), `${source} no longer contains the marker of ${module}`).toContain(
      marker,
    );
    const carriers = chunks
      .filter((chunk) => chunk.text.includes(marker))
      .map((chunk) => path.basename(chunk.file));
    expect(carriers, `${module} is in the browser's scripts`).toEqual([]);
  }
});
