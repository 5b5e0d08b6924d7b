import { expect, test } from '@playwright/test';

test('the home page renders the shell with navigation and the running modes', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Aisle' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const label of ['Chat', 'Orders', 'Wallet', 'Sellers'])
    await expect(nav.getByRole('link', { name: label })).toBeVisible();
  await expect(page.getByTestId('mode-pill')).toContainText('offline model');
});

test('switching the language turns the page Japanese and remembers it', async ({ page }) => {
  // The switch acts once React has hydrated the header; a choice made before that is only a DOM change.
  await page.goto('/', { waitUntil: 'networkidle' });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: '注文' }),
  ).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});

test('a Japanese browser gets Japanese without choosing', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await context.close();
});

test('the theme switch turns the page dark', async ({ page }) => {
  await page.goto('/', { waitUntil: 'networkidle' });
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
