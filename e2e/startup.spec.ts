import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/** Starts the production build with the given environment and collects what it prints until it exits. */
function startWith(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const server = spawn('npx', ['next', 'start', '-p', '3199'], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', AISLE_DATA_DIR: '.data-startup-test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (chunk) => (output += chunk));
    server.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => server.kill('SIGKILL'), 45_000);
    server.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test('a half-set Stripe configuration stops start-up with one sentence naming the variable', async () => {
  test.skip(!existsSync('.next/BUILD_ID'), 'needs the production build that `npm run test:e2e` makes');
  const { code, output } = await startWith({ STRIPE_SECRET_KEY: 'sk_test_only_the_secret' });
  expect(code).toBe(1);
  expect(output).toContain(
    'Aisle cannot start: STRIPE_PUBLISHABLE_KEY is missing: it is needed together with STRIPE_SECRET_KEY.',
  );
  expect(output).not.toMatch(/\n\s+at /);
});
