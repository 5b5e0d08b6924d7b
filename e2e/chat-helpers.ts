import { expect, type Page } from '@playwright/test';

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
