import { z } from 'zod';
import type { RequestContext } from '../context';
import { noSuch } from '../errors';
import { metadataParam, stringParam } from '../params';
import { route, type Route } from '../route';
import { findObject, type ApiObject } from '../store';
import { noParams, paramsSchema } from './common';
import { requireCustomer } from './customers';
import { checkUsageLimits, createToken, usageLimitsShape } from './issued-tokens';
import { resolvePaymentMethod } from './payment-methods';
import {
  deactivateToken,
  expireTokenIfDue,
  grantedView,
  type IssuedToken,
  type TokenInternal,
} from './shared-payment-tokens';

/** The seller's view of a token granted to it; any other account gets `resource_missing`. */
async function loadGranted(ctx: RequestContext, lock = false) {
  const token = await findObject<IssuedToken, TokenInternal>(
    ctx.db,
    ctx.account.id,
    'shared_payment_token',
    ctx.path.id,
    { lock, asPeer: true },
  );
  if (!token) throw noSuch('shared_payment.granted_token', ctx.path.id);
  return token;
}

/** Stripe's test helper: a seller grants itself a token on one of its own payment methods. */
const createParams = paramsSchema({
  payment_method: stringParam,
  usage_limits: usageLimitsShape,
  customer: stringParam.optional(),
  shared_metadata: metadataParam.optional(),
});

async function createTestToken(ctx: RequestContext, p: z.output<typeof createParams>) {
  checkUsageLimits(ctx, p.usage_limits);
  if (p.customer) await requireCustomer(ctx, p.customer, 'customer');
  const pm = await resolvePaymentMethod(ctx, p.payment_method);
  const token = await createToken(ctx, {
    pm,
    issuedByAgent: false,
    sellerAccountId: ctx.account.id,
    agentProfile: null,
    sellerDetails: { external_id: null, network_business_profile: ctx.account.networkBusinessProfile },
    usageLimits: p.usage_limits,
    sharedMetadata: p.shared_metadata,
    customer: p.customer,
  });
  return grantedView(token) as unknown as ApiObject;
}

async function revokeTestToken(ctx: RequestContext) {
  const token = await loadGranted(ctx, true);
  if (token.data.status === 'deactivated') return grantedView(token) as unknown as ApiObject;
  return grantedView(
    await deactivateToken(ctx.db, ctx, token, 'revoked', ctx.created),
  ) as unknown as ApiObject;
}

const expireFirst: Route['prepare'] = async (ctx) =>
  expireTokenIfDue(ctx.db, ctx.path.id, ctx.now, ctx.requestId);

export const grantedTokenRoutes = [
  route({
    method: 'GET',
    pattern: '/v1/shared_payment/granted_tokens/:id',
    declared: 'SharedPayment/GrantedTokens#SharedPayment.GrantedTokenRetrieveParams',
    prepare: expireFirst,
    params: noParams,
    handle: async (ctx) => grantedView(await loadGranted(ctx)) as unknown as ApiObject,
  }),
  route({
    method: 'POST',
    pattern: '/v1/test_helpers/shared_payment/granted_tokens',
    declared: 'TestHelpers/SharedPayment/GrantedTokens#TestHelpers.SharedPayment.GrantedTokenCreateParams',
    params: createParams,
    handle: createTestToken,
  }),
  route({
    method: 'POST',
    pattern: '/v1/test_helpers/shared_payment/granted_tokens/:id/revoke',
    declared: 'TestHelpers/SharedPayment/GrantedTokens#TestHelpers.SharedPayment.GrantedTokenRevokeParams',
    prepare: expireFirst,
    params: noParams,
    handle: revokeTestToken,
  }),
];
