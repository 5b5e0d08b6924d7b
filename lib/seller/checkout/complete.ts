import type { CheckoutSessionCompleteRequest } from '@/lib/acp/types';
import { AcpProblem, invalidRequest } from '@/lib/acp/server';
import type { Db } from '@/lib/db/client';
import type { AgentIdentity } from '@/lib/seller/agents';
import type { Seller, SellerContext } from '@/lib/seller/context';
import { feedTokenFor } from '@/lib/seller/feed';
import { holdStock, releaseStock, stockLines, type StockLine } from '@/lib/seller/stock';
import { finishCompletion } from './finish';
import type { SessionInput } from './input';
import { messageLocale, text, warningMessage } from './messages';
import { cancelPendingIntent, chargeSession, checkIntent, TOKEN_PARAM, type ChargeOutcome } from './payment';
import { SPT_HANDLER_ID } from './present';
import { presentRow, quoteFor } from './quoting';
import { formatTotal } from './quote';
import type { SessionAnswer } from './sessions';
import { notFound } from './sessions';
import {
  COMPLETION_STALE_MS,
  lockSession,
  paymentOf,
  saveSession,
  TERMINAL_STATUSES,
  type SessionRow,
} from './store';

/**
 * Completing a session: hold the stock (in a transaction, row-locked), charge the SPT outside any
 * transaction, then in one transaction either make the order and keep the stock, or give the stock
 * back. So two buyers racing for the last unit never both win, a failed payment never takes stock,
 * and a completion that charged and then died is finished by the next attempt, which reaches the
 * same PaymentIntent through the same idempotency key.
 */

export type CompletionPlan =
  | { kind: 'answer'; answer: SessionAnswer }
  | { kind: 'problem'; problem: AcpProblem }
  | { kind: 'charge'; token: string; attempt: number; amount: number; lines: StockLine[]; email?: string }
  | { kind: 'check_intent'; token: string; paymentIntentId: string; lines: StockLine[] }
  | { kind: 'replace_intent'; paymentIntentId: string };

class StockRace extends Error {}

const tx = <T>(db: Db, run: (tx: Db) => Promise<T>) => db.transaction((t) => run(t as unknown as Db));

/** The SPT in `payment_data`, or a 400 naming what is wrong with it. */
export function sptFrom(body: CheckoutSessionCompleteRequest): string {
  const data = body.payment_data;
  if (!data.instrument || !data.handler_id) {
    throw invalidRequest(
      'unsupported_payment_method',
      `This seller takes cards by Stripe Shared Payment Token: use handler '${SPT_HANDLER_ID}'.`,
      '$.payment_data',
    );
  }
  if (data.handler_id !== SPT_HANDLER_ID) {
    throw invalidRequest(
      'invalid_payment_handler',
      `Unknown payment handler '${data.handler_id.slice(0, 60)}'; use '${SPT_HANDLER_ID}'.`,
      '$.payment_data.handler_id',
    );
  }
  if (data.instrument.credential.type !== 'spt') {
    throw invalidRequest(
      'unsupported_credential',
      'The credential must be a Stripe Shared Payment Token (type "spt").',
      '$.payment_data.instrument.credential.type',
    );
  }
  const token = data.instrument.credential.token;
  if (!token || token.length > 255)
    throw invalidRequest('invalid_payment_token', 'The payment token is missing or too long.', TOKEN_PARAM);
  return token;
}

/** Phase 1: decide what this request does, holding the stock when it will charge. */
export async function planCompletion(
  ctx: SellerContext,
  seller: Seller,
  agent: AgentIdentity,
  id: string,
  body: CheckoutSessionCompleteRequest,
  token: string,
): Promise<CompletionPlan> {
  try {
    return await tx(ctx.db, async (db): Promise<CompletionPlan> => {
      const row = await lockSession(db, seller.id, agent.id, id);
      if (!row) throw notFound(id);
      const now = ctx.now();
      const payment = paymentOf(row);
      const input = row.input as SessionInput;
      if (row.status === 'completed') {
        throw invalidRequest(
          'session_already_completed',
          `This checkout session is already completed (order ${row.orderId}).`,
        );
      }
      if (TERMINAL_STATUSES.has(row.status))
        throw invalidRequest(
          'invalid_session_state',
          `A ${row.status} checkout session cannot be completed.`,
        );
      if (row.status === 'complete_in_progress') {
        if (row.completingSince && now.getTime() - row.completingSince.getTime() < COMPLETION_STALE_MS) {
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
        // The completion that held the stock died (or could not reach Stripe): finish its attempt.
        await saveSession(db, row.id, { completingSince: now });
        return {
          kind: 'charge',
          token: payment.token ?? token,
          attempt: payment.attempt,
          amount: row.total,
          lines: stockLines(seller.id, input.items),
        };
      }
      if (row.stockState === 'held' && payment.paymentIntentId) {
        if (payment.token !== token)
          return { kind: 'replace_intent', paymentIntentId: payment.paymentIntentId };
        await saveSession(db, row.id, { status: 'complete_in_progress', completingSince: now });
        return {
          kind: 'check_intent',
          token,
          paymentIntentId: payment.paymentIntentId,
          lines: stockLines(seller.id, input.items),
        };
      }
      if (now > row.expiresAt) {
        await saveSession(db, row.id, { status: 'expired' });
        return {
          kind: 'problem',
          problem: invalidRequest(
            'invalid_session_state',
            'This checkout session has expired; start a new one.',
          ),
        };
      }

      const next: SessionInput = body.buyer ? { ...input, buyer: body.buyer } : input;
      const quote = await quoteFor(db, ctx, seller, next);
      if (quote.readiness !== 'ready') {
        const { session } = await presentRow(db, ctx, seller, row, { input: next, quote, extraMessages: [] });
        await saveSession(db, row.id, {
          input: next,
          status: session.status,
          total: quote.total,
          snapshot: session,
        });
        return { kind: 'answer', answer: { status: 200, session } };
      }
      if (quote.total !== row.total) {
        const locale = messageLocale(next.locale);
        const notice = warningMessage(
          'price_change',
          text('price_change', locale, { total: formatTotal(quote.total, row.currency, locale) }),
          '$.totals',
        );
        const { session } = await presentRow(db, ctx, seller, row, {
          input: next,
          quote,
          extraMessages: [notice],
        });
        await saveSession(db, row.id, {
          input: next,
          status: session.status,
          total: quote.total,
          snapshot: session,
          payment: { ...payment, notices: [notice] },
        });
        return { kind: 'answer', answer: { status: 200, session } };
      }
      const lines = stockLines(seller.id, next.items);
      const held = await holdStock(db, seller.id, lines);
      if (!held.ok) throw new StockRace(held.variantId);
      const attempt = payment.attempt + 1;
      const { session } = await presentRow(db, ctx, seller, row, {
        input: next,
        quote,
        status: 'complete_in_progress',
        extraMessages: [],
      });
      await saveSession(db, row.id, {
        input: next,
        status: 'complete_in_progress',
        completingSince: now,
        stockState: 'held',
        total: quote.total,
        snapshot: session,
        payment: { attempt, token, notices: [] },
      });
      const email = next.buyer?.email ?? next.fulfillmentDetails?.email;
      return { kind: 'charge', token, attempt, amount: quote.total, lines, ...(email ? { email } : {}) };
    });
  } catch (error) {
    if (!(error instanceof StockRace)) throw error;
    // Someone took the last units between our read and our hold: answer the session as it is now.
    return tx(ctx.db, async (db) => {
      const row = (await lockSession(db, seller.id, agent.id, id)) as SessionRow;
      const input: SessionInput = body.buyer
        ? { ...(row.input as SessionInput), buyer: body.buyer }
        : (row.input as SessionInput);
      const { session, quote } = await presentRow(db, ctx, seller, row, { input, extraMessages: [] });
      await saveSession(db, row.id, { input, status: session.status, total: quote.total, snapshot: session });
      return { kind: 'answer', answer: { status: 200, session } };
    });
  }
}

const AUTH_FAILED = new Set([
  'abandoned',
  'canceled',
  'denied',
  'rejected',
  'processing_error',
  'internal_error',
  'not_supported',
]);

export async function completeSession(
  ctx: SellerContext,
  seller: Seller,
  agent: AgentIdentity,
  id: string,
  body: CheckoutSessionCompleteRequest,
): Promise<SessionAnswer> {
  const token = sptFrom(body);
  const feedToken = await feedTokenFor(seller.id);
  const plan = await planCompletion(ctx, seller, agent, id, body, token);
  if (plan.kind === 'answer') return plan.answer;
  if (plan.kind === 'problem') throw plan.problem;
  if (plan.kind === 'replace_intent') {
    // The agent pays with another token instead of finishing 3DS on the first: drop the first PaymentIntent.
    const result = await cancelPendingIntent(ctx, seller, plan.paymentIntentId);
    if (result === 'canceled') {
      await tx(ctx.db, async (db) => {
        const row = await lockSession(db, seller.id, agent.id, id);
        if (!row || row.stockState !== 'held') return;
        await releaseStock(db, seller.id, stockLines(seller.id, (row.input as SessionInput).items));
        const payment = paymentOf(row);
        await saveSession(db, row.id, {
          stockState: 'released',
          status: 'ready_for_payment',
          payment: { attempt: payment.attempt, notices: [] },
        });
      });
      return completeSession(ctx, seller, agent, id, body);
    }
    const row = paymentOf((await lockFree(ctx, seller, agent, id))!);
    return finishCompletion(
      ctx,
      seller,
      agent,
      id,
      row.token ?? token,
      { kind: 'succeeded', paymentIntentId: plan.paymentIntentId },
      feedToken,
    );
  }

  await ctx.interrupt?.('after_stock_hold');
  let outcome: ChargeOutcome;
  if (plan.kind === 'check_intent') {
    outcome = await checkIntent(ctx, seller, plan.paymentIntentId);
    if (outcome.kind === 'intent_requires_action') {
      const result = body.authentication_result?.outcome;
      if (!result) {
        await tx(ctx.db, (db) =>
          saveSession(db, id, { status: 'authentication_required', completingSince: null }),
        );
        throw invalidRequest(
          'requires_3ds',
          "This checkout session requires issuer authentication. The request must include 'authentication_result' as provided by the issuer authentication flow.",
          '$.authentication_result',
        );
      }
      if (AUTH_FAILED.has(result)) {
        await cancelPendingIntent(ctx, seller, plan.paymentIntentId);
        outcome = {
          kind: 'declined',
          code: 'authentication_failed',
          message: 'authentication_failed',
          paymentIntentId: plan.paymentIntentId,
        };
      }
    }
  } else {
    outcome = await chargeSession(ctx, seller, {
      sessionId: id,
      token: plan.token,
      attempt: plan.attempt,
      amount: plan.amount,
      currency: seller.policy.currency,
      email: plan.email,
    });
  }
  await ctx.interrupt?.('after_charge');
  return finishCompletion(ctx, seller, agent, id, plan.token, outcome, feedToken);
}

async function lockFree(
  ctx: SellerContext,
  seller: Seller,
  agent: AgentIdentity,
  id: string,
): Promise<SessionRow | undefined> {
  return tx(ctx.db, (db) => lockSession(db, seller.id, agent.id, id));
}
