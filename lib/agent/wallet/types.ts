import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';

/** A card in a buyer's wallet: what the UI shows and what checkout pays with. Never the number. */
export interface SavedCard {
  /** The PaymentMethod id on the agent's Stripe account (`pm_…`). */
  id: string;
  /** Stripe's brand: visa, mastercard, amex, discover, diners, jcb, unionpay, unknown. */
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  /** credit, debit, prepaid or unknown. */
  funding: string;
  isDefault: boolean;
  /** Unix seconds, when the card was saved. */
  created: number;
}

export type StripeMode = 'emulator' | 'stripe';

/**
 * What the wallet needs: the database, the agent's Stripe client and the mode it runs in. The app
 * builds it with `walletDeps()`; tests pass one built on the factory's test constructor.
 */
export interface WalletDeps {
  db: Db;
  stripe: () => Promise<Stripe>;
  mode: StripeMode;
}

export type WalletErrorCode = 'card_not_found' | 'stripe_unavailable' | 'rate_limited';

export class WalletError extends Error {
  constructor(
    readonly code: WalletErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WalletError';
  }
}

/** What a wallet server action reports instead of throwing, for the UI to turn into one sentence. */
export type WalletFailureCode = WalletErrorCode | 'no_buyer' | 'invalid_input';

export function walletFailureCode(error: unknown): WalletFailureCode {
  if (error instanceof WalletError) return error.code;
  if (typeof error === 'object' && error !== null && (error as { code?: string }).code === 'no_buyer')
    return 'no_buyer';
  return 'stripe_unavailable';
}
