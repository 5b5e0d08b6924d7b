import type Stripe from 'stripe';
import type { CheckoutSession } from '@/lib/acp/types';
import { findStripeCustomer, getCard, getDefaultCard } from '@/lib/agent/wallet/wallet';
import type { Db } from '@/lib/db/client';
import {
  agentPublishableKey,
  createStripeFactory,
  sellerNetworkProfile,
  stripeFor,
  stripeMode,
  type StripeFactory,
} from '@/lib/stripe/client';

/** A saved card of the buyer, as the checkout card and the timeline show it. */
export interface PaymentCard {
  id: string;
  brand?: string;
  last4?: string;
}

/** What Pay needs from Stripe and the wallet; tests and the bench inject their own. */
export interface PaymentDeps {
  /**
   * Where Stripe clients come from. Defaults to a factory on `fetch` when the caller passes one
   * (tests route `${origin}/v1/*` to the emulator through it), else the app's factory.
   */
  stripeFactory?: StripeFactory;
  /** The buyer's card by id, or their default card; null when the buyer has none (or it is not theirs). */
  findCard?: (db: Db, buyerId: string, paymentMethodId?: string) => Promise<PaymentCard | null>;
}

const appFactory: StripeFactory = {
  get mode() {
    return stripeMode();
  },
  stripeFor,
  agentPublishableKey,
  sellerNetworkProfile,
};

/**
 * The seller's Stripe network business profile, which scopes the SPT to that seller: every seller,
 * demo or not, names it in its payment handler's config, and the agent reads it from there.
 */
export function sellerProfileOf(session: CheckoutSession): string | null {
  for (const handler of session.capabilities.payment?.handlers ?? []) {
    const config = handler.config as Record<string, unknown>;
    const value = config.network_business_profile ?? config.profile ?? config.stripe_profile;
    if (typeof value === 'string' && value.startsWith('profile_')) return value;
  }
  return null;
}

export function resolveStripeFactory(deps: PaymentDeps & { db: Db; fetch?: typeof fetch }): StripeFactory {
  if (deps.stripeFactory) return deps.stripeFactory;
  return deps.fetch ? createStripeFactory({ db: deps.db, fetch: deps.fetch }) : appFactory;
}

export function defaultPaymentDeps(deps: PaymentDeps & { db: Db; fetch?: typeof fetch }) {
  const factory = resolveStripeFactory(deps);
  const stripe = (): Promise<Stripe> => factory.stripeFor('agent');
  return {
    stripe,
    async findCard(db: Db, buyerId: string, paymentMethodId?: string): Promise<PaymentCard | null> {
      if (deps.findCard) return deps.findCard(db, buyerId, paymentMethodId);
      const wallet = { db, stripe, mode: factory.mode };
      if (!paymentMethodId) return getDefaultCard(wallet, buyerId);
      // One read instead of listing the wallet: the card must hang on this buyer's own Customer.
      const customerId = await findStripeCustomer(wallet, buyerId);
      if (!customerId) return null;
      try {
        const pm = await (await stripe()).paymentMethods.retrieve(paymentMethodId);
        const owner = typeof pm.customer === 'string' ? pm.customer : pm.customer?.id;
        return owner === customerId && pm.card
          ? { id: pm.id, brand: pm.card.brand, last4: pm.card.last4 }
          : null;
      } catch {
        return getCard(wallet, buyerId, paymentMethodId);
      }
    },
  };
}
