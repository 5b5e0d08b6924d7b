import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { stripeObjects } from '@/lib/db/schema';
import { emit, type RequestContext } from '../context';
import { invalidRequest } from '../errors';
import { newId } from '../ids';
import { formatMinor, intParam, metadataParam, stringParam } from '../params';
import { route } from '../route';
import { insertObject, listObjects, requireObject, saveObject, type ApiObject } from '../store';
import type { PaymentIntent } from './charging';
import type { Charge } from './charges';
import { listShape, noParams, paramsSchema } from './common';

type Refund = ApiObject & {
  object: 'refund';
  amount: number;
  charge: string;
  payment_intent: string;
  status: string;
};

async function chargeToRefund(ctx: RequestContext, p: { charge?: string; payment_intent?: string }) {
  if (p.charge)
    return requireObject<Charge>(ctx.db, ctx.account.id, 'charge', p.charge, { param: 'charge', lock: true });
  if (!p.payment_intent) {
    throw invalidRequest(
      'One of the following params should be provided for this request: payment_intent or charge.',
      { code: 'parameter_missing' },
    );
  }
  const { data: pi } = await requireObject<PaymentIntent>(
    ctx.db,
    ctx.account.id,
    'payment_intent',
    p.payment_intent,
    { param: 'payment_intent' },
  );
  if (pi.status === 'requires_capture') {
    throw invalidRequest(
      `This PaymentIntent (${pi.id}) has not been captured. Cancel it instead to release the authorisation.`,
      { code: 'charge_not_refundable', param: 'payment_intent' },
    );
  }
  if (pi.status !== 'succeeded' || !pi.latest_charge) {
    throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, {
      code: 'charge_not_refundable',
      param: 'payment_intent',
    });
  }
  return requireObject<Charge>(ctx.db, ctx.account.id, 'charge', pi.latest_charge, { lock: true });
}

const createParams = paramsSchema({
  charge: stringParam.optional(),
  payment_intent: stringParam.optional(),
  amount: intParam.optional(),
  reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
  metadata: metadataParam.optional(),
});

/** Full or partial refunds of a captured charge; they succeed at once, as in test mode. */
async function createRefund(ctx: RequestContext, p: z.output<typeof createParams>) {
  const { data: charge } = await chargeToRefund(ctx, p);
  if (!charge.captured || charge.status !== 'succeeded') {
    throw invalidRequest(`Charge ${charge.id} has not been captured and cannot be refunded.`, {
      code: 'charge_not_refundable',
    });
  }
  const remaining = charge.amount_captured - charge.amount_refunded;
  if (remaining <= 0)
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
    });
  const amount = p.amount ?? remaining;
  if (amount < 1) throw invalidRequest('Refund amount must be a positive integer.', { param: 'amount' });
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatMinor(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatMinor(remaining, charge.currency)})`,
      { code: 'amount_too_large', param: 'amount' },
    );
  }
  const refund: Refund = {
    id: newId('re'),
    object: 'refund',
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: ctx.created,
    currency: charge.currency,
    destination_details: {
      card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
      type: 'card',
    },
    metadata: p.metadata ?? {},
    payment_intent: charge.payment_intent,
    reason: p.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  await insertObject(ctx.db, {
    accountId: ctx.account.id,
    type: 'refund',
    data: refund,
    parent: charge.payment_intent,
    customer: charge.customer,
    created: ctx.created,
  });
  const refunded = charge.amount_refunded + amount;
  const nextCharge: Charge = {
    ...charge,
    amount_refunded: refunded,
    refunded: refunded >= charge.amount_captured,
  };
  await saveObject(ctx.db, charge.id, { data: nextCharge });
  emit(ctx, 'refund.created', refund);
  emit(ctx, 'charge.refunded', nextCharge, {
    previous: { amount_refunded: charge.amount_refunded, refunded: charge.refunded },
  });
  return refund;
}

const listParams = paramsSchema({
  ...listShape,
  payment_intent: stringParam.optional(),
  charge: stringParam.optional(),
});

export const refundRoutes = [
  route({
    method: 'POST',
    pattern: '/v1/refunds',
    declared: 'Refunds#RefundCreateParams',
    params: createParams,
    handle: createRefund,
  }),
  route({
    method: 'GET',
    pattern: '/v1/refunds',
    declared: 'Refunds#RefundListParams',
    params: listParams,
    handle: async (ctx, p) =>
      listObjects(
        ctx.db,
        {
          accountId: ctx.account.id,
          type: 'refund',
          url: '/v1/refunds',
          parent: p.payment_intent,
          filter: p.charge ? sql`${stripeObjects.data}->>'charge' = ${p.charge}` : undefined,
        },
        p,
      ),
  }),
  route({
    method: 'GET',
    pattern: '/v1/refunds/:id',
    declared: 'Refunds#RefundRetrieveParams',
    params: noParams,
    handle: async (ctx) => (await requireObject(ctx.db, ctx.account.id, 'refund', ctx.path.id)).data,
  }),
];
