import { z } from 'zod';
import { needsAuthentication } from '../cards';
import { emit, type RequestContext } from '../context';
import { invalidRequest, noSuch, unexpectedState } from '../errors';
import { accountByProfile } from '../accounts';
import { newClientSecret, newId } from '../ids';
import { boolParam, currencyParam, intParam, MAX_AMOUNT, metadataParam, stringParam } from '../params';
import { route, type Route } from '../route';
import { insertObject, requireObject, saveObject } from '../store';
import { challengeResultShape } from './challenge';
import { noParams, paramsSchema } from './common';
import { resolvePaymentMethod, type StoredPaymentMethod } from './payment-methods';
import {
  deactivateToken,
  expireTokenIfDue,
  sellerCard,
  type IssuedToken,
  type StoredToken,
  type TokenInternal,
} from './shared-payment-tokens';

export const usageLimitsShape = z.strictObject({
  currency: currencyParam,
  max_amount: intParam,
  expires_at: intParam.optional(),
});

export function checkUsageLimits(ctx: RequestContext, limits: z.infer<typeof usageLimitsShape>) {
  if (limits.max_amount < 1 || limits.max_amount > MAX_AMOUNT) {
    throw invalidRequest(`usage_limits[max_amount] must be between 1 and ${MAX_AMOUNT}.`, {
      param: 'usage_limits[max_amount]',
    });
  }
  if (limits.expires_at !== undefined && limits.expires_at <= ctx.created) {
    throw invalidRequest('usage_limits[expires_at] must be in the future.', {
      param: 'usage_limits[expires_at]',
    });
  }
}

/** The 3DS challenge of a token, in the `{ value }` form the SDK types: base64 JSON for the browser stand-in. */
function tokenChallenge(id: string, clientSecret: string): IssuedToken['next_action'] {
  const value = Buffer.from(
    JSON.stringify({
      type: 'emulator_three_d_secure',
      verify_challenge_url: `/v1/shared_payment/issued_tokens/${id}/verify_challenge`,
      client_secret: clientSecret,
    }),
  ).toString('base64');
  return { type: 'use_stripe_sdk', use_stripe_sdk: { value }, redirect_to_url: null };
}

interface NewToken {
  pm: StoredPaymentMethod;
  /** False for the seller's test helper: no agent account stands behind the token. */
  issuedByAgent: boolean;
  sellerAccountId: string;
  agentProfile: string | null;
  sellerDetails: IssuedToken['seller_details'];
  usageLimits: z.infer<typeof usageLimitsShape>;
  sharedMetadata?: Record<string, string>;
  setupFutureUsage?: 'on_session';
  returnUrl?: string;
  useStripeSdk?: boolean;
  customer?: string;
}

/**
 * Makes a token. A card that needs 3DS gives a token in `requires_action`: the buyer answers the
 * challenge before any seller can charge it (see the README).
 */
export async function createToken(ctx: RequestContext, input: NewToken): Promise<StoredToken> {
  const id = newId('spt');
  const clientSecret = newClientSecret(id);
  const challenge = needsAuthentication(input.pm.internal.behaviour);
  const data: IssuedToken = {
    id,
    object: 'shared_payment.issued_token',
    created: ctx.created,
    deactivated_at: null,
    deactivated_reason: null,
    livemode: false,
    next_action: challenge ? tokenChallenge(id, clientSecret) : null,
    payment_method: input.pm.id,
    return_url: input.returnUrl ?? null,
    seller_details: input.sellerDetails,
    setup_future_usage: input.setupFutureUsage ?? null,
    shared_metadata: input.sharedMetadata ?? {},
    status: challenge ? 'requires_action' : 'active',
    usage_details: { amount_captured: { currency: input.usageLimits.currency, value: 0 } },
    usage_limits: {
      currency: input.usageLimits.currency,
      expires_at: input.usageLimits.expires_at ?? null,
      max_amount: input.usageLimits.max_amount,
    },
    use_stripe_sdk: input.useStripeSdk ?? null,
  };
  const internal: TokenInternal = {
    issuerAccountId: input.issuedByAgent ? ctx.account.id : null,
    sellerAccountId: input.sellerAccountId,
    agentProfile: input.agentProfile,
    customer: input.customer ?? input.pm.data.customer,
    paymentMethodDetails: {
      type: 'card',
      billing_details: input.pm.data.billing_details,
      card: sellerCard(input.pm.data.card),
    },
    card: input.pm.data.card,
    behaviour: input.pm.internal.behaviour,
    clientSecret,
    usage: {},
  };
  await insertObject(ctx.db, {
    accountId: ctx.account.id,
    type: 'shared_payment_token',
    data,
    internal: { ...internal },
    customer: internal.customer,
    peerAccountId: input.sellerAccountId,
    created: ctx.created,
  });
  const stored: StoredToken = {
    id,
    accountId: ctx.account.id,
    peerAccountId: input.sellerAccountId,
    data,
    internal,
  };
  if (challenge && internal.issuerAccountId) emit(ctx, 'shared_payment.issued_token.requires_action', data);
  return stored;
}

const issueParams = paramsSchema({
  payment_method: stringParam,
  seller_details: z.strictObject({
    network_business_profile: stringParam,
    external_id: stringParam.optional(),
  }),
  usage_limits: usageLimitsShape,
  shared_metadata: metadataParam.optional(),
  setup_future_usage: z.literal('on_session').optional(),
  return_url: stringParam.optional(),
  use_stripe_sdk: boolParam.optional(),
});

async function issue(ctx: RequestContext, p: z.output<typeof issueParams>) {
  checkUsageLimits(ctx, p.usage_limits);
  const seller = await accountByProfile(ctx.db, p.seller_details.network_business_profile, ctx.root);
  if (!seller)
    throw noSuch(
      'network business profile',
      p.seller_details.network_business_profile,
      'seller_details[network_business_profile]',
    );
  const pm = await resolvePaymentMethod(ctx, p.payment_method);
  const token = await createToken(ctx, {
    pm,
    issuedByAgent: true,
    sellerAccountId: seller.id,
    agentProfile: ctx.account.networkBusinessProfile,
    sellerDetails: {
      external_id: p.seller_details.external_id ?? null,
      network_business_profile: seller.networkBusinessProfile,
    },
    usageLimits: p.usage_limits,
    sharedMetadata: p.shared_metadata,
    setupFutureUsage: p.setup_future_usage,
    returnUrl: p.return_url,
    useStripeSdk: p.use_stripe_sdk,
  });
  return token.data;
}

async function loadOwn(ctx: RequestContext, lock = false) {
  return requireObject<IssuedToken, TokenInternal>(
    ctx.db,
    ctx.account.id,
    'shared_payment_token',
    ctx.path.id,
    { lock },
  );
}

/** Revoking a token that is already deactivated changes nothing and answers the token as it is. */
async function revoke(ctx: RequestContext) {
  const token = await loadOwn(ctx, true);
  if (token.data.status === 'deactivated') return token.data;
  return (await deactivateToken(ctx.db, ctx, token, 'revoked', ctx.created)).data;
}

/** Emulator-only: the buyer's answer to the token's 3DS challenge (see the README). */
const challengeParams = paramsSchema({ ...challengeResultShape, client_secret: stringParam.optional() });

async function verifyChallenge(ctx: RequestContext, p: z.output<typeof challengeParams>) {
  const token = await loadOwn(ctx, true);
  if (ctx.keyType === 'publishable' && p.client_secret !== token.internal.clientSecret) {
    throw invalidRequest(
      'The client_secret provided does not match the client_secret of this shared payment token.',
      { param: 'client_secret' },
    );
  }
  if (token.data.status !== 'requires_action') {
    throw unexpectedState(
      `This shared payment token has no pending authentication: its status is ${token.data.status}.`,
      'shared_payment_token_unexpected_state',
    );
  }
  if (p.result === 'failed') return token.data;
  const data: IssuedToken = { ...token.data, status: 'active', next_action: null };
  await saveObject(ctx.db, token.id, { data });
  return data;
}

const expireFirst: Route['prepare'] = async (ctx) =>
  expireTokenIfDue(ctx.db, ctx.path.id, ctx.now, ctx.requestId);

export const issuedTokenRoutes = [
  route({
    method: 'POST',
    pattern: '/v1/shared_payment/issued_tokens',
    declared: 'SharedPayment/IssuedTokens#SharedPayment.IssuedTokenCreateParams',
    params: issueParams,
    handle: issue,
  }),
  route({
    method: 'GET',
    pattern: '/v1/shared_payment/issued_tokens/:id',
    declared: 'SharedPayment/IssuedTokens#SharedPayment.IssuedTokenRetrieveParams',
    prepare: expireFirst,
    params: noParams,
    handle: async (ctx) => (await loadOwn(ctx)).data,
  }),
  route({
    method: 'POST',
    pattern: '/v1/shared_payment/issued_tokens/:id/revoke',
    declared: 'SharedPayment/IssuedTokens#SharedPayment.IssuedTokenRevokeParams',
    prepare: expireFirst,
    params: noParams,
    handle: revoke,
  }),
  route({
    method: 'POST',
    pattern: '/v1/shared_payment/issued_tokens/:id/verify_challenge',
    declared: null,
    publishable: true,
    prepare: expireFirst,
    params: challengeParams,
    handle: verifyChallenge,
  }),
];
