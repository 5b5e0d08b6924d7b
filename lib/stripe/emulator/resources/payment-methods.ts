import { z } from 'zod';
import {
  TEST_PAYMENT_METHODS,
  setupOutcome,
  tokeniseCard,
  type CardBehaviour,
  type CardDetails,
} from '../cards';
import { emit, type RequestContext } from '../context';
import { cardError, invalidRequest } from '../errors';
import { newId } from '../ids';
import { intParam, metadataParam, stringParam } from '../params';
import { route } from '../route';
import {
  insertObject,
  listObjects,
  requireObject,
  saveObject,
  type ApiObject,
  type StoredObject,
} from '../store';
import {
  billingDetails,
  billingDetailsShape,
  listShape,
  mergeMetadata,
  noParams,
  paramsSchema,
} from './common';
import { requireCustomer, type Customer } from './customers';

export type PaymentMethod = ApiObject & {
  object: 'payment_method';
  type: 'card';
  card: CardDetails;
  customer: string | null;
  billing_details: ReturnType<typeof billingDetails>;
  metadata: Record<string, string>;
  shared_payment_granted_token?: string | null;
};

/** What Stripe knows about a card beyond what it returns. */
export interface PaymentMethodInternal {
  behaviour: CardBehaviour;
  /** A SetupIntent with 3DS succeeded on it: off-session payments of 3155-type cards need no challenge. */
  setupAuthenticated?: boolean;
  /** Cloned from a shared payment token whose challenge the buyer already passed. */
  authenticatedByToken?: boolean;
}

export type StoredPaymentMethod = StoredObject<PaymentMethod, PaymentMethodInternal>;

export const cardShape = z.strictObject({
  number: z.string().max(40),
  exp_month: intParam,
  exp_year: intParam,
  cvc: z.string().max(10).optional(),
});

const paymentMethodFields = {
  type: stringParam.optional(),
  billing_details: billingDetailsShape,
  metadata: metadataParam.optional(),
};

/** An intent's `payment_method_data` as a server sends it: no raw card data (the SDK declares none). */
export const paymentMethodDataShape = z.strictObject({
  ...paymentMethodFields,
  // With a shared payment token the type is ignored (the SDK's types ask for one, Stripe's docs send none).
  shared_payment_granted_token: stringParam.optional(),
});

/** As Stripe.js sends it with the publishable key: the card fields the buyer typed, too. */
export const browserPaymentMethodDataShape = paymentMethodDataShape.extend({ card: cardShape.optional() });
export type PaymentMethodData = z.infer<typeof browserPaymentMethodDataShape>;

function paymentMethodObject(
  ctx: RequestContext,
  card: CardDetails,
  input: { billing_details?: z.infer<typeof billingDetailsShape>; metadata?: Record<string, string> },
): PaymentMethod {
  return {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: billingDetails(input.billing_details),
    card,
    created: ctx.created,
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: input.metadata ?? {},
    type: 'card',
  };
}

/**
 * Raw card fields in an intent's `payment_method_data` come only from Stripe.js: the SDK declares
 * none, so a secret-key call carrying them is refused as any undeclared parameter is.
 */
export function refuseServerCardData(ctx: RequestContext, data: PaymentMethodData | undefined) {
  if (ctx.keyType === 'secret' && data?.card) {
    throw invalidRequest('Received unknown parameter: payment_method_data[card]', {
      code: 'parameter_unknown',
      param: 'payment_method_data[card]',
    });
  }
}

/** Creates a card PaymentMethod from raw card data (never stored: only brand, last4, expiry, fingerprint). */
export async function createCardPaymentMethod(
  ctx: RequestContext,
  input: PaymentMethodData,
  param = 'card',
): Promise<StoredPaymentMethod> {
  if (input.type !== undefined && input.type !== 'card')
    throw invalidRequest('The emulator supports card payment methods only.', { param: 'type' });
  if (!input.card)
    throw invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
  const { card, behaviour } = tokeniseCard(
    {
      ...input.card,
      postal_code: input.billing_details?.address?.postal_code,
      line1: input.billing_details?.address?.line1,
    },
    ctx.now,
  );
  const data = paymentMethodObject(ctx, card, input);
  const internal: PaymentMethodInternal = { behaviour };
  await insertObject(ctx.db, {
    accountId: ctx.account.id,
    type: 'payment_method',
    data,
    internal: { ...internal },
    created: ctx.created,
  });
  return { id: data.id, accountId: ctx.account.id, peerAccountId: null, data, internal };
}

/** A copy of a card in another account, as Stripe makes when a seller charges a shared payment token. */
export async function clonePaymentMethod(
  ctx: RequestContext,
  source: { card: CardDetails; billingDetails: PaymentMethod['billing_details']; behaviour: CardBehaviour },
  tokenId: string,
): Promise<StoredPaymentMethod> {
  const data: PaymentMethod = {
    ...paymentMethodObject(ctx, source.card, { metadata: {} }),
    billing_details: source.billingDetails,
    shared_payment_granted_token: tokenId,
  };
  const internal: PaymentMethodInternal = { behaviour: source.behaviour, authenticatedByToken: true };
  await insertObject(ctx.db, {
    accountId: ctx.account.id,
    type: 'payment_method',
    data,
    internal: { ...internal },
    created: ctx.created,
  });
  return { id: data.id, accountId: ctx.account.id, peerAccountId: null, data, internal };
}

/** A PaymentMethod id of this account, or one of Stripe's `pm_card_*` test ids (a fresh card each time). */
export async function resolvePaymentMethod(
  ctx: RequestContext,
  id: string,
  param = 'payment_method',
): Promise<StoredPaymentMethod> {
  const testNumber = TEST_PAYMENT_METHODS[id];
  if (testNumber) {
    const year = ctx.now.getUTCFullYear() + 3;
    return createCardPaymentMethod(ctx, {
      type: 'card',
      card: { number: testNumber, exp_month: 12, exp_year: year },
    });
  }
  return requireObject<PaymentMethod, PaymentMethodInternal>(ctx.db, ctx.account.id, 'payment_method', id, {
    param,
  });
}

/** Attaches a card to a customer after the zero-amount check Stripe runs (cards that decline fail it). */
export async function attachPaymentMethod(
  ctx: RequestContext,
  pm: StoredPaymentMethod,
  customer: Customer,
  checked = false,
): Promise<PaymentMethod> {
  if (pm.data.customer === customer.id) return pm.data;
  if (pm.data.customer)
    throw invalidRequest('The payment method you provided has already been attached to a customer.', {
      code: 'payment_method_unexpected_state',
    });
  if (!checked) {
    const decline = setupOutcome(pm.internal.behaviour);
    if (decline) throw cardError(decline.message, decline.code, { declineCode: decline.declineCode });
  }
  const next: PaymentMethod = { ...pm.data, customer: customer.id };
  await saveObject(ctx.db, pm.id, { data: next, customer: customer.id });
  emit(ctx, 'payment_method.attached', next);
  return next;
}

const createParams = paramsSchema({
  ...paymentMethodFields,
  card: cardShape.optional(),
  type: z.literal('card', { message: 'must be one of card' }),
});

async function createPaymentMethod(ctx: RequestContext, p: z.output<typeof createParams>) {
  return (await createCardPaymentMethod(ctx, p)).data;
}

const updateParams = paramsSchema({
  billing_details: billingDetailsShape,
  metadata: metadataParam.optional(),
  card: z.strictObject({ exp_month: intParam.optional(), exp_year: intParam.optional() }).optional(),
});

async function updatePaymentMethod(ctx: RequestContext, p: z.output<typeof updateParams>) {
  const pm = await requireObject<PaymentMethod, PaymentMethodInternal>(
    ctx.db,
    ctx.account.id,
    'payment_method',
    ctx.path.id,
  );
  const next: PaymentMethod = { ...pm.data, card: { ...pm.data.card } };
  if (p.billing_details)
    next.billing_details = billingDetails({ ...pm.data.billing_details, ...p.billing_details } as never);
  if (p.metadata !== undefined) next.metadata = mergeMetadata(pm.data.metadata, p.metadata);
  if (p.card?.exp_month !== undefined) next.card.exp_month = p.card.exp_month;
  if (p.card?.exp_year !== undefined) next.card.exp_year = p.card.exp_year;
  await saveObject(ctx.db, pm.id, { data: next });
  emit(ctx, 'payment_method.updated', next);
  return next;
}

const attachParams = paramsSchema({ customer: stringParam });

async function attach(ctx: RequestContext, p: z.output<typeof attachParams>) {
  const pm = await resolvePaymentMethod(ctx, ctx.path.id);
  const customer = await requireCustomer(ctx, p.customer, 'customer');
  return attachPaymentMethod(ctx, pm, customer.data);
}

async function detach(ctx: RequestContext) {
  const pm = await requireObject<PaymentMethod, PaymentMethodInternal>(
    ctx.db,
    ctx.account.id,
    'payment_method',
    ctx.path.id,
  );
  if (!pm.data.customer) {
    throw invalidRequest(
      'The payment method you provided is not attached to a customer so detachment is impossible.',
      { code: 'payment_method_unexpected_state' },
    );
  }
  const customer = await requireCustomer(ctx, pm.data.customer);
  if (customer.data.invoice_settings.default_payment_method === pm.id) {
    const updated = {
      ...customer.data,
      invoice_settings: { ...customer.data.invoice_settings, default_payment_method: null },
    };
    await saveObject(ctx.db, customer.id, { data: updated });
  }
  const next: PaymentMethod = { ...pm.data, customer: null };
  await saveObject(ctx.db, pm.id, { data: next, customer: null });
  emit(ctx, 'payment_method.detached', next, { previous: { customer: pm.data.customer } });
  return next;
}

const listParams = paramsSchema({
  ...listShape,
  customer: stringParam.optional(),
  type: z.literal('card').optional(),
});
const customerListParams = paramsSchema({ ...listShape, type: z.literal('card').optional() });

async function list(
  ctx: RequestContext,
  p: { customer?: string; limit?: number; starting_after?: string; ending_before?: string },
  customerId: string | undefined,
) {
  const customer = customerId ?? p.customer;
  if (customer) await requireCustomer(ctx, customer, customerId ? undefined : 'customer');
  const url = customerId ? `/v1/customers/${customerId}/payment_methods` : '/v1/payment_methods';
  return listObjects<PaymentMethod>(
    ctx.db,
    { accountId: ctx.account.id, type: 'payment_method', url, customer },
    p,
  );
}

export const paymentMethodRoutes = [
  route({
    method: 'POST',
    pattern: '/v1/payment_methods',
    declared: 'PaymentMethods#PaymentMethodCreateParams',
    publishable: true,
    params: createParams,
    handle: createPaymentMethod,
  }),
  route({
    method: 'GET',
    pattern: '/v1/payment_methods',
    declared: 'PaymentMethods#PaymentMethodListParams',
    params: listParams,
    handle: (ctx, p) => list(ctx, p, undefined),
  }),
  route({
    method: 'GET',
    pattern: '/v1/payment_methods/:id',
    declared: 'PaymentMethods#PaymentMethodRetrieveParams',
    params: noParams,
    handle: async (ctx) => (await requireObject(ctx.db, ctx.account.id, 'payment_method', ctx.path.id)).data,
  }),
  route({
    method: 'POST',
    pattern: '/v1/payment_methods/:id',
    declared: 'PaymentMethods#PaymentMethodUpdateParams',
    params: updateParams,
    handle: updatePaymentMethod,
  }),
  route({
    method: 'POST',
    pattern: '/v1/payment_methods/:id/attach',
    declared: 'PaymentMethods#PaymentMethodAttachParams',
    params: attachParams,
    handle: attach,
  }),
  route({
    method: 'POST',
    pattern: '/v1/payment_methods/:id/detach',
    declared: 'PaymentMethods#PaymentMethodDetachParams',
    params: noParams,
    handle: detach,
  }),
  route({
    method: 'GET',
    pattern: '/v1/customers/:id/payment_methods',
    declared: 'Customers#CustomerListPaymentMethodsParams',
    params: customerListParams,
    handle: (ctx, p) => list(ctx, p, ctx.path.id),
  }),
];
