import { expect, test, type Locator, type Page } from '@playwright/test';
import { ask, buyFromCard } from './chat-helpers';

// Each test is a new buyer (a fresh browser context) with an empty wallet, buying on the embedded
// defaults: the offline model, the Stripe emulator with its Stripe.js stand-in, the demo sellers.

/** Search, press Buy on the first card whose title matches, and get the checkout card the agent prepares. */
async function buy(page: Page, search: string, title?: RegExp): Promise<Locator> {
  await page.goto('/');
  const results = await ask(page, search);
  const cards = results.getByTestId('product-card');
  const card = title
    ? cards.filter({ has: page.getByRole('heading', { name: title }) }).first()
    : cards.first();
  await expect(card).toBeVisible();
  return buyFromCard(page, card);
}

async function saveCard(scope: Locator, number: string, options: { challenge?: 'approve' } = {}) {
  const page = scope.page();
  await expect(scope.getByLabel(/Card number|カード番号/)).toBeVisible();
  await scope.getByLabel(/Card number|カード番号/).fill(number);
  await scope.getByLabel(/Expiration date|有効期限/).fill('12 / 34');
  await scope.getByLabel(/Security code|セキュリティコード/).fill('123');
  const postal = scope.getByLabel(/ZIP code|Postal code|郵便番号/);
  // The form asks for the postal code of the country it shows: a ZIP code, or a Japanese 〒 code.
  if (await postal.count())
    await postal.fill(
      ((await postal.getAttribute('placeholder')) ?? '').includes('-') ? '150-0001' : '94107',
    );
  await scope.getByRole('button', { name: /Save card|カードを保存/ }).click();
  if (options.challenge) await approveChallenge(page);
  await expect(scope.locator(`[data-testid="saved-card"][data-last4="${number.slice(-4)}"]`)).toBeVisible();
}

async function approveChallenge(page: Page) {
  const dialog = page.locator('dialog[data-aisle-stripe-challenge]');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /Complete authentication|認証を完了する/ }).click();
}

/** Presses Pay and returns the total it named, as minor units and currency. */
async function pay(checkout: Locator) {
  const button = checkout.getByTestId('pay-button');
  await expect(button).toBeEnabled();
  const amount = Number(await button.getAttribute('data-amount'));
  const currency = await button.getAttribute('data-currency');
  await button.click();
  return { amount, currency };
}

async function expectTimeline(
  page: Page,
  order: Locator,
  total: { amount: number; currency: string | null },
) {
  await order.getByRole('link', { name: /How this purchase worked|この購入のしくみ/ }).click();
  await expect(page.getByTestId('purchase-timeline')).toBeVisible();
  const max = page.getByTestId('spt-max-amount').locator('[data-amount]').first();
  await expect(max).toHaveAttribute('data-amount', String(total.amount));
  await expect(max).toHaveAttribute('data-currency', total.currency ?? '');
  await expect(page.getByTestId('spt-status')).toContainText('consumed');
  const intent = page.getByTestId('payment-intent');
  await expect(intent).toContainText(/pi_\w+/);
  await expect(intent.locator('[data-amount]').first()).toHaveAttribute('data-amount', String(total.amount));
  await expect(page.getByTestId('acp-exchange').filter({ hasText: '/complete' }).last()).toBeVisible();
}

test('search → Buy → save the 4242 card → Pay → order card, and the timeline shows the SPT it used', async ({
  page,
}) => {
  const checkout = await buy(page, 'waterproof hiking boots size 10');
  await expect(checkout).toContainText('Size 10');
  await expect(checkout.getByTestId('test-address-note')).toBeVisible();
  await expect(checkout.getByTestId('checkout-totals')).toBeVisible();
  await saveCard(checkout, '4242424242424242');
  const total = await pay(checkout);

  const order = page.getByTestId('order-card').last();
  await expect(order).toBeVisible();
  await expect(order.locator('[data-amount]').first()).toHaveAttribute('data-amount', String(total.amount));
  await expect(order.getByTestId('order-delivery')).toBeVisible();
  await expectTimeline(page, order, total);
});

test('a declined card shows the seller’s message; another card then pays', async ({ page }) => {
  const checkout = await buy(page, 'headphones');
  await saveCard(checkout, '4000000000009995');
  await pay(checkout);
  const error = checkout.getByTestId('checkout-error');
  await expect(error).toContainText('declined');
  await expect(error).toHaveAttribute('data-code', 'payment_declined');

  await checkout.getByRole('button', { name: /Add a card/ }).click();
  await saveCard(checkout, '4242424242424242');
  await expect(checkout.locator('[data-testid="saved-card"][data-last4="4242"] input')).toBeChecked();
  const total = await pay(checkout);
  const order = page.getByTestId('order-card').last();
  await expect(order).toBeVisible();
  await expectTimeline(page, order, total);
  await expect(page.getByTestId('earlier-attempts')).toContainText('declined');
});

test('a card that needs 3D Secure: the bank’s challenge, then the purchase completes', async ({ page }) => {
  const checkout = await buy(page, 'coffee grinder');
  await saveCard(checkout, '4000002500003155', { challenge: 'approve' });
  await pay(checkout);
  await approveChallenge(page);
  const order = page.getByTestId('order-card').last();
  await expect(order).toBeVisible();
});

test('the last unit bought by someone else meanwhile: the seller says it is out of stock', async ({
  page,
  browser,
}) => {
  const mine = await buy(page, 'ultralight tent', /Featherline/);
  await saveCard(mine, '4242424242424242');

  const other = await browser.newContext();
  const theirs = await other.newPage();
  const theirCheckout = await buy(theirs, 'ultralight tent', /Featherline/);
  await saveCard(theirCheckout, '4242424242424242');
  await pay(theirCheckout);
  await expect(theirs.getByTestId('order-card').last()).toBeVisible();
  await other.close();

  await pay(mine);
  await expect(mine.getByTestId('checkout-error')).toBeVisible();
  await expect(mine.locator('[data-testid="seller-message"][data-code="out_of_stock"]')).toBeVisible();
  await expect(page.getByTestId('order-card')).toHaveCount(0);
});

test('a Japanese conversation buys from the Japanese seller in yen, end to end', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  const checkout = await buy(page, '5000円以下のコーヒー豆');
  await expect(checkout).toContainText('Kissa Tokyo');
  const button = checkout.getByTestId('pay-button');
  await expect(button).toHaveAttribute('data-currency', 'jpy');
  await expect(checkout.getByTestId('checkout-totals')).toContainText(/[¥￥]/);
  await saveCard(checkout, '4242424242424242');
  await expect(button).toContainText('支払う');
  const total = await pay(checkout);
  expect(total.currency).toBe('jpy');
  const order = page.getByTestId('order-card').last();
  await expect(order).toContainText('注文が確定しました');
  await expect(order.locator('[data-amount]').first()).toHaveAttribute('data-amount', String(total.amount));
  await expectTimeline(page, order, total);
  await context.close();
});

test('the agent changes the checkout after the card is shown: Pay is refused with what changed, and the refreshed card pays', async ({
  page,
}) => {
  await saveCard(await buy(page, 'waterproof hiking boots'), '4242424242424242');
  // The model edits the checkout behind the card the buyer is looking at (the offline model can
  // change the delivery option; a prompt-injected model could change the address the same way).
  await ask(page, 'make it express shipping');
  const cards = page.getByTestId('checkout-card');
  await expect(cards).toHaveCount(2);
  const shown = cards.first();

  await pay(shown);
  const error = shown.getByTestId('checkout-error');
  await expect(error).toHaveAttribute('data-code', 'quote_changed');
  await expect(error).toContainText('Nothing was charged');
  await expect(shown.getByTestId('quote-change').first()).toContainText(
    'The delivery option changed since you saw it: now',
  );
  await expect(page.getByTestId('order-card')).toHaveCount(0);

  const total = await pay(shown);
  const order = page.getByTestId('order-card').last();
  await expect(order).toBeVisible();
  await expect(order.locator('[data-amount]').first()).toHaveAttribute('data-amount', String(total.amount));
});
