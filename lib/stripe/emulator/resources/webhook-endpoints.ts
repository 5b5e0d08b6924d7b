import { z } from 'zod';
import { Reply, type RequestContext } from '../context';
import { forgetWebhookEndpoints } from '../events';
import { base62, newId } from '../ids';
import { boolParam, metadataParam, stringParam } from '../params';
import { route } from '../route';
import { deleteObject, insertObject, listObjects, requireObject, saveObject, type ApiObject } from '../store';
import { deleteParams, listShape, mergeMetadata, noParams, paramsSchema } from './common';

type WebhookEndpoint = ApiObject & {
  object: 'webhook_endpoint';
  url: string;
  enabled_events: string[];
  status: 'enabled' | 'disabled';
  metadata: Record<string, string>;
  description: string | null;
};

const url = z.string().refine((value) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}, 'must be an http(s) URL');
const eventTypes = z
  .array(z.string().regex(/^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)$/, 'unknown event type'))
  .min(1, 'at least one event is needed');

/** Registers where an account's events are POSTed, signed with the returned `whsec_` secret. */
const createParams = paramsSchema({
  url,
  enabled_events: eventTypes,
  description: stringParam.optional(),
  metadata: metadataParam.optional(),
  api_version: stringParam.optional(),
});

async function create(ctx: RequestContext, p: z.output<typeof createParams>) {
  const endpoint: WebhookEndpoint = {
    id: newId('we'),
    object: 'webhook_endpoint',
    api_version: p.api_version ?? null,
    application: null,
    created: ctx.created,
    description: p.description ?? null,
    enabled_events: p.enabled_events,
    livemode: false,
    metadata: p.metadata ?? {},
    status: 'enabled',
    url: p.url,
  };
  const secret = `whsec_${base62(32)}`;
  await insertObject(ctx.db, {
    accountId: ctx.account.id,
    type: 'webhook_endpoint',
    data: endpoint,
    internal: { secret },
    created: ctx.created,
  });
  forgetWebhookEndpoints(ctx.root);
  // Stripe shows the secret once, in the creation response.
  return { ...endpoint, secret };
}

const updateParams = paramsSchema({
  url: url.optional(),
  enabled_events: eventTypes.optional(),
  description: stringParam.optional(),
  metadata: metadataParam.optional(),
  disabled: boolParam.optional(),
});

async function update(ctx: RequestContext, p: z.output<typeof updateParams>) {
  const { data } = await requireObject<WebhookEndpoint>(
    ctx.db,
    ctx.account.id,
    'webhook_endpoint',
    ctx.path.id,
    { lock: true },
  );
  const next: WebhookEndpoint = {
    ...data,
    url: p.url ?? data.url,
    enabled_events: p.enabled_events ?? data.enabled_events,
    description: p.description ?? data.description,
    metadata: mergeMetadata(data.metadata, p.metadata),
    status: p.disabled === undefined ? data.status : p.disabled ? 'disabled' : 'enabled',
  };
  await saveObject(ctx.db, data.id, { data: next });
  forgetWebhookEndpoints(ctx.root);
  return next;
}

export const webhookEndpointRoutes = [
  route({
    method: 'POST',
    pattern: '/v1/webhook_endpoints',
    declared: 'WebhookEndpoints#WebhookEndpointCreateParams',
    params: createParams,
    handle: create,
  }),
  route({
    method: 'GET',
    pattern: '/v1/webhook_endpoints',
    declared: 'WebhookEndpoints#WebhookEndpointListParams',
    params: paramsSchema(listShape),
    handle: async (ctx, p) =>
      listObjects(
        ctx.db,
        { accountId: ctx.account.id, type: 'webhook_endpoint', url: '/v1/webhook_endpoints' },
        p,
      ),
  }),
  route({
    method: 'GET',
    pattern: '/v1/webhook_endpoints/:id',
    declared: 'WebhookEndpoints#WebhookEndpointRetrieveParams',
    params: noParams,
    handle: async (ctx) =>
      (await requireObject(ctx.db, ctx.account.id, 'webhook_endpoint', ctx.path.id)).data,
  }),
  route({
    method: 'POST',
    pattern: '/v1/webhook_endpoints/:id',
    declared: 'WebhookEndpoints#WebhookEndpointUpdateParams',
    params: updateParams,
    handle: update,
  }),
  route({
    method: 'DELETE',
    pattern: '/v1/webhook_endpoints/:id',
    declared: 'WebhookEndpoints#WebhookEndpointDeleteParams',
    params: deleteParams,
    handle: async (ctx) => {
      const { data } = await requireObject(ctx.db, ctx.account.id, 'webhook_endpoint', ctx.path.id);
      await deleteObject(ctx.db, data.id);
      forgetWebhookEndpoints(ctx.root);
      return new Reply(200, { id: data.id, object: 'webhook_endpoint', deleted: true });
    },
  }),
];
