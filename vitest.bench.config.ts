import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: { include: ['bench/**/*.bench.ts'], benchmark: { include: ['bench/**/*.bench.ts'] }, environment: 'node', testTimeout: 600_000, hookTimeout: 600_000 },
});
