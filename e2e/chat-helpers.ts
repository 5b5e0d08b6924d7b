import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Sends a chat message as a buyer would and returns the answer once it has ended (answered or
 * failed: the chat's status is `ready` or `error`).
 */
export async function ask(page: Page, text: string) {
  const answers = page.getByTestId('assistant-message');
  const before = await answers.count();
  const input = page.getByRole('textbox', { name: /message the shopping agent|ショッピングエージェント/i });
  // Typed before the page is interactive, a message would be lost: wait until the composer takes it.
  await expect(async () => {
    await input.fill(text);
    await expect(page.getByTestId('chat-send')).toBeEnabled({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await input.press('Enter');
  await expect(answers).toHaveCount(before + 1);
  await expect(page.getByTestId('chat-messages')).toHaveAttribute('data-status', /^(ready|error)$/);
  return answers.last();
}

/**
 * Presses Buy on a product card and returns the checkout card the agent prepares. When the agent
 * asks which size or colour first, the buyer picks the first value in stock of each open option,
 * as a shopper answering the question would.
 */
export async function buyFromCard(page: Page, card: Locator): Promise<Locator> {
  const answers = page.getByTestId('assistant-message');
  const messages = page.getByTestId('chat-messages');
  const before = await answers.count();
  await card.getByRole('button', { name: /^(Buy|購入):/ }).click();
  await expect(answers).toHaveCount(before + 1);
  await expect(messages).toHaveAttribute('data-status', 'ready');
  const answer = answers.last();
  if (await answer.getByTestId('option-question').isVisible()) {
    for (const group of await answer.getByTestId('product-detail').locator('fieldset').all())
      if (!(await group.getByRole('radio', { checked: true }).count()))
        await group.locator('label:not(.line-through)').first().click();
    await expect(answers).toHaveCount(before + 2);
    await expect(messages).toHaveAttribute('data-status', 'ready');
  }
  const checkout = answers.last().getByTestId('checkout-card');
  await expect(checkout).toHaveAttribute('data-status', 'ready_for_payment');
  return checkout;
}
