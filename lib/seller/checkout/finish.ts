import type { AuthenticationMetadata, CheckoutSession, Message } from '@/lib/acp/types';
import { AcpProblem } from '@/lib/acp/server';
import type { Db } from '@/lib/db/client';
import { sellerOrders, sellerPayments } from '@/lib/db/schema';
import type { AgentIdentity } from '@/lib/seller/agents';
import type { Seller, SellerContext } from '@/lib/seller/context';
import { enqueueFeedUpsert } from '@/lib/seller/feed';
import { buildOrderDocument } from '@/lib/seller/orders/document';
import { enqueueOrderEvent } from '@/lib/seller/orders/events';
import { nextOrderNumber } from '@/lib/seller/orders/store';
import { productIdsOf, releaseStock, stockLines } from '@/lib/seller/stock';
import type { SessionInput } from './input';
import { errorMessage, messageLocale, text } from './messages';
import type { ChargeOutcome, TokenDetails } from './payment';
import { presentRow } from './quoting';
import type { SessionAnswer } from './sessions';
import { lockSession, newId, paymentOf, saveSession, type SessionRow } from './store';

const tx = <T>(db: Db, run: (tx: Db) => Promise<T>) => db.transaction((t) => run(t as unknown as Db));

async function recordPayment(
  db: Db,
  row: SessionRow,
  attempt: number,
  token: string,
  outcome: ChargeOutcome,
  status: string,
  extra: { orderId?: string; errorCode?: string; errorMessage?: string } = {},
): Promise<void> {
  const details: TokenDetails | undefined = 'token' in outcome ? outcome.token : undefined;
  const paymentIntentId = 'paymentIntentId' in outcome ? outcome.paymentIntentId : undefined;
  const values = {
    id: `pay_${row.id}_${attempt}`,
    sellerId: row.sellerId,
    sessionId: row.id,
    orderId: extra.orderId ?? null,
    token,
    tokenDetails: details ?? null,
    paymentIntentId: paymentIntentId ?? null,
    amount: row.total,
    currency: row.currency,
    status,
    errorCode: extra.errorCode ?? null,
    errorMessage: extra.errorMessage ?? null,
  };
  await db
    .insert(sellerPayments)
    .values(values)
    .onConflictDoUpdate({
      target: sellerPayments.id,
      set: {
        orderId: values.orderId,
        status,
        paymentIntentId: values.paymentIntentId,
        errorCode: values.errorCode,
        errorMessage: values.errorMessage,
        ...(details ? { tokenDetails: details } : {}),
        updatedAt: new Date(),
      },
    });
}

function authenticationMetadata(seller: Seller, outcome: ChargeOutcome): AuthenticationMetadata {
  const brand = ('token' in outcome && outcome.token?.card?.brand) || 'visa';
  const directory = brand === 'mastercard' ? 'mastercard' : brand === 'amex' ? 'american_express' : 'visa';
  return {
    acquirer_details: {
      acquirer_bin: '424242',
      acquirer_country: seller.policy.homeCountry,
      acquirer_merchant_id: seller.id.slice(0, 35),
      merchant_name: seller.profile.name.slice(0, 40),
    },
    directory_server: directory,
    flow_preference: { type: 'challenge', challenge: { type: 'preferred' } },
  };
}

/** Phase 3: one transaction that makes the order and keeps the stock, or gives the stock back. */
export async function finishCompletion(
  ctx: SellerContext,
  seller: Seller,
  agent: AgentIdentity,
  id: string,
  token: string,
  outcome: ChargeOutcome,
  feedToken: string,
): Promise<SessionAnswer> {
  const result = await tx(ctx.db, async (db): Promise<SessionAnswer | AcpProblem> => {
    const row = await lockSession(db, seller.id, agent.id, id);
    if (!row)
      return new AcpProblem(404, {
        type: 'invalid_request',
        code: 'session_not_found',
        message: `No checkout session ${id}.`,
      });
    const payment = paymentOf(row);
    const input = row.input as SessionInput;
    const locale = messageLocale(input.locale);
    const lines = stockLines(seller.id, input.items);
    // Another request finished this attempt first (a concurrent resume): answer what it decided.
    if (row.status === 'completed' || row.stockState !== 'held' || payment.token !== token) {
      if (row.status === 'completed') return { status: 200, session: row.snapshot as CheckoutSession };
      return { status: 200, session: (await presentRow(db, ctx, seller, row)).session };
    }

    if (outcome.kind === 'succeeded') {
      const now = ctx.now();
      const orderId = newId('ord');
      const orderNumber = await nextOrderNumber(db, seller.id);
      const shown = row.snapshot as CheckoutSession;
      // ACP has no field for the charge; Aisle's sellers disclose it in metadata so agents can show the buyer.
      const paymentIntent = {
        id: outcome.paymentIntentId,
        status: 'succeeded',
        amount: row.total,
        currency: row.currency,
      };
      const completed: CheckoutSession = {
        ...shown,
        status: 'completed',
        messages: [],
        updated_at: now.toISOString(),
        metadata: { ...shown.metadata, payment_intent: paymentIntent },
      };
      const order = buildOrderDocument(seller, { orderId, orderNumber, session: completed, createdAt: now });
      await db.insert(sellerOrders).values({
        id: orderId,
        sellerId: seller.id,
        agentId: agent.id,
        sessionId: row.id,
        orderNumber,
        status: order.status ?? 'confirmed',
        currency: row.currency,
        total: row.total,
        paymentIntentId: outcome.paymentIntentId,
        document: order,
        createdAt: now,
        updatedAt: now,
      });
      await recordPayment(db, row, payment.attempt, token, outcome, 'succeeded', { orderId });
      const session = { ...completed, order };
      await saveSession(db, row.id, {
        status: 'completed',
        stockState: 'committed',
        orderId,
        completingSince: null,
        snapshot: session,
        payment: { ...payment, notices: [] },
      });
      await enqueueOrderEvent(db, seller.id, agent, 'order_create', order);
      await enqueueFeedUpsert(db, seller.id, feedToken, productIdsOf(seller.id, lines));
      return { status: 200, session };
    }

    if (outcome.kind === 'intent_requires_action') {
      const notice = errorMessage('requires_3ds', text('requires_3ds', locale), {
        param: '$.authentication_result',
      });
      await recordPayment(db, row, payment.attempt, token, outcome, 'requires_action');
      const { session } = await presentRow(db, ctx, seller, row, {
        status: 'authentication_required',
        extraMessages: [notice],
      });
      const waiting: CheckoutSession = {
        ...session,
        authentication_metadata: authenticationMetadata(seller, outcome),
        ...(outcome.redirectUrl ? { continue_url: outcome.redirectUrl } : {}),
      };
      await saveSession(db, row.id, {
        status: 'authentication_required',
        completingSince: null,
        snapshot: waiting,
        payment: { ...payment, paymentIntentId: outcome.paymentIntentId, notices: [notice] },
      });
      return { status: 200, session: waiting };
    }

    if (outcome.kind === 'unavailable') {
      // Unknown whether Stripe charged: keep the stock and the attempt, so a retry finds the same charge.
      await saveSession(db, row.id, { completingSince: null });
      return new AcpProblem(
        503,
        {
          type: 'service_unavailable',
          code: 'payment_unavailable',
          message: 'The payment provider did not answer; retry the request.',
        },
        { 'Retry-After': '2' },
      );
    }

    // Nothing was charged: give the stock back.
    await releaseStock(db, seller.id, lines);
    let notices: Message[] = [];
    let status: 'authentication_required' | undefined;
    let problem: AcpProblem | undefined;
    if (outcome.kind === 'token_requires_action') {
      notices = [
        errorMessage('requires_3ds', text('requires_3ds', locale), {
          param: '$.payment_data.instrument.credential.token',
        }),
      ];
      status = 'authentication_required';
      await recordPayment(db, row, payment.attempt, token, outcome, 'requires_action', {
        errorCode: 'shared_payment_token_requires_action',
      });
    } else if (outcome.kind === 'declined') {
      const reason =
        outcome.code === 'authentication_failed'
          ? ''
          : (outcome.declineCode ?? outcome.code).replace(/_/g, ' ');
      const content =
        outcome.code === 'authentication_failed'
          ? text('authentication_failed', locale)
          : text('payment_declined', locale, { reason });
      notices = [errorMessage('payment_declined', content, { param: '$.payment_data' })];
      await recordPayment(db, row, payment.attempt, token, outcome, 'declined', {
        errorCode: outcome.declineCode ?? outcome.code,
        errorMessage: outcome.message,
      });
    } else {
      problem = outcome.problem;
      await recordPayment(db, row, payment.attempt, token, outcome, 'refused', {
        errorCode: outcome.problem.error.code,
        errorMessage: outcome.problem.error.message,
      });
    }
    const { session } = await presentRow(
      db,
      ctx,
      seller,
      { ...row, status: 'ready_for_payment' },
      { extraMessages: notices, ...(status ? { status } : {}) },
    );
    const shown = status
      ? { ...session, authentication_metadata: authenticationMetadata(seller, outcome) }
      : session;
    await saveSession(db, row.id, {
      status: shown.status,
      stockState: 'released',
      completingSince: null,
      snapshot: shown,
      payment: { attempt: payment.attempt, notices, ...(status ? { token } : {}) },
    });
    return problem ?? { status: 200, session: shown };
  });
  if (result instanceof AcpProblem) throw result;
  return result;
}
