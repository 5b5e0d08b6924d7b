import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { stripeObjects } from '@/lib/db/schema';
import { emit, Reply, type RequestContext } from '../context';
import { invalidRequest } from '../errors';
import { newId } from '../ids';
import { metadataParam, stringParam } from '../params';
import { route } from '../route';
import { deleteObject, insertObject, listObjects, requireObject, saveObject, type ApiObject } from '../store';
import {
  address,
  addressShape,
  customerShipping,
  customerShippingShape,
  deleteParams,
  listShape,
  mergeMetadata,
  noParams,
  paramsSchema,
} from './common';

export type Customer = ApiObject & {
  object: 'customer';
  email: string | null;
  name: string | null;
  metadata: Record<string, string>;
  invoice_settings: { default_payment_method: string | null };
};

const fields = {
  email: stringParam.optional(),
  name: stringParam.optional(),
  description: stringParam.optional(),
  phone: stringParam.optional(),
  address: addressShape,
  shipping: customerShippingShape,
  metadata: metadataParam.optional(),
  preferred_locales: stringParam.array().optional(),
  // Only `default_payment_method` is kept; "" clears it, as on Stripe.
  invoice_settings: z.strictObject({ default_payment_method: z.string().max(255).optional() }).optional(),
};

const customerParams = paramsSchema(fields);
type CustomerParams = z.output<typeof customerParams>;

async function createCustomer(ctx: RequestContext, p: CustomerParams) {
  const customer: Customer = {
    id: newId('cus'),
    object: 'customer',
    address: p.address ? address(p.address) : null,
    balance: 0,
    created: ctx.created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: p.description ?? null,
    email: p.email ?? null,
    invoice_prefix: null,
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    } as Customer['invoice_settings'],
    livemode: false,
    metadata: p.metadata ?? {},
    name: p.name ?? null,
    phone: p.phone ?? null,
    preferred_locales: p.preferred_locales ?? [],
    shipping: customerShipping(p.shipping),
    tax_exempt: 'none',
    test_clock: null,
  };
  await insertObject(ctx.db, {
    accountId: ctx.account.id,
    type: 'customer',
    data: customer,
    created: ctx.created,
  });
  emit(ctx, 'customer.created', customer);
  return customer;
}

export async function requireCustomer(ctx: RequestContext, id: string, param?: string) {
  const found = await requireObject<Customer>(ctx.db, ctx.account.id, 'customer', id, { param });
  return found;
}

async function updateCustomer(ctx: RequestContext, p: CustomerParams) {
  const defaultPm = p.invoice_settings?.default_payment_method;
  const { data } = await requireCustomer(ctx, ctx.path.id);
  const previous: Record<string, unknown> = {};
  const next: Customer = { ...data };
  for (const key of ['email', 'name', 'description', 'phone'] as const) {
    if (p[key] !== undefined || ctx.params[key] === '') {
      previous[key] = data[key];
      next[key] = p[key] ?? null;
    }
  }
  if (p.address) next.address = address(p.address);
  if (p.shipping) next.shipping = customerShipping(p.shipping);
  if (p.metadata !== undefined) {
    previous.metadata = data.metadata;
    next.metadata = mergeMetadata(data.metadata, p.metadata);
  }
  if (defaultPm !== undefined) {
    if (defaultPm !== '') {
      const pm = await requireObject(ctx.db, ctx.account.id, 'payment_method', defaultPm, {
        param: 'invoice_settings[default_payment_method]',
      });
      if (pm.data.customer !== data.id) {
        throw invalidRequest(
          `The customer does not have a payment method with the ID ${defaultPm}. The payment method must be attached to the customer.`,
          {
            param: 'invoice_settings[default_payment_method]',
          },
        );
      }
    }
    previous.invoice_settings = data.invoice_settings;
    next.invoice_settings = { ...data.invoice_settings, default_payment_method: defaultPm || null };
  }
  await saveObject(ctx.db, data.id, { data: next });
  emit(ctx, 'customer.updated', next, { previous });
  return next;
}

async function deleteCustomer(ctx: RequestContext) {
  const { data } = await requireCustomer(ctx, ctx.path.id);
  await deleteObject(ctx.db, data.id);
  // Stripe detaches a deleted customer's payment methods.
  await ctx.db.execute(
    sql`update ${stripeObjects} set customer = null, data = jsonb_set(data::jsonb, '{customer}', 'null'::jsonb)::json
        where account_id = ${ctx.account.id} and object = 'payment_method' and customer = ${data.id}`,
  );
  emit(ctx, 'customer.deleted', data);
  return new Reply(200, { id: data.id, object: 'customer', deleted: true });
}

const listParams = paramsSchema({ ...listShape, email: stringParam.optional() });

async function listCustomers(ctx: RequestContext, p: z.output<typeof listParams>) {
  return listObjects(
    ctx.db,
    {
      accountId: ctx.account.id,
      type: 'customer',
      url: '/v1/customers',
      filter: p.email ? sql`${stripeObjects.data}->>'email' = ${p.email}` : undefined,
    },
    p,
  );
}

export const customerRoutes = [
  route({
    method: 'POST',
    pattern: '/v1/customers',
    declared: 'Customers#CustomerCreateParams',
    params: customerParams,
    handle: createCustomer,
  }),
  route({
    method: 'GET',
    pattern: '/v1/customers',
    declared: 'Customers#CustomerListParams',
    params: listParams,
    handle: listCustomers,
  }),
  route({
    method: 'GET',
    pattern: '/v1/customers/:id',
    declared: 'Customers#CustomerRetrieveParams',
    params: noParams,
    handle: async (ctx) => (await requireCustomer(ctx, ctx.path.id)).data,
  }),
  route({
    method: 'POST',
    pattern: '/v1/customers/:id',
    declared: 'Customers#CustomerUpdateParams',
    params: customerParams,
    handle: updateCustomer,
  }),
  route({
    method: 'DELETE',
    pattern: '/v1/customers/:id',
    declared: 'Customers#CustomerDeleteParams',
    params: deleteParams,
    handle: deleteCustomer,
  }),
];
