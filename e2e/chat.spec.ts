import { expect, test, type Page } from '@playwright/test';

/** Types a message as a buyer would, presses Enter, and waits for the agent's whole answer. */
async function ask(page: Page, text: string) {
  const answers = page.getByTestId('assistant-message');
  const before = await answers.count();
  const input = page.getByRole('textbox', { name: /message the shopping agent|ショッピングエージェント/i });
  await input.fill(text);
  await input.press('Enter');
  await expect(answers).toHaveCount(before + 1);
  await expect(page.getByTestId('chat-messages')).toHaveAttribute('data-status', 'ready');
  return answers.last();
}

async function amounts(cards: ReturnType<Page['locator']>) {
  return cards.locator('[data-amount]').evaluateAll((nodes) =>
    nodes.map((n) => ({
      amount: Number(n.getAttribute('data-amount')),
      currency: n.getAttribute('data-currency'),
    })),
  );
}

test('a shopper searches, refines, opens the second result, compares, and finds it all after a reload', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('chat-empty')).toBeVisible();
  await expect(page.getByTestId('model-badge')).toContainText('aisle-offline');

  const search = await ask(page, 'hiking boots');
  const cards = search.getByTestId('product-card');
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThan(1);
  const image = cards.first().locator('img');
  await expect(image).toHaveAttribute('src', /\/products\//);
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(cards.first().locator('[data-currency]')).toHaveText(/\$\d/);
  await expect(page).toHaveURL(/\/chat\/[A-Za-z0-9_-]+$/);

  const refined = await ask(page, 'under $150');
  const cheaper = refined.getByTestId('product-card');
  await expect(cheaper.first()).toBeVisible();
  for (const price of await amounts(cheaper)) expect(price.amount).toBeLessThanOrEqual(15000);
  const titles = await cheaper.locator('h3').allTextContents();
  expect(titles.length).toBeGreaterThan(1);

  const second = await ask(page, 'the second one');
  await expect(second.getByTestId('product-detail')).toBeVisible();
  await expect(second.getByTestId('product-detail').locator('h3')).toHaveText(titles[1]);

  const compared = await ask(page, 'compare the first two');
  const table = compared.getByTestId('comparison-table');
  await expect(table).toBeVisible();
  await expect(table).toContainText(titles[0]);
  await expect(table).toContainText(titles[1]);

  await page.reload();
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await expect(page.getByTestId('product-detail')).toBeVisible();
  await expect(page.getByTestId('comparison-table')).toBeVisible();
  await expect(page.getByTestId('user-message')).toHaveCount(4);
  await expect(
    page.getByRole('navigation', { name: 'Chats' }).getByRole('link', { name: 'hiking boots' }),
  ).toBeVisible();

  // A new chat starts empty, and the old one stays in the list.
  await page.getByRole('link', { name: /New chat/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('chat-empty')).toBeVisible();
  await expect(page.getByTestId('product-card')).toHaveCount(0);
});

test('the Details button on a card asks about that product', async ({ page }) => {
  await page.goto('/');
  const search = await ask(page, 'headphones');
  const first = search.getByTestId('product-card').first();
  const title = (await first.locator('h3').textContent())!;
  await first.getByRole('button', { name: /Details/ }).click();
  await expect(page.getByTestId('user-message').last()).toHaveText(`Tell me about ${title}`);
  await expect(page.getByTestId('assistant-message').last().getByTestId('product-detail')).toBeVisible();
});

test('an example prompt sends itself, and nothing matched offers a broader search', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Waterproof hiking boots under $150' }).click();
  await expect(
    page.getByTestId('assistant-message').first().getByTestId('product-card').first(),
  ).toBeVisible();
  await expect(page.getByTestId('chat-messages')).toHaveAttribute('data-status', 'ready');
  const none = await ask(page, 'hiking boots under $20');
  await expect(none.getByTestId('no-results')).toBeVisible();
  await none.getByRole('button', { name: /Try a broader search/ }).click();
  await expect(page.getByTestId('assistant-message')).toHaveCount(3);
  await expect(
    page.getByTestId('assistant-message').last().getByTestId('product-card').first(),
  ).toBeVisible();
});

test('a refused or failed answer says why in a sentence and can be retried', async ({ page }) => {
  await page.goto('/');
  const failures = [
    {
      status: 429,
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          code: 'rate_limited',
          message:
            'You are sending messages faster than the agent can keep up. Wait 12 seconds and try again.',
        },
      }),
    },
    {
      status: 200,
      contentType: 'text/event-stream',
      body: 'data: {"type":"start"}\n\ndata: {"type":"error","errorText":"The model could not answer just now. Try again."}\n\n',
    },
  ];
  await page.route('**/api/chat', (route) => {
    const failure = failures.shift();
    return failure ? route.fulfill(failure) : route.continue();
  });
  const input = page.getByRole('textbox', { name: 'Message the shopping agent' });
  await input.fill('tents');
  await input.press('Enter');
  await expect(page.getByTestId('chat-error')).toContainText('Wait 12 seconds and try again.');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('chat-error')).toContainText('The model could not answer just now.');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await expect(page.getByTestId('chat-error')).toHaveCount(0);
  await expect(page.getByTestId('user-message')).toHaveCount(1);
});

test('a Japanese conversation shows yen prices', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByText('何をお探しですか？')).toBeVisible();
  const answer = await ask(page, '5000円以下のコーヒー豆');
  const cards = answer.getByTestId('product-card');
  await expect(cards.first()).toBeVisible();
  const prices = await amounts(cards);
  expect(prices.length).toBeGreaterThan(0);
  for (const price of prices) {
    expect(price.currency).toBe('jpy');
    expect(price.amount).toBeLessThanOrEqual(5000);
  }
  await expect(cards.first().locator('[data-currency]')).toHaveText(/[¥￥]\s?\d/);
  await expect(answer.locator('p').first()).toContainText(/[぀-ヿ一-鿿]/);
  await context.close();
});

test("another buyer's chat is not found", async ({ page, browser }) => {
  await page.goto('/');
  await ask(page, 'tents');
  await expect(page).toHaveURL(/\/chat\//);
  const url = page.url();
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  const response = await other.goto(url);
  expect(response?.status()).toBe(404);
  await stranger.close();
});

test('on a phone the chat fits the screen and still shows cards', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto('/');
  const answer = await ask(page, 'rain jacket');
  await expect(answer.getByTestId('product-card').first()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});
