import { expect, test, type Locator, type Page } from '@playwright/test';
import { ask, buyFromCard } from './chat-helpers';

// After a purchase the order lives on: the seller ships it (its dashboard sends a signed webhook),
// the buyer sees it on /orders and asks the chat about it, or cancels it before it ships.

/** search → Buy → save the 4242 card → Pay; returns the order card. */
async function purchase(page: Page, search: string): Promise<Locator> {
  await page.goto('/');
  const results = await ask(page, search);
  const checkout = await buyFromCard(page, results.getByTestId('product-card').first());
  await checkout.getByLabel('Card number').fill('4242424242424242');
  await checkout.getByLabel('Expiration date').fill('12 / 34');
  await checkout.getByLabel('Security code').fill('123');
  await checkout.getByLabel(/ZIP code|Postal code/).fill('94107');
  await checkout.getByRole('button', { name: 'Save card' }).click();
  await expect(checkout.locator('[data-testid="saved-card"][data-last4="4242"]')).toBeVisible();
  await checkout.getByTestId('pay-button').click();
  const order = page.getByTestId('order-card').last();
  await expect(order).toBeVisible();
  return order;
}

/** The buyer's order on /orders, re-read until its status is the one expected (webhooks are asynchronous). */
async function expectOrderStatus(page: Page, orderId: string, status: string) {
  await page.goto('/orders');
  const order = page.locator(`[data-testid="order"][data-order-id="${orderId}"]`);
  await expect(async () => {
    await page.reload();
    await expect(order).toHaveAttribute('data-status', status, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  return order;
}

test('the seller marks the order shipped on its dashboard; /orders shows it, and the chat knows where it is', async ({
  page,
}) => {
  const card = await purchase(page, 'waterproof hiking boots');
  const orderId = (await card.getAttribute('data-order-id'))!;
  const number = (await card.getByTestId('order-number').innerText()).replace(/^Order\s+/, '');

  const mine = await expectOrderStatus(page, orderId, 'processing');
  await expect(mine.getByTestId('cancel-order')).toBeVisible();

  await page.goto('/sellers/summit-outfitters');
  const row = page.locator('tr, li, article').filter({ hasText: number }).first();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: /mark.*shipped|ship/i }).click();

  const shipped = await expectOrderStatus(page, orderId, 'shipped');
  await expect(shipped.getByTestId('order-timeline').locator('[data-step="shipped"]')).toHaveAttribute(
    'data-reached',
    'true',
  );
  await expect(shipped.getByTestId('cancel-order')).toHaveCount(0);
  await expect(shipped).toContainText(/Tracking/);

  await page.goto('/');
  const answer = await ask(page, 'where is my order?');
  const row2 = answer.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
  await expect(row2).toBeVisible();
  await expect(row2.getByTestId('order-status')).toHaveAttribute('data-status', 'shipped');
});

test('cancelling an order that has not shipped: the seller refunds it', async ({ page }) => {
  const card = await purchase(page, 'headphones');
  const orderId = (await card.getAttribute('data-order-id'))!;
  const order = await expectOrderStatus(page, orderId, 'processing');
  page.once('dialog', (dialog) => void dialog.accept());
  await order.getByTestId('cancel-order').click();
  const refunded = await expectOrderStatus(page, orderId, 'refunded');
  await expect(refunded.getByTestId('order-refunded')).toBeVisible();
  await expect(refunded.getByTestId('order-timeline').locator('[data-step="refunded"]')).toHaveAttribute(
    'data-reached',
    'true',
  );
});

test('another buyer sees none of these orders', async ({ page, browser }) => {
  const card = await purchase(page, 'speaker');
  const orderId = (await card.getAttribute('data-order-id'))!;
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await other.goto('/orders');
  await expect(other.getByTestId('order')).toHaveCount(0);
  const response = await other.goto(`/orders/${orderId}`);
  expect(response?.status()).toBe(404);
  await stranger.close();
});
