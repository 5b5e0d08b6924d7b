import { z } from 'zod';
import { chargeOutcome, type Decline } from '../cards';
import { emit, Reply, type RequestContext, type RouteResult } from '../context';
import { invalidRequest, unexpectedState } from '../errors';
import { boolParam, stringParam } from '../params';
import { requireObject, saveObject, type ApiObject } from '../store';
import { authenticationFailure, challengeAction, declineError } from './challenge';
import { createCharge } from './charges';
import { requireCustomer } from './customers';
import {
  attachPaymentMethod,
  clonePaymentMethod,
  createCardPaymentMethod,
  browserPaymentMethodDataShape,
  paymentMethodDataShape,
  refuseServerCardData,
  resolvePaymentMethod,
  type PaymentMethod,
  type PaymentMethodInternal,
  type StoredPaymentMethod,
} from './payment-methods';
import { recordTokenUsage, tokenForPayment, type StoredToken } from './shared-payment-tokens';

export type PaymentIntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

export type PaymentIntent = ApiObject & {
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  capture_method: 'automatic' | 'automatic_async' | 'manual';
  client_secret: string;
  currency: string;
  customer: string | null;
  description: string | null;
  last_payment_error: unknown;
  latest_charge: string | null;
  metadata: Record<string, string>;
  next_action: unknown;
  payment_method: string | null;
  receipt_email: string | null;
  setup_future_usage: 'on_session' | 'off_session' | null;
  shipping: unknown;
  status: PaymentIntentStatus;
};

/** Where the emulator keeps which shared payment token paid a PaymentIntent (for capture and cancel). */
export interface PaymentIntentInternal {
  sharedPaymentToken?: string;
}

export const confirmShape = {
  payment_method: stringParam.optional(),
  payment_method_data: paymentMethodDataShape.optional(),
  off_session: z.preprocess((v) => (v === 'one_off' || v === 'recurring' ? 'true' : v), boolParam).optional(),
  error_on_requires_action: boolParam.optional(),
  setup_future_usage: z.enum(['on_session', 'off_session']).optional(),
  return_url: stringParam.optional(),
  use_stripe_sdk: boolParam.optional(),
  receipt_email: stringParam.optional(),
};
/** Confirmation from the buyer's browser (publishable key): Stripe.js sends the card typed and the client secret. */
export const browserConfirmShape = {
  ...confirmShape,
  payment_method_data: browserPaymentMethodDataShape.optional(),
  client_secret: stringParam.optional(),
};
export type ConfirmParams = z.infer<z.ZodObject<typeof browserConfirmShape>>;

export const CONFIRMABLE = new Set<PaymentIntentStatus>([
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
]);

async function save(ctx: RequestContext, pi: PaymentIntent, internal?: PaymentIntentInternal) {
  await saveObject(ctx.db, pi.id, {
    data: pi,
    customer: pi.customer,
    ...(internal ? { internal: { ...internal } } : {}),
  });
}

/** Whether this card must pass 3DS for this payment, per the test card's documented behaviour. */
function needsChallenge(pm: StoredPaymentMethod, offSession: boolean): boolean {
  if (pm.internal.authenticatedByToken) return false;
  if (pm.internal.behaviour === 'authenticate_always') return true;
  if (pm.internal.behaviour === 'authenticate_unless_setup')
    return !(offSession && pm.internal.setupAuthenticated);
  return false;
}

async function choosePaymentMethod(
  ctx: RequestContext,
  pi: PaymentIntent,
  p: ConfirmParams,
): Promise<{ pm?: StoredPaymentMethod; token?: StoredToken }> {
  const tokenId = p.payment_method_data?.shared_payment_granted_token;
  if (tokenId) {
    if (ctx.keyType !== 'secret') {
      throw invalidRequest('A shared payment token can only be used with a secret key.', {
        param: 'payment_method_data[shared_payment_granted_token]',
      });
    }
    const token = await tokenForPayment(ctx, tokenId, pi.amount, pi.currency);
    const { card, paymentMethodDetails, behaviour } = token.internal;
    return {
      pm: await clonePaymentMethod(
        ctx,
        { card, billingDetails: paymentMethodDetails.billing_details, behaviour },
        token.id,
      ),
      token,
    };
  }
  if (p.payment_method) return { pm: await resolvePaymentMethod(ctx, p.payment_method) };
  refuseServerCardData(ctx, p.payment_method_data);
  if (p.payment_method_data)
    return { pm: await createCardPaymentMethod(ctx, p.payment_method_data, 'payment_method_data[card]') };
  if (pi.payment_method)
    return {
      pm: await requireObject<PaymentMethod, PaymentMethodInternal>(
        ctx.db,
        ctx.account.id,
        'payment_method',
        pi.payment_method,
      ),
    };
  return {};
}

/** Confirms a PaymentIntent: picks the payment method, asks for 3DS if the card needs it, then charges. */
export async function confirmPaymentIntent(
  ctx: RequestContext,
  pi: PaymentIntent,
  internal: PaymentIntentInternal,
  p: ConfirmParams,
): Promise<RouteResult> {
  if (!CONFIRMABLE.has(pi.status)) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method, requires_action.`,
    );
  }
  const { pm, token } = await choosePaymentMethod(ctx, pi, p);
  if (!pm) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm a payment with a PaymentMethod, pass a `payment_method` or `payment_method_data`.",
    );
  }
  if (pm.data.customer && pm.data.customer !== pi.customer) {
    throw invalidRequest(
      `The provided PaymentMethod ${pm.id} is attached to a customer; pass that customer (${pm.data.customer}) on the PaymentIntent to use it.`,
      {
        code: 'payment_intent_invalid_parameter',
        param: 'payment_method',
      },
    );
  }
  const next: PaymentIntent = {
    ...pi,
    payment_method: pm.id,
    last_payment_error: null,
    next_action: null,
    setup_future_usage: p.setup_future_usage ?? pi.setup_future_usage,
    receipt_email: p.receipt_email ?? pi.receipt_email,
  };
  const nextInternal: PaymentIntentInternal = token
    ? { ...internal, sharedPaymentToken: token.id }
    : internal;
  const offSession = p.off_session ?? false;
  if (needsChallenge(pm, offSession)) {
    if (offSession || p.error_on_requires_action) {
      const decline: Decline = {
        code: 'authentication_required',
        declineCode: 'authentication_required',
        message: 'Your card was declined. This transaction requires authentication.',
      };
      return failPayment(ctx, next, nextInternal, pm.data, decline);
    }
    const waiting: PaymentIntent = {
      ...next,
      status: 'requires_action',
      next_action: challengeAction('payment_intents', pi.id),
    };
    await save(ctx, waiting, nextInternal);
    emit(ctx, 'payment_intent.requires_action', waiting);
    return waiting;
  }
  return attemptCharge(ctx, next, nextInternal, pm, token, false);
}

async function failPayment(
  ctx: RequestContext,
  pi: PaymentIntent,
  internal: PaymentIntentInternal,
  pm: PaymentMethod,
  decline: Decline,
) {
  const charge = await createCharge(ctx, chargeInput(pi, false), pm, decline);
  const error = { ...declineError(decline, pm), charge: charge.id };
  const failed: PaymentIntent = {
    ...pi,
    status: 'requires_payment_method',
    payment_method: null,
    latest_charge: charge.id,
    last_payment_error: error,
    next_action: null,
  };
  await save(ctx, failed, internal);
  emit(ctx, 'charge.failed', charge);
  emit(ctx, 'payment_intent.payment_failed', failed);
  return new Reply(402, { error: { ...error, payment_intent: failed } });
}

function chargeInput(pi: PaymentIntent, threeDSecure: boolean) {
  return {
    amount: pi.amount,
    currency: pi.currency,
    customer: pi.customer,
    description: pi.description,
    metadata: pi.metadata,
    paymentIntent: pi.id,
    receiptEmail: pi.receipt_email,
    shipping: pi.shipping,
    capture: pi.capture_method !== 'manual',
    threeDSecure,
  };
}

/** The issuer's answer: a decline (402, state kept) or an authorisation, captured unless capture is manual. */
export async function attemptCharge(
  ctx: RequestContext,
  pi: PaymentIntent,
  internal: PaymentIntentInternal,
  pm: StoredPaymentMethod,
  token: StoredToken | undefined,
  threeDSecure: boolean,
): Promise<RouteResult> {
  const decline = chargeOutcome(pm.internal.behaviour);
  if (decline) return failPayment(ctx, pi, internal, pm.data, decline);
  const charge = await createCharge(ctx, chargeInput(pi, threeDSecure), pm.data, null);
  const manual = pi.capture_method === 'manual';
  const done: PaymentIntent = {
    ...pi,
    status: manual ? 'requires_capture' : 'succeeded',
    amount_capturable: manual ? pi.amount : 0,
    amount_received: manual ? 0 : pi.amount,
    latest_charge: charge.id,
    next_action: null,
    last_payment_error: null,
  };
  if (pi.setup_future_usage && pi.customer && !pm.data.customer) {
    const customer = await requireCustomer(ctx, pi.customer);
    await attachPaymentMethod(ctx, pm, customer.data, true);
  }
  await save(ctx, done, internal);
  emit(ctx, 'charge.succeeded', charge);
  emit(ctx, manual ? 'payment_intent.amount_capturable_updated' : 'payment_intent.succeeded', done);
  if (token) await recordTokenUsage(ctx, token, pi.id, pi.amount);
  return done;
}

/** The emulator-only end of a 3DS challenge: approved, the payment goes on; failed, it needs a new method. */
export async function finishChallenge(
  ctx: RequestContext,
  pi: PaymentIntent,
  internal: PaymentIntentInternal,
  result: 'succeeded' | 'failed',
) {
  if (pi.status !== 'requires_action' || !pi.payment_method) {
    throw unexpectedState(`This PaymentIntent has no pending authentication: its status is ${pi.status}.`);
  }
  const pm = await requireObject<PaymentMethod, PaymentMethodInternal>(
    ctx.db,
    ctx.account.id,
    'payment_method',
    pi.payment_method,
  );
  if (result === 'succeeded') return attemptCharge(ctx, pi, internal, pm, undefined, true);
  const failed: PaymentIntent = {
    ...pi,
    status: 'requires_payment_method',
    payment_method: null,
    next_action: null,
    last_payment_error: authenticationFailure('payment_intent', pm.data),
  };
  await save(ctx, failed, internal);
  emit(ctx, 'payment_intent.payment_failed', failed);
  return failed;
}
