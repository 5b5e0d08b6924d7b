import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';

/**
 * The dashboards on an origin beyond loopback: a second `next start` of the same build with
 * AISLE_ORIGIN at a made-up public host (Chromium maps it to 127.0.0.1, so nothing leaves the
 * machine) and an admin key per dashboard. Each dashboard asks for its key; a refund pressed after
 * the seller's session is gone is refused, and the order stays as it was.
 */

const PORT = process.env.E2E_GUARDED_PORT ?? '3101';
const HOST = 'aisle-guarded.test';
const ORIGIN = `http://${HOST}:${PORT}`;
const KEYS = {
  SELLER_SUMMIT_OUTFITTERS_ADMIN_KEY: 'summit-admin-key-e2e-0123456789',
  SELLER_VOLT_AUDIO_ADMIN_KEY: 'volt-admin-key-e2e-0123456789',
  SELLER_KISSA_TOKYO_ADMIN_KEY: 'kissa-admin-key-e2e-0123456789',
  EMULATOR_ADMIN_KEY: 'emulator-admin-key-e2e-01234567',
};

let server: ChildProcess;
let browser: Browser;
let dataDir: string;
let orderId: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(tmpdir(), 'aisle-guarded-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    PORT,
    AISLE_ORIGIN: ORIGIN,
    AISLE_DATA_DIR: dataDir,
    AISLE_SECRET: 'guarded-e2e-secret-0123456789abcdef0123',
    ...KEYS,
  };
  delete env.DATABASE_URL;
  const seeded = spawnSync('npx', ['tsx', 'e2e/seed-order.ts', dataDir], { env, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr.slice(-2000)}`);
  orderId = seeded.stdout.trim().split('\n').pop()!;
  server = spawn('npx', ['next', 'start', '-p', PORT], { env, stdio: 'ignore', detached: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).status > 0) break;
    } catch {}
    if (Date.now() > deadline) throw new Error('the guarded server did not answer within 120 s');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const base = test.info().project.use.launchOptions ?? {};
  browser = await chromium.launch({
    ...base,
    args: [...(base.args ?? []), `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
});

test.afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a seller dashboard and the emulator dashboard ask for their key, and refuse a wrong one', async () => {
  const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await page.goto(`${ORIGIN}/sellers/summit-outfitters`);
  await expect(page).toHaveURL(`${ORIGIN}/sellers/summit-outfitters/sign-in`);
  await expect(page.getByRole('heading', { name: 'Sign in to Summit Outfitters' })).toBeVisible();
  await expect(page.getByText('Local demo: dashboards are open.')).toHaveCount(0);
  await page.getByLabel('Admin key').fill(KEYS.SELLER_VOLT_AUDIO_ADMIN_KEY);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('That key is not this dashboard’s.');

  await page.goto(`${ORIGIN}/emulator`);
  await expect(page).toHaveURL(`${ORIGIN}/emulator/sign-in`);
  await expect(page.getByRole('heading', { name: 'Sign in to Stripe emulator' })).toBeVisible();
  await page.getByLabel('Admin key').fill(KEYS.EMULATOR_ADMIN_KEY);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Stripe emulator', level: 1 })).toBeVisible();
});

test('a refund without the seller’s session is refused and changes nothing', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/sellers/summit-outfitters/sign-in`);
  await page.getByLabel('Admin key').fill(KEYS.SELLER_SUMMIT_OUTFITTERS_ADMIN_KEY);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${ORIGIN}/sellers/summit-outfitters`);
  const row = page.locator(`[id="${orderId}"]`);
  await expect(row).toContainText('Grace Hopper');
  await context.clearCookies();
  page.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: /refund/i }).click();
  await expect(row.getByRole('alert')).toHaveText('Sign in to this seller’s dashboard first.');
  await page.goto(`${ORIGIN}/sellers/summit-outfitters`);
  await expect(page).toHaveURL(`${ORIGIN}/sellers/summit-outfitters/sign-in`);
  await context.close();
});
