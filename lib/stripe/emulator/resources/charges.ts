import type { Decline } from '../cards';
import type { RequestContext } from '../context';
import { newId } from '../ids';
import { stringParam } from '../params';
import { route } from '../route';
import { insertObject, listObjects, requireObject, type ApiObject } from '../store';
import { listShape, noParams, paramsSchema } from './common';
import type { PaymentMethod } from './payment-methods';

export type Charge = ApiObject & {
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  currency: string;
  customer: string | null;
  paid: boolean;
  payment_intent: string;
  refunded: boolean;
  status: 'succeeded' | 'failed' | 'pending';
  metadata: Record<string, string>;
};

interface ChargeInput {
  amount: number;
  currency: string;
  customer: string | null;
  description: string | null;
  metadata: Record<string, string>;
  paymentIntent: string;
  receiptEmail: string | null;
  shipping: unknown;
  capture: boolean;
  threeDSecure: boolean;
}

function descriptor(name: string): string {
  return name
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, '')
    .slice(0, 22);
}

/** A charge attempt on a card: approved (captured or only authorised) or declined by the issuer. */
export async function createCharge(
  ctx: RequestContext,
  input: ChargeInput,
  pm: PaymentMethod,
  decline: Decline | null,
): Promise<Charge> {
  const approved = !decline;
  const charge: Charge = {
    id: newId('ch'),
    object: 'charge',
    amount: input.amount,
    amount_captured: approved && input.capture ? input.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: pm.billing_details,
    calculated_statement_descriptor: descriptor(ctx.account.name),
    captured: approved && input.capture,
    created: ctx.created,
    currency: input.currency,
    customer: input.customer,
    description: input.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: input.metadata,
    on_behalf_of: null,
    outcome: approved
      ? {
          network_status: 'approved_by_network',
          reason: null,
          risk_level: 'normal',
          risk_score: 12,
          seller_message: 'Payment complete.',
          type: 'authorized',
        }
      : {
          network_status: 'declined_by_network',
          reason: decline.declineCode ?? decline.code,
          risk_level: 'normal',
          risk_score: 12,
          seller_message: 'The bank did not return any further details with this decline.',
          type: 'issuer_declined',
        },
    paid: approved,
    payment_intent: input.paymentIntent,
    payment_method: pm.id,
    payment_method_details: {
      card: {
        amount_authorized: approved ? input.amount : null,
        brand: pm.card.brand,
        checks: pm.card.checks,
        country: pm.card.country,
        exp_month: pm.card.exp_month,
        exp_year: pm.card.exp_year,
        fingerprint: pm.card.fingerprint,
        funding: pm.card.funding,
        last4: pm.card.last4,
        network: pm.card.brand,
        three_d_secure: input.threeDSecure
          ? { authentication_flow: 'challenge', result: 'authenticated', version: '2.2.0' }
          : null,
        wallet: null,
      },
      type: 'card',
    },
    receipt_email: input.receiptEmail,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: input.shipping ?? null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: approved ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  };
  await insertObject(ctx.db, {
    accountId: ctx.account.id,
    type: 'charge',
    data: charge,
    customer: input.customer,
    parent: input.paymentIntent,
    created: ctx.created,
  });
  return charge;
}

const listParams = paramsSchema({
  ...listShape,
  payment_intent: stringParam.optional(),
  customer: stringParam.optional(),
});

export const chargeRoutes = [
  route({
    method: 'GET',
    pattern: '/v1/charges',
    declared: 'Charges#ChargeListParams',
    params: listParams,
    handle: async (ctx, p) =>
      listObjects(
        ctx.db,
        {
          accountId: ctx.account.id,
          type: 'charge',
          url: '/v1/charges',
          parent: p.payment_intent,
          customer: p.customer,
        },
        p,
      ),
  }),
  route({
    method: 'GET',
    pattern: '/v1/charges/:id',
    declared: 'Charges#ChargeRetrieveParams',
    params: noParams,
    handle: async (ctx) => (await requireObject(ctx.db, ctx.account.id, 'charge', ctx.path.id)).data,
  }),
];
