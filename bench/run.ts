// `npm run bench`: runs every role's benchmark in-process on the embedded defaults and prints one table.
import { table } from './table';
import type { BenchRow } from './types';

// Benchmarks run on in-memory databases; a fixed secret keeps the demo pairing from reaching for .data/.
process.env.AISLE_SECRET ??= 'aisle-bench-secret-aisle-bench-secret-0001';

// tsx turns source maps on for its own stack traces; `next start` runs without them. Every Stripe SDK
// call captures a stack, so the benchmarks run as production does.
process.setSourceMapsEnabled(false);

const suites: { name: string; load: () => Promise<() => Promise<BenchRow[]>> }[] = [
  { name: 'stripe emulator', load: async () => (await import('./stripe')).runStripeBench },
  { name: 'sellers (ACP)', load: async () => (await import('./seller')).runSellerBench },
  { name: 'agent catalog', load: async () => (await import('./catalog')).runCatalogBench },
  { name: 'agent catalog 100k', load: async () => (await import('./catalog')).runLargeCatalogBench },
  { name: 'agent chat', load: async () => (await import('./chat')).runChatBench },
  { name: 'agent checkout', load: async () => (await import('./checkout')).runCheckoutBench },
  // A production start measured from outside: browser weight, server memory, 20 buyers at once.
  { name: 'app (next start)', load: async () => (await import('./app')).runAppBench },
  { name: 'instances', load: async () => (await import('./instances')).runInstancesBench },
];

async function main() {
  const only = process.argv.slice(2);
  const rows: BenchRow[] = [];
  for (const suite of suites) {
    if (only.length > 0 && !only.some((o) => suite.name.includes(o))) continue;
    process.stderr.write(`running ${suite.name}…\n`);
    try {
      const run = await suite.load();
      rows.push(...(await run()));
    } catch (error) {
      rows.push({
        name: suite.name,
        target: '-',
        result: `error: ${error instanceof Error ? error.message : error}`.slice(0, 120),
        ok: false,
      });
    }
  }
  console.log(`\nAisle benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
  console.log(table(rows));
  process.exit(rows.every((r) => r.ok) ? 0 : 1);
}

void main();
