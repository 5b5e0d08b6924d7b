import { expect, test, type Page } from '@playwright/test';

// Each test runs in a fresh browser context: a new buyer with an empty wallet.

async function openWallet(page: Page) {
  await page.goto('/wallet');
  await expect(page.getByRole('heading', { name: 'Wallet', level: 1 })).toBeVisible();
  // The Payment Element (the emulator's Stripe.js stand-in) is ready once its fields are there.
  await expect(page.getByLabel('Card number')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save card' })).toBeEnabled();
}

async function enterCard(page: Page, number: string) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiration date').fill('12 / 34');
  await page.getByLabel('Security code').fill('123');
  await page.getByLabel('ZIP code').fill('94107');
}

async function saveCard(page: Page, number: string) {
  await enterCard(page, number);
  await page.getByRole('button', { name: 'Save card' }).click();
}

const savedCards = (page: Page) => page.getByTestId('wallet-card');

test('saves the 4242 card through the Payment Element; it is listed from the Stripe customer as the default', async ({
  page,
}) => {
  await openWallet(page);
  await expect(page.getByTestId('wallet-empty')).toBeVisible();
  await expect(page.getByTestId('test-cards-hint')).toContainText('4000 0025 0000 3155');

  // Typed digit by digit, the number is grouped and the brand recognised, as Stripe's form does.
  await page.getByLabel('Card number').pressSequentially('4242424242424242');
  await expect(page.getByLabel('Card number')).toHaveValue('4242 4242 4242 4242');
  await expect(page.getByLabel('Expiration date')).toBeFocused();
  await page.getByLabel('Expiration date').pressSequentially('1234');
  await expect(page.getByLabel('Expiration date')).toHaveValue('12 / 34');
  await page.getByLabel('Security code').fill('123');
  await page.getByLabel('ZIP code').fill('94107');
  await page.getByRole('button', { name: 'Save card' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Visa ending in 4242 is saved' })).toBeVisible();
  await expect(savedCards(page)).toHaveCount(1);
  const card = savedCards(page).first();
  await expect(card).toContainText('Visa ending in 4242');
  await expect(card).toContainText('Expires 12/34');
  await expect(card).toContainText('Default');

  // The list is read from the PaymentMethods attached to the buyer's Customer, so it survives a reload.
  await page.reload();
  await expect(savedCards(page)).toHaveCount(1);
  await expect(savedCards(page).first()).toHaveAttribute('data-last4', '4242');
});

test('an invalid card number shows the inline error and saves nothing', async ({ page }) => {
  await openWallet(page);
  const number = page.getByLabel('Card number');
  await number.fill('4242 4242 4242 4241');
  await expect(page.getByText('Your card number is invalid.')).toBeVisible();
  await expect(number).toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('button', { name: 'Save card' }).click();
  await expect(page.getByText("Your card's expiration date is incomplete.")).toBeVisible();
  await expect(page.getByTestId('wallet-empty')).toBeVisible();

  await number.fill('4242 4242 4242 4242');
  await expect(page.getByText('Your card number is invalid.')).toBeHidden();
  await expect(number).toHaveAttribute('aria-invalid', 'false');
});

test('the 3D Secure card asks for authentication and is saved once approved', async ({ page }) => {
  await openWallet(page);
  await saveCard(page, '4000 0025 0000 3155');
  const challenge = page.getByRole('dialog', { name: 'Test 3D Secure authentication' });
  await expect(challenge).toBeVisible();
  await expect(challenge).toContainText('Visa •••• 3155');
  await challenge.getByRole('button', { name: 'Complete authentication' }).click();
  await expect(challenge).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Visa ending in 3155 is saved' })).toBeVisible();
  await expect(savedCards(page)).toHaveCount(1);
  await expect(savedCards(page).first()).toHaveAttribute('data-last4', '3155');
});

test('a failed 3D Secure authentication or a declined card leaves the wallet empty with a sentence saying why', async ({
  page,
}) => {
  await openWallet(page);
  await saveCard(page, '4000 0025 0000 3155');
  const challenge = page.getByRole('dialog', { name: 'Test 3D Secure authentication' });
  await challenge.getByRole('button', { name: 'Fail authentication' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'The bank could not confirm this card' }),
  ).toBeVisible();

  await saveCard(page, '4000 0000 0000 0002');
  await expect(page.getByRole('alert').filter({ hasText: 'Your bank declined this card' })).toBeVisible();
  await expect(page.getByTestId('wallet-empty')).toBeVisible();

  // The same form then saves a good card.
  await saveCard(page, '4242 4242 4242 4242');
  await expect(savedCards(page)).toHaveCount(1);
});

test('the buyer chooses the default card and removes one after confirming', async ({ page }) => {
  await openWallet(page);
  await saveCard(page, '4242 4242 4242 4242');
  await expect(savedCards(page)).toHaveCount(1);
  await saveCard(page, '5555 5555 5555 4444');
  await expect(savedCards(page)).toHaveCount(2);

  const mastercard = savedCards(page).filter({ hasText: 'Mastercard ending in 4444' });
  await expect(mastercard).toHaveAttribute('data-default', 'false');
  await page.getByRole('button', { name: 'Make default: Mastercard ending in 4444' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Mastercard ending in 4444 is now your default card.' }),
  ).toBeVisible();
  await expect(mastercard).toHaveAttribute('data-default', 'true');

  await page.getByRole('button', { name: 'Remove: Mastercard ending in 4444' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Mastercard ending in 4444 was removed.' }),
  ).toBeVisible();
  await expect(savedCards(page)).toHaveCount(1);
  await expect(savedCards(page).first()).toHaveAttribute('data-default', 'true');
});

test('another buyer, in another browser, does not see the first buyer’s cards', async ({ page, browser }) => {
  await openWallet(page);
  await saveCard(page, '4242 4242 4242 4242');
  await expect(savedCards(page)).toHaveCount(1);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await openWallet(otherPage);
  await expect(otherPage.getByTestId('wallet-empty')).toBeVisible();
  await expect(otherPage.getByTestId('wallet-card')).toHaveCount(0);
  await other.close();
});
