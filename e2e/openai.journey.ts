import { expect, test } from '@playwright/test';
import { ask } from './chat-helpers';

// The app configured for a hosted model (OPENAI_API_KEY), against the fake OpenAI: each test runs
// once per API (projects in playwright.openai.config.ts). The fake plays a well-behaved shopping
// model unless a test switches it to another script.

async function play(script: string) {
  const fake = String(test.info().config.metadata.fakeOpenAI);
  const response = await fetch(`${fake}/__fake/script`, { method: 'POST', body: JSON.stringify({ script }) });
  expect(response.status).toBe(204);
}

test.afterEach(() => play('good'));

test('search → card → checkout → Pay, with the model answering over this API', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('model-badge')).toContainText('fake-model');
  const results = await ask(page, 'waterproof hiking boots');
  const card = results.getByTestId('product-card').first();
  await expect(card).toBeVisible();
  await expect(results).toContainText('looks like the best match');
  await expect(results.getByTestId('message-model')).toContainText(/tokens in/);

  await card.getByRole('button', { name: /^Buy:/ }).click();
  const answers = page.getByTestId('assistant-message');
  await expect(answers).toHaveCount(2);
  const checkout = answers.last().getByTestId('checkout-card');
  await expect(checkout).toHaveAttribute('data-status', 'ready_for_payment');
  await expect(answers.last()).toContainText('press Pay');

  await checkout.getByLabel('Card number').fill('4242424242424242');
  await checkout.getByLabel('Expiration date').fill('12 / 34');
  await checkout.getByLabel('Security code').fill('123');
  const postal = checkout.getByLabel(/ZIP code|Postal code/);
  if (await postal.count()) await postal.fill('94107');
  await checkout.getByRole('button', { name: 'Save card' }).click();
  await expect(checkout.locator('[data-testid="saved-card"][data-last4="4242"]')).toBeVisible();
  await checkout.getByTestId('pay-button').click();
  await expect(page.getByTestId('order-card').last()).toBeVisible();
});

test('a model claiming a payment gets the app’s notice, and its link shows as text with its host', async ({
  page,
}) => {
  await page.goto('/');
  await play('claims-payment');
  const answer = await ask(page, 'did my payment go through?');
  await expect(answer).toContainText('Your payment is complete');
  await expect(answer).toContainText('on the payment page (pay.evil.example)');
  await expect(answer.locator('a')).toHaveCount(0);
  await expect(answer.getByTestId('chat-notice')).toHaveAttribute('data-code', 'unverified_claim');
});

test('a 429 counts down before Try again, and the next message is answered', async ({ page }) => {
  await page.goto('/');
  await play('rate-limited');
  await ask(page, 'boots');
  const error = page.getByTestId('chat-error');
  await expect(error).toContainText('Try again in 20 seconds');
  await expect(page.getByTestId('chat-retry')).toBeDisabled();
  await expect(page.getByTestId('chat-retry')).toHaveText(/Try again in \d+ s/);

  await play('good');
  const next = await ask(page, 'waterproof hiking boots');
  await expect(next.getByTestId('product-card').first()).toBeVisible();
  await expect(error).toHaveCount(0);
});

test('a refused key says the assistant is misconfigured, with no Try again', async ({ page }) => {
  await page.goto('/');
  await play('bad-key');
  await ask(page, 'boots');
  await expect(page.getByTestId('chat-error')).toContainText('misconfigured');
  await expect(page.getByTestId('chat-retry')).toHaveCount(0);
});

test('a cut stream is marked cut off, and stays marked after a reload', async ({ page }) => {
  await page.goto('/');
  await play('cut-off');
  const answer = await ask(page, 'which boots are best?');
  await expect(answer).toContainText('The best of these boots is the');
  await expect(answer.getByTestId('answer-cut-off')).toBeVisible();
  await expect(page).toHaveURL(/\/chat\//);
  await page.reload();
  await expect(page.getByTestId('assistant-message').last().getByTestId('answer-cut-off')).toBeVisible();
});
