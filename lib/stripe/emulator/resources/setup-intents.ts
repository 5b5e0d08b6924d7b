import { z } from 'zod';
import { needsAuthentication, setupOutcome } from '../cards';
import { emit, Reply, requireClientSecret, type RequestContext } from '../context';
import { invalidRequest, unexpectedState } from '../errors';
import { newClientSecret, newId } from '../ids';
import { boolParam, metadataParam, stringParam } from '../params';
import { route } from '../route';
import { insertObject, listObjects, requireObject, saveObject, type ApiObject } from '../store';
import { authenticationFailure, challengeAction, challengeResultShape, declineError } from './challenge';
import { listShape, mergeMetadata, paramsSchema } from './common';
import { requireCustomer } from './customers';
import {
  attachPaymentMethod,
  createCardPaymentMethod,
  browserPaymentMethodDataShape,
  paymentMethodDataShape,
  refuseServerCardData,
  type PaymentMethodData,
  resolvePaymentMethod,
  type PaymentMethod,
  type PaymentMethodInternal,
  type StoredPaymentMethod,
} from './payment-methods';

export type SetupIntent = ApiObject & {
  object: 'setup_intent';
  status:
    | 'requires_payment_method'
    | 'requires_confirmation'
    | 'requires_action'
    | 'processing'
    | 'canceled'
    | 'succeeded';
  client_secret: string;
  customer: string | null;
  payment_method: string | null;
  metadata: Record<string, string>;
  last_setup_error: unknown;
  next_action: unknown;
  usage: string;
};

const confirmShape = {
  payment_method: stringParam.optional(),
  payment_method_data: paymentMethodDataShape.optional(),
  return_url: stringParam.optional(),
  use_stripe_sdk: boolParam.optional(),
};
/** From the buyer's browser: the card typed and the client secret too (see payment intents). */
const browserConfirmShape = {
  ...confirmShape,
  payment_method_data: browserPaymentMethodDataShape.optional(),
  client_secret: stringParam.optional(),
};

const CONFIRMABLE = new Set(['requires_payment_method', 'requires_confirmation', 'requires_action']);

async function paymentMethodFor(
  ctx: RequestContext,
  p: { payment_method?: string; payment_method_data?: PaymentMethodData },
  current: string | null,
) {
  if (p.payment_method) return resolvePaymentMethod(ctx, p.payment_method);
  refuseServerCardData(ctx, p.payment_method_data);
  if (p.payment_method_data)
    return createCardPaymentMethod(ctx, p.payment_method_data, 'payment_method_data[card]');
  if (current)
    return requireObject<PaymentMethod, PaymentMethodInternal>(
      ctx.db,
      ctx.account.id,
      'payment_method',
      current,
    );
  return undefined;
}

async function succeed(
  ctx: RequestContext,
  si: SetupIntent,
  pm: StoredPaymentMethod,
  authenticated: boolean,
) {
  const next: SetupIntent = {
    ...si,
    status: 'succeeded',
    payment_method: pm.id,
    next_action: null,
    last_setup_error: null,
  };
  if (si.customer) {
    const customer = await requireCustomer(ctx, si.customer);
    if (pm.data.customer && pm.data.customer !== si.customer) {
      throw invalidRequest('The provided PaymentMethod is attached to another customer.', {
        code: 'setup_intent_invalid_parameter',
        param: 'payment_method',
      });
    }
    await attachPaymentMethod(ctx, pm, customer.data, true);
  }
  if (authenticated) {
    const fresh = await requireObject<PaymentMethod, PaymentMethodInternal>(
      ctx.db,
      ctx.account.id,
      'payment_method',
      pm.id,
    );
    await saveObject(ctx.db, pm.id, {
      data: fresh.data,
      internal: { ...fresh.internal, setupAuthenticated: true },
    });
  }
  await saveObject(ctx.db, si.id, { data: next });
  emit(ctx, 'setup_intent.succeeded', next);
  return next;
}

type ConfirmParams = z.output<z.ZodObject<typeof browserConfirmShape>>;

async function confirm(ctx: RequestContext, si: SetupIntent, p: ConfirmParams) {
  if (!CONFIRMABLE.has(si.status)) {
    throw unexpectedState(
      `You cannot confirm this SetupIntent because it has a status of ${si.status}.`,
      'setup_intent_unexpected_state',
    );
  }
  const pm = await paymentMethodFor(ctx, p, si.payment_method);
  if (!pm) {
    throw unexpectedState(
      "You cannot confirm this SetupIntent because it's missing a payment method. Update the SetupIntent with a payment method and then confirm it again.",
      'setup_intent_unexpected_state',
    );
  }
  if (needsAuthentication(pm.internal.behaviour)) {
    const next: SetupIntent = {
      ...si,
      status: 'requires_action',
      payment_method: pm.id,
      last_setup_error: null,
      next_action: challengeAction('setup_intents', si.id),
    };
    await saveObject(ctx.db, si.id, { data: next });
    emit(ctx, 'setup_intent.requires_action', next);
    return next;
  }
  const decline = setupOutcome(pm.internal.behaviour);
  if (decline) {
    const error = declineError(decline, pm.data);
    const next: SetupIntent = {
      ...si,
      status: 'requires_payment_method',
      payment_method: null,
      next_action: null,
      last_setup_error: error,
    };
    await saveObject(ctx.db, si.id, { data: next });
    emit(ctx, 'setup_intent.setup_failed', next);
    return new Reply(402, { error: { ...error, setup_intent: next } });
  }
  return succeed(ctx, si, pm, false);
}

const createParams = paramsSchema({
  ...confirmShape,
  customer: stringParam.optional(),
  description: stringParam.optional(),
  metadata: metadataParam.optional(),
  confirm: boolParam.optional(),
  usage: z.enum(['off_session', 'on_session']).optional(),
  allowed_payment_method_types: z
    .array(z.literal('card', { message: 'The emulator supports card payment methods only.' }))
    .optional(),
  automatic_payment_methods: z
    .strictObject({ enabled: boolParam, allow_redirects: z.enum(['always', 'never']).optional() })
    .optional(),
});

async function createSetupIntent(ctx: RequestContext, p: z.output<typeof createParams>) {
  if (p.customer) await requireCustomer(ctx, p.customer, 'customer');
  const id = newId('seti');
  const pm = p.payment_method ? await resolvePaymentMethod(ctx, p.payment_method) : undefined;
  const si: SetupIntent = {
    id,
    object: 'setup_intent',
    application: null,
    automatic_payment_methods: p.automatic_payment_methods?.enabled
      ? { allow_redirects: p.automatic_payment_methods.allow_redirects ?? 'always', enabled: true }
      : null,
    cancellation_reason: null,
    client_secret: newClientSecret(id),
    created: ctx.created,
    customer: p.customer ?? null,
    description: p.description ?? null,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: p.metadata ?? {},
    next_action: null,
    on_behalf_of: null,
    payment_method: pm?.id ?? null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    payment_method_types: ['card'],
    single_use_mandate: null,
    status: pm ? 'requires_confirmation' : 'requires_payment_method',
    usage: p.usage ?? 'off_session',
  };
  await insertObject(ctx.db, {
    accountId: ctx.account.id,
    type: 'setup_intent',
    data: si,
    customer: si.customer,
    created: ctx.created,
  });
  emit(ctx, 'setup_intent.created', si);
  return p.confirm ? confirm(ctx, si, { ...p, payment_method: pm?.id }) : si;
}

async function load(ctx: RequestContext, lock = false) {
  const found = await requireObject<SetupIntent>(ctx.db, ctx.account.id, 'setup_intent', ctx.path.id, {
    lock,
  });
  requireClientSecret(ctx, found.data, 'SetupIntent');
  return found.data;
}

const challengeParams = paramsSchema({ ...challengeResultShape, client_secret: stringParam.optional() });

async function verifyChallenge(ctx: RequestContext, p: z.output<typeof challengeParams>) {
  const si = await load(ctx, true);
  if (si.status !== 'requires_action' || !si.payment_method) {
    throw unexpectedState(
      `This SetupIntent has no pending authentication: its status is ${si.status}.`,
      'setup_intent_unexpected_state',
    );
  }
  const pm = await requireObject<PaymentMethod, PaymentMethodInternal>(
    ctx.db,
    ctx.account.id,
    'payment_method',
    si.payment_method,
  );
  if (p.result === 'succeeded') return succeed(ctx, si, pm, true);
  const next: SetupIntent = {
    ...si,
    status: 'requires_payment_method',
    payment_method: null,
    next_action: null,
    last_setup_error: authenticationFailure('setup_intent', pm.data),
  };
  await saveObject(ctx.db, si.id, { data: next });
  emit(ctx, 'setup_intent.setup_failed', next);
  return next;
}

const cancelParams = paramsSchema({
  cancellation_reason: z.enum(['abandoned', 'requested_by_customer', 'duplicate']).optional(),
});

async function cancel(ctx: RequestContext, p: z.output<typeof cancelParams>) {
  const si = await load(ctx, true);
  if (!CONFIRMABLE.has(si.status)) {
    throw unexpectedState(
      `You cannot cancel this SetupIntent because it has a status of ${si.status}.`,
      'setup_intent_unexpected_state',
    );
  }
  const next: SetupIntent = {
    ...si,
    status: 'canceled',
    cancellation_reason: p.cancellation_reason ?? null,
    next_action: null,
  };
  await saveObject(ctx.db, si.id, { data: next });
  emit(ctx, 'setup_intent.canceled', next);
  return next;
}

const updateParams = paramsSchema({
  metadata: metadataParam.optional(),
  description: stringParam.optional(),
  payment_method: stringParam.optional(),
  customer: stringParam.optional(),
});

async function update(ctx: RequestContext, p: z.output<typeof updateParams>) {
  const si = await load(ctx, true);
  if (!CONFIRMABLE.has(si.status))
    throw unexpectedState(
      `You cannot update this SetupIntent because it has a status of ${si.status}.`,
      'setup_intent_unexpected_state',
    );
  const next: SetupIntent = { ...si, metadata: mergeMetadata(si.metadata, p.metadata) };
  if (p.description !== undefined) next.description = p.description;
  if (p.customer) next.customer = (await requireCustomer(ctx, p.customer, 'customer')).id;
  if (p.payment_method) {
    next.payment_method = (await resolvePaymentMethod(ctx, p.payment_method)).id;
    next.status = 'requires_confirmation';
  }
  await saveObject(ctx.db, si.id, { data: next, customer: next.customer });
  return next;
}

export const setupIntentRoutes = [
  route({
    method: 'POST',
    pattern: '/v1/setup_intents',
    declared: 'SetupIntents#SetupIntentCreateParams',
    params: createParams,
    handle: createSetupIntent,
  }),
  route({
    method: 'GET',
    pattern: '/v1/setup_intents',
    declared: 'SetupIntents#SetupIntentListParams',
    params: paramsSchema({ ...listShape, customer: stringParam.optional() }),
    handle: async (ctx, p) =>
      listObjects(
        ctx.db,
        { accountId: ctx.account.id, type: 'setup_intent', url: '/v1/setup_intents', customer: p.customer },
        p,
      ),
  }),
  route({
    method: 'GET',
    pattern: '/v1/setup_intents/:id',
    declared: 'SetupIntents#SetupIntentRetrieveParams',
    publishable: true,
    params: paramsSchema({ client_secret: stringParam.optional() }),
    handle: (ctx) => load(ctx),
  }),
  route({
    method: 'POST',
    pattern: '/v1/setup_intents/:id',
    declared: 'SetupIntents#SetupIntentUpdateParams',
    params: updateParams,
    handle: update,
  }),
  route({
    method: 'POST',
    pattern: '/v1/setup_intents/:id/confirm',
    declared: 'SetupIntents#SetupIntentConfirmParams',
    publishable: true,
    params: paramsSchema(browserConfirmShape),
    handle: async (ctx, p) => confirm(ctx, await load(ctx, true), p),
  }),
  route({
    method: 'POST',
    pattern: '/v1/setup_intents/:id/cancel',
    declared: 'SetupIntents#SetupIntentCancelParams',
    params: cancelParams,
    handle: cancel,
  }),
  route({
    method: 'POST',
    pattern: '/v1/setup_intents/:id/verify_challenge',
    declared: null,
    publishable: true,
    params: challengeParams,
    handle: verifyChallenge,
  }),
];
