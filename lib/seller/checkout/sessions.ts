import type {
  CancelSessionRequest,
  CheckoutSession,
  CheckoutSessionCreateRequest,
  CheckoutSessionUpdateRequest,
} from '@/lib/acp/types';
import { AcpProblem, invalidRequest } from '@/lib/acp/server';
import type { Db } from '@/lib/db/client';
import { sellerCheckoutSessions } from '@/lib/db/schema';
import type { AgentIdentity } from '@/lib/seller/agents';
import type { Seller, SellerContext } from '@/lib/seller/context';
import { normalizeAddress } from '@/lib/seller/pricing/address';
import { releaseStock, stockLines } from '@/lib/seller/stock';
import { currentOrderDocument } from '@/lib/seller/orders/store';
import { cancelPendingIntent } from './payment';
import { mergeItems, type SessionInput } from './input';
import { errorMessage, messageLocale, text } from './messages';
import { derivedStatus, presentSession, sessionCapabilities } from './present';
import { checkRequestItems, presentRow, quoteFor } from './quoting';
import {
  COMPLETION_STALE_MS,
  findSession,
  lockSession,
  newId,
  paymentOf,
  saveSession,
  SESSION_TTL_MS,
  TERMINAL_STATUSES,
  type SessionRow,
} from './store';
import { DIGITAL_OPTION_ID } from './quote';

export interface SessionAnswer {
  status: number;
  session: CheckoutSession;
}

const tx = <T>(db: Db, run: (tx: Db) => Promise<T>) => db.transaction((t) => run(t as unknown as Db));

export function notFound(id: string): AcpProblem {
  return new AcpProblem(404, {
    type: 'invalid_request',
    code: 'session_not_found',
    message: `No checkout session ${id.slice(0, 80)}.`,
    param: '$.id',
  });
}

function withAddressNormalized(
  details: SessionInput['fulfillmentDetails'],
): SessionInput['fulfillmentDetails'] {
  return details?.address ? { ...details, address: normalizeAddress(details.address) } : details;
}

export async function createSession(
  ctx: SellerContext,
  seller: Seller,
  agent: AgentIdentity,
  body: CheckoutSessionCreateRequest,
): Promise<SessionAnswer> {
  if (body.currency.toLowerCase() !== seller.policy.currency) {
    throw invalidRequest(
      'unsupported_currency',
      `${seller.profile.name} sells in ${seller.policy.currency} only.`,
      '$.currency',
    );
  }
  checkRequestItems(seller, body.line_items);
  const input: SessionInput = {
    items: mergeItems(body.line_items),
    ...(body.buyer ? { buyer: body.buyer } : {}),
    ...(body.fulfillment_details
      ? { fulfillmentDetails: withAddressNormalized(body.fulfillment_details) }
      : {}),
    ...(body.locale ? { locale: body.locale } : {}),
    ...(body.order_notes ? { orderNotes: body.order_notes } : {}),
    ...(body.metadata ? { metadata: body.metadata } : {}),
  };
  const now = ctx.now();
  const quote = await quoteFor(ctx.db, ctx, seller, input);
  const id = newId('cs');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const session = presentSession(seller, {
    id,
    status: derivedStatus(quote),
    input,
    quote,
    capabilities: await sessionCapabilities(ctx, seller),
    currency: seller.policy.currency,
    createdAt: now,
    updatedAt: now,
    expiresAt,
  });
  await ctx.db.insert(sellerCheckoutSessions).values({
    id,
    sellerId: seller.id,
    agentId: agent.id,
    status: session.status,
    currency: seller.policy.currency,
    input,
    snapshot: session,
    total: quote.total,
    createdAt: now,
    updatedAt: now,
    expiresAt,
  });
  return { status: 201, session };
}

/** A terminal session answers what it last was; a completed one with its order as it is now. */
async function terminalAnswer(db: Db, row: SessionRow): Promise<CheckoutSession> {
  const snapshot = row.snapshot as CheckoutSession;
  if (row.status === 'completed' && row.orderId) {
    const order = await currentOrderDocument(db, row.orderId);
    return order ? { ...snapshot, order } : snapshot;
  }
  return snapshot;
}

function isExpired(ctx: SellerContext, row: SessionRow): boolean {
  return !TERMINAL_STATUSES.has(row.status) && row.stockState !== 'held' && ctx.now() > row.expiresAt;
}

async function expire(ctx: SellerContext, seller: Seller, row: SessionRow): Promise<CheckoutSession> {
  const locale = messageLocale((row.input as SessionInput).locale);
  const { session } = await presentRow(ctx.db, ctx, seller, row, {
    status: 'expired',
    extraMessages: [errorMessage('expired', text('expired', locale), { resolution: 'requires_buyer_input' })],
  });
  await saveSession(ctx.db, row.id, { status: 'expired', snapshot: session });
  return session;
}

export async function getSession(
  ctx: SellerContext,
  seller: Seller,
  agent: AgentIdentity,
  id: string,
): Promise<SessionAnswer> {
  const row = await findSession(ctx.db, seller.id, agent.id, id);
  if (!row) throw notFound(id);
  if (TERMINAL_STATUSES.has(row.status)) return { status: 200, session: await terminalAnswer(ctx.db, row) };
  if (isExpired(ctx, row)) return { status: 200, session: await expire(ctx, seller, row) };
  const { session, quote } = await presentRow(ctx.db, ctx, seller, row);
  // The agent has now seen this total: completing later charges it, or reports a price change.
  if (quote.total !== row.total || session.status !== row.status) {
    await saveSession(ctx.db, row.id, { total: quote.total, status: session.status, snapshot: session });
  }
  return { status: 200, session };
}

function refuseState(row: SessionRow, action: string, now = new Date()): never {
  if (
    row.status === 'complete_in_progress' &&
    row.completingSince &&
    now.getTime() - row.completingSince.getTime() < COMPLETION_STALE_MS
  ) {
    throw new AcpProblem(
      409,
      {
        type: 'invalid_request',
        code: 'complete_in_progress',
        message: 'A payment for this session is under way; try again in a moment.',
      },
      { 'Retry-After': '1' },
    );
  }
  throw invalidRequest('invalid_session_state', `A ${row.status} checkout session cannot be ${action}.`);
}

export async function updateSession(
  ctx: SellerContext,
  seller: Seller,
  agent: AgentIdentity,
  id: string,
  body: CheckoutSessionUpdateRequest,
): Promise<SessionAnswer> {
  if (body.line_items) {
    if (body.line_items.length === 0)
      throw invalidRequest('invalid_request', 'A checkout needs at least one item.', '$.line_items');
    checkRequestItems(seller, body.line_items);
  }
  return tx(ctx.db, async (db) => {
    const row = await lockSession(db, seller.id, agent.id, id);
    if (!row) throw notFound(id);
    if (TERMINAL_STATUSES.has(row.status)) refuseState(row, 'updated');
    if (isExpired(ctx, row)) refuseState({ ...row, status: 'expired' }, 'updated');
    if (row.status === 'complete_in_progress' || row.stockState === 'held')
      refuseState(row, 'updated', ctx.now());
    const before = row.input as SessionInput;
    const input: SessionInput = {
      ...before,
      ...(body.line_items ? { items: mergeItems(body.line_items) } : {}),
      ...(body.buyer ? { buyer: body.buyer } : {}),
      ...(body.fulfillment_details
        ? { fulfillmentDetails: withAddressNormalized(body.fulfillment_details) }
        : {}),
      ...(body.order_notes !== undefined ? { orderNotes: body.order_notes } : {}),
    };
    // The options offered do not depend on which one is chosen: quote once with the choice applied.
    const shipping = body.selected_fulfillment_options?.find((s) => s.type === 'shipping');
    if (shipping) input.shippingOptionId = shipping.option_id;
    const quote = await quoteFor(db, ctx, seller, input);
    for (const [index, selected] of (body.selected_fulfillment_options ?? []).entries()) {
      const offered = quote.fulfillmentOptions.some(
        (o) => o.id === selected.option_id && o.type === selected.type,
      );
      if (!offered || (selected.type === 'digital' && selected.option_id !== DIGITAL_OPTION_ID)) {
        throw invalidRequest(
          'invalid_fulfillment_option',
          `Fulfillment option '${selected.option_id.slice(0, 60)}' is not offered for this checkout.`,
          `$.selected_fulfillment_options[${index}].option_id`,
        );
      }
    }
    const { session } = await presentRow(db, ctx, seller, row, {
      input,
      quote,
      status: derivedStatus(quote),
      extraMessages: [],
    });
    await saveSession(db, row.id, {
      input,
      status: session.status,
      total: quote.total,
      snapshot: session,
      payment: { ...paymentOf(row), notices: [], token: undefined },
    });
    return { status: 200, session };
  });
}

export async function cancelSession(
  ctx: SellerContext,
  seller: Seller,
  agent: AgentIdentity,
  id: string,
  body: CancelSessionRequest,
): Promise<SessionAnswer> {
  const first = await findSession(ctx.db, seller.id, agent.id, id);
  if (!first) throw notFound(id);
  const pending = paymentOf(first).paymentIntentId;
  if (first.stockState === 'held' && first.status === 'authentication_required' && pending) {
    if ((await cancelPendingIntent(ctx, seller, pending)) === 'succeeded') {
      throw new AcpProblem(409, {
        type: 'invalid_request',
        code: 'payment_succeeded',
        message: 'The buyer already completed this payment: complete the session to get the order.',
      });
    }
  }
  return tx(ctx.db, async (db) => {
    const row = await lockSession(db, seller.id, agent.id, id);
    if (!row) throw notFound(id);
    if (TERMINAL_STATUSES.has(row.status)) {
      throw new AcpProblem(405, {
        type: 'invalid_request',
        code: 'session_not_cancelable',
        message: `The checkout session is already ${row.status}.`,
      });
    }
    if (row.status === 'complete_in_progress') refuseState(row, 'canceled', ctx.now());
    if (row.stockState === 'held')
      await releaseStock(db, seller.id, stockLines(seller.id, (row.input as SessionInput).items));
    const input: SessionInput = {
      ...(row.input as SessionInput),
      ...(body.intent_trace
        ? {
            metadata: {
              ...(row.input as SessionInput).metadata,
              cancel_reason: body.intent_trace.reason_code,
            },
          }
        : {}),
    };
    const { session } = await presentRow(db, ctx, seller, row, {
      input,
      status: 'canceled',
      extraMessages: [],
    });
    await saveSession(db, row.id, {
      status: 'canceled',
      snapshot: session,
      stockState: row.stockState === 'held' ? 'released' : row.stockState,
      input,
    });
    return { status: 200, session };
  });
}
