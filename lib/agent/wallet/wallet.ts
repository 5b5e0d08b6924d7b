import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { agentWalletCustomers, buyers } from '@/lib/db/schema';
import { resolveWalletDeps } from './deps';
import { WalletError, type SavedCard, type WalletDeps } from './types';

/** Every function takes the wallet's deps, or just the database (the factory then supplies Stripe). */
export type WalletInput = WalletDeps | Db;

/**
 * The buyer's wallet: a Stripe Customer on the agent's account and the cards saved to it. Every
 * function is scoped to one buyer: another buyer's card answers as if it did not exist.
 */

const MAX_CARDS = 100;

async function storedCustomerId(db: Db, buyerId: string, mode: WalletDeps['mode']): Promise<string | null> {
  const [row] = await db
    .select({ customerId: agentWalletCustomers.customerId })
    .from(agentWalletCustomers)
    .where(and(eq(agentWalletCustomers.buyerId, buyerId), eq(agentWalletCustomers.stripeMode, mode)));
  return row?.customerId ?? null;
}

/**
 * The buyer's Customer on the agent's Stripe account, created the first time. Two first calls at
 * once share one Customer: the create carries an idempotency key derived from the buyer, so Stripe
 * answers both with the same object, and the row is written once.
 */
export async function ensureStripeCustomer(input: WalletInput, buyerId: string): Promise<string> {
  const deps = await resolveWalletDeps(input);
  const existing = await storedCustomerId(deps.db, buyerId, deps.mode);
  if (existing) return existing;
  const stripe = await deps.stripe();
  const customer = await stripe.customers.create(
    { description: 'Aisle buyer', metadata: { aisle_buyer_id: buyerId } },
    { idempotencyKey: `aisle-wallet-customer-${buyerId}` },
  );
  await deps.db.insert(buyers).values({ id: buyerId }).onConflictDoNothing();
  await deps.db
    .insert(agentWalletCustomers)
    .values({ buyerId, stripeMode: deps.mode, customerId: customer.id })
    .onConflictDoNothing();
  const stored = await storedCustomerId(deps.db, buyerId, deps.mode);
  if (!stored) throw new Error(`The wallet could not record the Stripe customer of buyer ${buyerId}.`);
  return stored;
}

/** A SetupIntent for saving one card to the buyer's Customer; the browser confirms it with Elements. */
export async function createSetupIntent(
  input: WalletInput,
  buyerId: string,
): Promise<{ setupIntentId: string; clientSecret: string }> {
  const deps = await resolveWalletDeps(input);
  const customer = await ensureStripeCustomer(deps, buyerId);
  const stripe = await deps.stripe();
  const intent = await stripe.setupIntents.create({
    customer,
    usage: 'off_session',
    allowed_payment_method_types: ['card'],
    metadata: { aisle_buyer_id: buyerId },
  });
  if (!intent.client_secret) throw new Error(`SetupIntent ${intent.id} came back without a client secret.`);
  return { setupIntentId: intent.id, clientSecret: intent.client_secret };
}

function toSavedCard(pm: Stripe.PaymentMethod, defaultId: string | null): SavedCard | null {
  if (pm.type !== 'card' || !pm.card) return null;
  return {
    id: pm.id,
    brand: pm.card.brand ?? 'unknown',
    last4: pm.card.last4,
    expMonth: pm.card.exp_month,
    expYear: pm.card.exp_year,
    funding: pm.card.funding ?? 'unknown',
    isDefault: pm.id === defaultId,
    created: pm.created,
  };
}

function isMissing(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: string }).code === 'resource_missing'
  );
}

/**
 * The buyer's cards, newest first, read from Stripe. The default is the one set on the Customer;
 * without one (or once it is removed) the oldest card is the default, so a first card is always it.
 */
export async function listCards(input: WalletInput, buyerId: string): Promise<SavedCard[]> {
  const deps = await resolveWalletDeps(input);
  const customerId = await storedCustomerId(deps.db, buyerId, deps.mode);
  if (!customerId) return [];
  const stripe = await deps.stripe();
  let customer: Stripe.Customer | Stripe.DeletedCustomer;
  let methods: Stripe.ApiList<Stripe.PaymentMethod>;
  try {
    [customer, methods] = await Promise.all([
      stripe.customers.retrieve(customerId),
      stripe.customers.listPaymentMethods(customerId, { type: 'card', limit: MAX_CARDS }),
    ]);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const chosen =
    'deleted' in customer && customer.deleted ? null : customerDefault(customer as Stripe.Customer);
  // Stripe lists newest first; `created` has one-second precision, so the list's order is the one to trust.
  const data = methods.data;
  const defaultId = chosen && data.some((pm) => pm.id === chosen) ? chosen : (data.at(-1)?.id ?? null);
  return data.flatMap((pm) => toSavedCard(pm, defaultId) ?? []);
}

function customerDefault(customer: Stripe.Customer): string | null {
  const value = customer.invoice_settings?.default_payment_method;
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

/** One of the buyer's cards, or null when it is not theirs (or does not exist). */
export async function getCard(
  input: WalletInput,
  buyerId: string,
  paymentMethodId: string,
): Promise<SavedCard | null> {
  const deps = await resolveWalletDeps(input);
  return (await listCards(deps, buyerId)).find((card) => card.id === paymentMethodId) ?? null;
}

/** The card a purchase uses unless the buyer picks another, or null with an empty wallet. */
export async function getDefaultCard(input: WalletInput, buyerId: string): Promise<SavedCard | null> {
  const deps = await resolveWalletDeps(input);
  return (await listCards(deps, buyerId)).find((card) => card.isDefault) ?? null;
}

async function requireOwnCard(
  deps: WalletDeps,
  buyerId: string,
  paymentMethodId: string,
): Promise<{ card: SavedCard; customerId: string }> {
  const customerId = await storedCustomerId(deps.db, buyerId, deps.mode);
  const card = customerId ? await getCard(deps, buyerId, paymentMethodId) : null;
  if (!customerId || !card) throw new WalletError('card_not_found', 'That card is not in this wallet.');
  return { card, customerId };
}

export async function setDefaultCard(
  input: WalletInput,
  buyerId: string,
  paymentMethodId: string,
): Promise<SavedCard> {
  const deps = await resolveWalletDeps(input);
  const { card, customerId } = await requireOwnCard(deps, buyerId, paymentMethodId);
  const stripe = await deps.stripe();
  await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: card.id } });
  return { ...card, isDefault: true };
}

/** Detaches the card from the buyer's Customer: Stripe can no longer charge it for this buyer. */
export async function removeCard(
  input: WalletInput,
  buyerId: string,
  paymentMethodId: string,
): Promise<SavedCard> {
  const deps = await resolveWalletDeps(input);
  const { card } = await requireOwnCard(deps, buyerId, paymentMethodId);
  const stripe = await deps.stripe();
  await stripe.paymentMethods.detach(card.id);
  return card;
}

/** The buyer's Customer id when they have one, for checkout code that needs it next to a card. */
export async function findStripeCustomer(input: WalletInput, buyerId: string): Promise<string | null> {
  const deps = await resolveWalletDeps(input);
  return storedCustomerId(deps.db, buyerId, deps.mode);
}
