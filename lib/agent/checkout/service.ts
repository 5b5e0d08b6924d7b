import { eq, sql } from 'drizzle-orm';
import type { AcpFailure } from '@/lib/acp/client';
import type { Address, CheckoutSessionUpdateRequest } from '@/lib/acp/types';
import type {
  CheckoutOutput,
  CheckoutView,
  StartCheckoutInput,
  UpdateCheckoutInput,
} from '@/lib/agent/tools/schemas';
import { getAgentSeller, type AgentSeller } from '@/lib/agent/sellers';
import type { Db } from '@/lib/db/client';
import { agentCheckouts } from '@/lib/db/schema';
import { defaultShippingAddress } from './addresses';
import { newId } from './ids';
import { groupBySeller, mergedLines, quantityProblem, resolveItems, type ProductLookup } from './items';
import { sellerClient, type SellerClientDeps } from './seller-client';
import { findCheckout, rowDetails, saveSession, storedSession, type CheckoutRow } from './store';
import { toCheckoutView, type CheckoutDetails } from './view';

/** Who a checkout operation acts for and how it reaches sellers. Built per request; never shared between buyers. */
export interface CheckoutDeps extends SellerClientDeps {
  buyerId: string;
  /** Defaults to the agent's seller registry. */
  sellers?: AgentSeller[];
  /** Defaults to the agent's catalog. */
  lookupProduct?: ProductLookup;
  /** The buyer's language: the demo's test address for Japan is written in it. */
  locale?: string;
}

export type CheckoutResult =
  { ok: true; checkout: CheckoutDetails } | { ok: false; code: string; message: string };

async function sellerFor(deps: CheckoutDeps, sellerId: string): Promise<AgentSeller | null> {
  if (deps.sellers) return deps.sellers.find((s) => s.id === sellerId) ?? null;
  return getAgentSeller(sellerId);
}

export function failureMessage(error: AcpFailure): string {
  if (error.status === 0) return 'The seller could not be reached. Try again in a moment.';
  return error.message;
}

/**
 * The startCheckout tool: opens one ACP checkout session per seller for the requested items, with a
 * test shipping address the buyer can change. It prepares only; paying needs the buyer's click.
 */
export async function startCheckout(deps: CheckoutDeps, input: StartCheckoutInput): Promise<CheckoutOutput> {
  const resolved = await resolveItems(deps.db, input.items, deps.lookupProduct);
  if (!resolved.ok) return { checkouts: [], error: resolved.error };
  const checkouts: CheckoutView[] = [];
  const errors: string[] = [];
  for (const [sellerId, items] of groupBySeller(resolved.items)) {
    const seller = await sellerFor(deps, sellerId);
    if (!seller) {
      errors.push(`The agent cannot buy from ${sellerId}.`);
      continue;
    }
    const checkoutId = newId('chk');
    await deps.db
      .insert(agentCheckouts)
      .values({ id: checkoutId, buyerId: deps.buyerId, sellerId, addressIsDefault: true });
    const address = defaultShippingAddress(seller.country, deps.locale);
    const result = await sellerClient(deps, seller, checkoutId).createSession(
      {
        currency: items[0].currency,
        line_items: items.map((item) => ({ id: item.itemId, quantity: item.quantity })),
        fulfillment_details: { name: address.name, address },
        capabilities: { interventions: { supported: ['3ds'], display_context: 'modal' } },
        metadata: { agent_checkout_id: checkoutId },
        // Sellers that localise answer in the buyer's language (shipping names, total labels).
        ...(deps.locale ? { locale: deps.locale === 'ja' ? 'ja-JP' : 'en-US' } : {}),
      },
      { idempotencyKey: `checkout:${checkoutId}:create` },
    );
    if (!result.ok) {
      await deps.db.delete(agentCheckouts).where(eq(agentCheckouts.id, checkoutId));
      errors.push(`${seller.name}: ${failureMessage(result.error)}`);
      continue;
    }
    await saveSession(deps.db, checkoutId, result.session, { sellerSessionId: result.session.id });
    checkouts.push(
      toCheckoutView({ id: checkoutId, sellerId, sellerName: seller.name, session: result.session }),
    );
  }
  return errors.length > 0 ? { checkouts, error: errors.join(' ') } : { checkouts };
}

/** Sends one update to the seller with its own idempotency key and keeps the session it returns. */
async function sendUpdate(
  deps: CheckoutDeps,
  row: CheckoutRow,
  body: CheckoutSessionUpdateRequest,
  addressIsDefault?: boolean,
): Promise<CheckoutResult> {
  if (row.status !== 'open' || !row.sellerSessionId) {
    return {
      ok: false,
      code: 'checkout_locked',
      message:
        row.status === 'completed'
          ? 'This checkout is already paid.'
          : 'This checkout can no longer be changed.',
    };
  }
  const seller = await sellerFor(deps, row.sellerId);
  if (!seller)
    return { ok: false, code: 'unknown_seller', message: `The agent cannot reach ${row.sellerId}.` };
  const [{ n }] = await deps.db
    .update(agentCheckouts)
    .set({ updateCount: sql`${agentCheckouts.updateCount} + 1` })
    .where(eq(agentCheckouts.id, row.id))
    .returning({ n: agentCheckouts.updateCount });
  const result = await sellerClient(deps, seller, row.id).updateSession(row.sellerSessionId, body, {
    idempotencyKey: `checkout:${row.id}:update:${n}`,
  });
  if (!result.ok) return { ok: false, code: result.error.code, message: failureMessage(result.error) };
  const saved = await saveSession(
    deps.db,
    row.id,
    result.session,
    addressIsDefault === undefined ? {} : { addressIsDefault },
  );
  return { ok: true, checkout: rowDetails(saved)! };
}

export interface CheckoutChange {
  /** Replaces the line items: ACP item ids (the seller's variant ids) with quantities. */
  lineItems?: { id: string; quantity: number }[];
  shippingOptionId?: string;
  address?: Address;
}

/** The card's edits (quantity, address, shipping) and the updateCheckout tool both land here. */
export async function changeCheckout(
  deps: CheckoutDeps,
  checkoutId: string,
  change: CheckoutChange,
): Promise<CheckoutResult> {
  const row = await findCheckout(deps.db, deps.buyerId, checkoutId);
  if (!row) return { ok: false, code: 'not_found', message: 'No such checkout.' };
  const session = storedSession(row);
  const body: CheckoutSessionUpdateRequest = {};
  if (change.lineItems) {
    const lines = mergedLines(change.lineItems.filter((item) => item.quantity > 0));
    if (lines.length === 0)
      return { ok: false, code: 'empty', message: 'A checkout needs at least one item.' };
    const tooMany = quantityProblem(lines);
    if (tooMany) return { ok: false, code: 'quantity_limit', message: tooMany };
    body.line_items = lines;
  }
  if (change.address) body.fulfillment_details = { name: change.address.name, address: change.address };
  if (change.shippingOptionId) {
    const itemIds = (body.line_items ?? session?.line_items.map((line) => ({ id: line.item.id })) ?? []).map(
      (item) => item.id,
    );
    body.selected_fulfillment_options = [
      { type: 'shipping', option_id: change.shippingOptionId, item_ids: itemIds },
    ];
  }
  return sendUpdate(deps, row, body, change.address ? false : undefined);
}

/** The updateCheckout tool: the same edits, with items named by catalog ids as the model knows them. */
export async function updateCheckout(
  deps: CheckoutDeps,
  input: UpdateCheckoutInput,
): Promise<CheckoutOutput> {
  const row = await findCheckout(deps.db, deps.buyerId, input.checkoutId);
  if (!row) return { checkouts: [], error: `No checkout ${input.checkoutId}.` };
  let lineItems: CheckoutChange['lineItems'];
  if (input.items) {
    const resolved = await resolveItems(deps.db, input.items, deps.lookupProduct);
    if (!resolved.ok) return { checkouts: [], error: resolved.error };
    if (resolved.items.some((item) => item.sellerId !== row.sellerId)) {
      return {
        checkouts: [],
        error: 'Items from another seller need their own checkout: call startCheckout for them.',
      };
    }
    lineItems = resolved.items.map((item) => ({ id: item.itemId, quantity: item.quantity }));
  }
  const address = input.address ? { ...input.address, state: input.address.state ?? '' } : undefined;
  const result = await changeCheckout(deps, row.id, {
    lineItems,
    shippingOptionId: input.shippingOptionId,
    address,
  });
  if (!result.ok) return { checkouts: [], error: result.message };
  return { checkouts: [result.checkout] };
}

/** The card's view of a checkout, re-read from the seller when it can still change. */
export async function loadCheckout(
  deps: CheckoutDeps,
  checkoutId: string,
  options: { refresh?: boolean } = {},
): Promise<CheckoutDetails | null> {
  const row = await findCheckout(deps.db, deps.buyerId, checkoutId);
  if (!row) return null;
  if (options.refresh && row.status === 'open' && row.sellerSessionId) {
    const seller = await sellerFor(deps, row.sellerId);
    if (seller) {
      const result = await sellerClient(deps, seller, row.id).getSession(row.sellerSessionId);
      if (result.ok) return rowDetails(await saveSession(deps.db, row.id, result.session));
    }
  }
  return rowDetails(row);
}
