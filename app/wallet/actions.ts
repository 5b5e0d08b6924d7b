'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  allowCardSetup,
  createSetupIntent,
  getCard,
  listCards,
  removeCard,
  setDefaultCard,
  walletDeps,
  WalletError,
  walletFailureCode,
  type SavedCard,
  type WalletFailureCode,
} from '@/lib/agent/wallet';
import { requireBuyer } from '@/lib/buyer/current';
import { agentPublishableKey, stripeMode } from '@/lib/stripe/client';

export type WalletActionResult<T> = { ok: true; value: T } | { ok: false; code: WalletFailureCode };

const paymentMethodId = z.string().regex(/^pm_[A-Za-z0-9_]{1,250}$/);

async function run<T>(work: (buyerId: string) => Promise<T>): Promise<WalletActionResult<T>> {
  try {
    return { ok: true, value: await work(await requireBuyer()) };
  } catch (error) {
    const code = walletFailureCode(error);
    if (code === 'stripe_unavailable') console.error('[wallet]', error);
    return { ok: false, code };
  }
}

/** What the browser needs to load Stripe.js (or the emulator's stand-in): the mode and the agent's publishable key. */
export async function stripeBrowserConfig(): Promise<{
  mode: 'emulator' | 'stripe';
  publishableKey: string;
}> {
  return { mode: stripeMode(), publishableKey: await agentPublishableKey() };
}

/** A SetupIntent for the current buyer; the card form confirms it with its client secret. */
export async function prepareCardSetup(): Promise<WalletActionResult<{ clientSecret: string }>> {
  return run(async (buyerId) => {
    const deps = await walletDeps();
    if (!(await allowCardSetup(deps.db, buyerId)))
      throw new WalletError('rate_limited', 'Too many card setups this minute.');
    const { clientSecret } = await createSetupIntent(deps, buyerId);
    return { clientSecret };
  });
}

/** The card a just-confirmed SetupIntent saved, checked to be the current buyer's. */
export async function getSavedCard(id: string): Promise<WalletActionResult<SavedCard>> {
  const parsed = paymentMethodId.safeParse(id);
  if (!parsed.success) return { ok: false, code: 'invalid_input' };
  return run(async (buyerId) => {
    const card = await getCard(await walletDeps(), buyerId, parsed.data);
    if (!card) throw new WalletError('card_not_found', 'That card is not in this wallet.');
    revalidatePath('/wallet');
    return card;
  });
}

export async function makeDefaultCard(id: string): Promise<WalletActionResult<SavedCard>> {
  const parsed = paymentMethodId.safeParse(id);
  if (!parsed.success) return { ok: false, code: 'invalid_input' };
  const result = await run(async (buyerId) => setDefaultCard(await walletDeps(), buyerId, parsed.data));
  revalidatePath('/wallet');
  return result;
}

export async function removeSavedCard(id: string): Promise<WalletActionResult<SavedCard>> {
  const parsed = paymentMethodId.safeParse(id);
  if (!parsed.success) return { ok: false, code: 'invalid_input' };
  const result = await run(async (buyerId) => removeCard(await walletDeps(), buyerId, parsed.data));
  revalidatePath('/wallet');
  return result;
}
