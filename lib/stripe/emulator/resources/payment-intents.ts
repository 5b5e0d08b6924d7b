import { z } from 'zod';
import { emit, requireClientSecret, type RequestContext } from '../context';
import { invalidRequest, unexpectedState } from '../errors';
import { newClientSecret, newId } from '../ids';
import {
  boolParam,
  currencyParam,
  formatMinor,
  intParam,
  MAX_AMOUNT,
  metadataParam,
  minimumCharge,
  stringParam,
} from '../params';
import { route } from '../route';
import { insertObject, listObjects, requireObject, saveObject } from '../store';
import { challengeResultShape } from './challenge';
import {
  CONFIRMABLE,
  confirmPaymentIntent,
  browserConfirmShape,
  confirmShape,
  finishChallenge,
  type PaymentIntent,
  type PaymentIntentInternal,
} from './charging';
import type { Charge } from './charges';
import { listShape, mergeMetadata, paramsSchema, shipping, shippingShape } from './common';
import { requireCustomer } from './customers';
import { resolvePaymentMethod } from './payment-methods';
import { adjustTokenUsage } from './shared-payment-tokens';

const editable = {
  amount: intParam.optional(),
  currency: currencyParam.optional(),
  customer: stringParam.optional(),
  description: stringParam.optional(),
  metadata: metadataParam.optional(),
  receipt_email: stringParam.optional(),
  shipping: shippingShape,
  setup_future_usage: z.enum(['on_session', 'off_session']).optional(),
  capture_method: z.enum(['automatic', 'automatic_async', 'manual']).optional(),
  statement_descriptor: stringParam.optional(),
  statement_descriptor_suffix: stringParam.optional(),
};

function checkAmount(amount: number, currency: string) {
  if (amount < minimumCharge(currency)) {
    throw invalidRequest(`Amount must be at least ${formatMinor(minimumCharge(currency), currency)}`, {
      code: 'amount_too_small',
      param: 'amount',
    });
  }
  if (amount > MAX_AMOUNT)
    throw invalidRequest(`Amount must be no more than ${formatMinor(MAX_AMOUNT, currency)}`, {
      code: 'amount_too_large',
      param: 'amount',
    });
}

const createParams = paramsSchema({
  ...confirmShape,
  ...editable,
  amount: intParam,
  currency: currencyParam,
  confirm: boolParam.optional(),
  confirmation_method: z.enum(['automatic', 'manual']).optional(),
  allowed_payment_method_types: z
    .array(z.literal('card', { message: 'The emulator supports card payment methods only.' }))
    .optional(),
  automatic_payment_methods: z
    .strictObject({ enabled: boolParam, allow_redirects: z.enum(['always', 'never']).optional() })
    .optional(),
});
const confirmParams = paramsSchema(browserConfirmShape);

async function createPaymentIntent(ctx: RequestContext, p: z.output<typeof createParams>) {
  checkAmount(p.amount, p.currency);
  if (p.customer) await requireCustomer(ctx, p.customer, 'customer');
  const pm = p.payment_method ? await resolvePaymentMethod(ctx, p.payment_method) : undefined;
  const id = newId('pi');
  const pi: PaymentIntent = {
    id,
    object: 'payment_intent',
    amount: p.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: p.automatic_payment_methods?.enabled
      ? { allow_redirects: p.automatic_payment_methods.allow_redirects ?? 'always', enabled: true }
      : null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: p.capture_method ?? 'automatic',
    client_secret: newClientSecret(id),
    confirmation_method: p.confirmation_method ?? 'automatic',
    created: ctx.created,
    currency: p.currency,
    customer: p.customer ?? null,
    description: p.description ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: p.metadata ?? {},
    next_action: null,
    on_behalf_of: null,
    payment_method: pm?.id ?? null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    payment_method_types: ['card'],
    processing: null,
    receipt_email: p.receipt_email ?? null,
    review: null,
    setup_future_usage: p.setup_future_usage ?? null,
    shipping: shipping(p.shipping),
    source: null,
    statement_descriptor: p.statement_descriptor ?? null,
    statement_descriptor_suffix: p.statement_descriptor_suffix ?? null,
    status: pm ? 'requires_confirmation' : 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
  await insertObject(ctx.db, {
    accountId: ctx.account.id,
    type: 'payment_intent',
    data: pi,
    customer: pi.customer,
    created: ctx.created,
  });
  emit(ctx, 'payment_intent.created', pi);
  return p.confirm ? confirmPaymentIntent(ctx, pi, {}, { ...p, payment_method: pm?.id }) : pi;
}

async function load(ctx: RequestContext, lock = false) {
  const found = await requireObject<PaymentIntent, PaymentIntentInternal>(
    ctx.db,
    ctx.account.id,
    'payment_intent',
    ctx.path.id,
    { lock },
  );
  requireClientSecret(ctx, found.data, 'PaymentIntent');
  return found;
}

const updateParams = paramsSchema({ ...editable, payment_method: stringParam.optional() });

async function updatePaymentIntent(ctx: RequestContext, p: z.output<typeof updateParams>) {
  const { data: pi } = await load(ctx, true);
  if (!CONFIRMABLE.has(pi.status))
    throw unexpectedState(`You cannot update this PaymentIntent because it has a status of ${pi.status}.`);
  const next: PaymentIntent = { ...pi, metadata: mergeMetadata(pi.metadata, p.metadata) };
  if (p.amount !== undefined || p.currency !== undefined) {
    next.amount = p.amount ?? pi.amount;
    next.currency = p.currency ?? pi.currency;
    checkAmount(next.amount, next.currency);
  }
  if (p.customer) next.customer = (await requireCustomer(ctx, p.customer, 'customer')).id;
  if (p.description !== undefined) next.description = p.description;
  if (p.receipt_email !== undefined) next.receipt_email = p.receipt_email;
  if (p.shipping) next.shipping = shipping(p.shipping);
  if (p.setup_future_usage) next.setup_future_usage = p.setup_future_usage;
  if (p.capture_method) next.capture_method = p.capture_method;
  if (p.payment_method) {
    next.payment_method = (await resolvePaymentMethod(ctx, p.payment_method)).id;
    next.status = 'requires_confirmation';
  }
  await saveObject(ctx.db, pi.id, { data: next, customer: next.customer });
  return next;
}

const captureParams = paramsSchema({
  amount_to_capture: intParam.optional(),
  metadata: metadataParam.optional(),
});

async function capture(ctx: RequestContext, p: z.output<typeof captureParams>) {
  const { data: pi, internal } = await load(ctx, true);
  if (pi.status !== 'requires_capture') {
    throw unexpectedState(
      `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
    );
  }
  const amount = p.amount_to_capture ?? pi.amount_capturable;
  if (amount < 1 || amount > pi.amount_capturable) {
    throw invalidRequest(
      `The amount to capture must be between 1 and the capturable amount (${pi.amount_capturable}).`,
      { code: 'amount_too_large', param: 'amount_to_capture' },
    );
  }
  const { data: charge } = await requireObject<Charge>(
    ctx.db,
    ctx.account.id,
    'charge',
    String(pi.latest_charge),
  );
  const captured: Charge = { ...charge, captured: true, amount_captured: amount };
  await saveObject(ctx.db, charge.id, { data: captured });
  const next: PaymentIntent = {
    ...pi,
    status: 'succeeded',
    amount_received: amount,
    amount_capturable: 0,
    metadata: mergeMetadata(pi.metadata, p.metadata),
  };
  await saveObject(ctx.db, pi.id, { data: next });
  if (internal.sharedPaymentToken && amount < pi.amount)
    await adjustTokenUsage(ctx, internal.sharedPaymentToken, pi.id, amount);
  emit(ctx, 'charge.captured', captured);
  emit(ctx, 'payment_intent.succeeded', next);
  return next;
}

const cancelParams = paramsSchema({
  cancellation_reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned']).optional(),
});

async function cancel(ctx: RequestContext, p: z.output<typeof cancelParams>) {
  const { data: pi, internal } = await load(ctx, true);
  if (!CONFIRMABLE.has(pi.status) && pi.status !== 'requires_capture') {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
    );
  }
  if (pi.status === 'requires_capture' && pi.latest_charge) {
    // Cancelling releases the authorisation: Stripe shows the uncaptured charge as refunded.
    const { data: charge } = await requireObject<Charge>(ctx.db, ctx.account.id, 'charge', pi.latest_charge);
    await saveObject(ctx.db, charge.id, {
      data: { ...charge, refunded: true, amount_refunded: charge.amount },
    });
    if (internal.sharedPaymentToken) await adjustTokenUsage(ctx, internal.sharedPaymentToken, pi.id, 0);
  }
  const next: PaymentIntent = {
    ...pi,
    status: 'canceled',
    canceled_at: ctx.created,
    cancellation_reason: p.cancellation_reason ?? null,
    amount_capturable: 0,
    next_action: null,
  };
  await saveObject(ctx.db, pi.id, { data: next });
  emit(ctx, 'payment_intent.canceled', next);
  return next;
}

const listParams = paramsSchema({ ...listShape, customer: stringParam.optional() });
const retrieveParams = paramsSchema({ client_secret: stringParam.optional() });
const challengeParams = paramsSchema({ ...challengeResultShape, client_secret: stringParam.optional() });

export const paymentIntentRoutes = [
  route({
    method: 'POST',
    pattern: '/v1/payment_intents',
    declared: 'PaymentIntents#PaymentIntentCreateParams',
    params: createParams,
    handle: createPaymentIntent,
  }),
  route({
    method: 'GET',
    pattern: '/v1/payment_intents',
    declared: 'PaymentIntents#PaymentIntentListParams',
    params: listParams,
    handle: async (ctx, p) =>
      listObjects(
        ctx.db,
        {
          accountId: ctx.account.id,
          type: 'payment_intent',
          url: '/v1/payment_intents',
          customer: p.customer,
        },
        p,
      ),
  }),
  route({
    method: 'GET',
    pattern: '/v1/payment_intents/:id',
    declared: 'PaymentIntents#PaymentIntentRetrieveParams',
    publishable: true,
    params: retrieveParams,
    handle: async (ctx) => (await load(ctx)).data,
  }),
  route({
    method: 'POST',
    pattern: '/v1/payment_intents/:id',
    declared: 'PaymentIntents#PaymentIntentUpdateParams',
    params: updateParams,
    handle: updatePaymentIntent,
  }),
  route({
    method: 'POST',
    pattern: '/v1/payment_intents/:id/confirm',
    declared: 'PaymentIntents#PaymentIntentConfirmParams',
    publishable: true,
    params: confirmParams,
    handle: async (ctx, p) => {
      const { data, internal } = await load(ctx, true);
      return confirmPaymentIntent(ctx, data, internal, p);
    },
  }),
  route({
    method: 'POST',
    pattern: '/v1/payment_intents/:id/capture',
    declared: 'PaymentIntents#PaymentIntentCaptureParams',
    params: captureParams,
    handle: capture,
  }),
  route({
    method: 'POST',
    pattern: '/v1/payment_intents/:id/cancel',
    declared: 'PaymentIntents#PaymentIntentCancelParams',
    params: cancelParams,
    handle: cancel,
  }),
  route({
    method: 'POST',
    pattern: '/v1/payment_intents/:id/verify_challenge',
    declared: null,
    publishable: true,
    params: challengeParams,
    handle: async (ctx, p) => {
      const { data, internal } = await load(ctx, true);
      return finishChallenge(ctx, data, internal, p.result);
    },
  }),
];
