import { expect, test } from '@playwright/test';

test('the emulator dashboard lists the seeded accounts with their secret keys masked', async ({ page }) => {
  await page.goto('/emulator');
  await expect(page.getByRole('heading', { name: 'Stripe emulator', level: 1 })).toBeVisible();
  const accounts = page.getByRole('region', { name: 'Accounts' });
  await expect(accounts.getByRole('row', { name: /Aisle Agent/ })).toBeVisible();
  await expect(accounts.getByRole('row')).toHaveCount(1 + 1 + 3); // header, the agent, three demo sellers
  await expect(accounts).toContainText('pk_test_');
  expect(await page.locator('main').innerText()).not.toMatch(/sk_test_[A-Za-z0-9]{6}/);
  await expect(page.getByRole('region', { name: 'Shared payment tokens' })).toBeVisible();
});

test('a Japanese browser gets the emulator dashboard in Japanese, with the same anchors', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto('/emulator');
  await expect(page.getByRole('heading', { name: 'Stripe エミュレーター', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/Stripe エミュレーター/);
  await expect(page.getByRole('region', { name: '共有支払いトークン (SPT)' })).toBeVisible();
  await expect(page.locator('#shared-payment-tokens-heading')).toHaveText('共有支払いトークン (SPT)');
  await expect(
    page.getByRole('region', { name: 'アカウント' }).getByRole('columnheader', { name: 'シークレットキー' }),
  ).toBeVisible();
  await context.close();
});
