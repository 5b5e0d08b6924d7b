import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { enqueueOutbox } from '@/lib/db/outbox';
import { stripeObjects, stripeWebhookDeliveries } from '@/lib/db/schema';
import type { RequestContext } from './context';
import { newId } from './ids';
import { flushStaged } from './store';
import { stripeJson } from './json';
import { STRIPE_API_VERSION } from './version';

export const OUTBOX_OWNER = 'stripe-emulator';

interface Endpoint {
  accountId: string;
  data: Record<string, unknown>;
  internal: Record<string, unknown>;
}

/**
 * Webhook endpoints change rarely and every write reads them, so they are cached per database for a
 * second; this process forgets them at once when it changes one (`forgetWebhookEndpoints`).
 */
const ENDPOINT_CACHE_MS = 1_000;
const endpointCache = new WeakMap<object, { at: number; endpoints: Endpoint[] }>();

export function forgetWebhookEndpoints(root: Db) {
  endpointCache.delete(root);
}

async function webhookEndpoints(db: Db, root: Db | undefined): Promise<Endpoint[]> {
  const cached = root ? endpointCache.get(root) : undefined;
  if (cached && Date.now() - cached.at < ENDPOINT_CACHE_MS) return cached.endpoints;
  const endpoints = await db
    .select({
      accountId: stripeObjects.accountId,
      data: stripeObjects.data,
      internal: stripeObjects.internal,
    })
    .from(stripeObjects)
    .where(eq(stripeObjects.object, 'webhook_endpoint'));
  if (root) endpointCache.set(root, { at: Date.now(), endpoints });
  return endpoints;
}

interface EndpointData {
  id: string;
  url: string;
  status: string;
  enabled_events: string[];
  api_version: string | null;
}

/**
 * Writes the request's staged objects and events, and queues one signed delivery per matching webhook endpoint of the
 * account each event belongs to, in the request's transaction: the state change and its
 * notifications commit together or not at all.
 */
export async function flushEvents(
  ctx: Pick<RequestContext, 'db' | 'created' | 'requestId' | 'idempotencyKey' | 'events'> & { root?: Db },
): Promise<void> {
  if (ctx.events.length === 0) return flushStaged(ctx.db);
  const endpoints = await webhookEndpoints(ctx.db, ctx.root);

  const rows = [];
  const deliveries: Array<{
    eventId: string;
    endpointId: string;
    url: string;
    secret: string;
    type: string;
    body: string;
  }> = [];
  for (const pending of ctx.events) {
    const targets = endpoints.filter((endpoint) => {
      const data = endpoint.data as unknown as EndpointData;
      return (
        endpoint.accountId === pending.accountId &&
        data.status === 'enabled' &&
        (data.enabled_events.includes('*') || data.enabled_events.includes(pending.type))
      );
    });
    const event = {
      id: newId('evt'),
      object: 'event',
      api_version: STRIPE_API_VERSION,
      created: ctx.created,
      data: {
        object: pending.object,
        ...(pending.previousAttributes ? { previous_attributes: pending.previousAttributes } : {}),
      },
      livemode: false,
      pending_webhooks: targets.length,
      request: { id: ctx.requestId, idempotency_key: ctx.idempotencyKey },
      type: pending.type,
    };
    rows.push({
      id: event.id,
      accountId: pending.accountId,
      object: 'event',
      parent: pending.type,
      created: ctx.created,
      data: event,
      internal: {},
    });
    // The webhook body is written only for an event that has somewhere to go.
    const body = targets.length > 0 ? stripeJson(event) : '';
    for (const target of targets) {
      const data = target.data as unknown as EndpointData;
      deliveries.push({
        eventId: event.id,
        endpointId: data.id,
        url: data.url,
        secret: String(target.internal.secret),
        type: event.type,
        body,
      });
    }
  }
  await flushStaged(ctx.db, rows);
  if (deliveries.length === 0) return;
  const links = [];
  for (const delivery of deliveries) {
    const outboxId = await enqueueOutbox(ctx.db, {
      owner: OUTBOX_OWNER,
      topic: delivery.type,
      url: delivery.url,
      body: delivery.body,
      headers: { 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
      signing: { scheme: 'stripe', secret: delivery.secret },
    });
    links.push({ eventId: delivery.eventId, endpointId: delivery.endpointId, outboxId });
  }
  await ctx.db.insert(stripeWebhookDeliveries).values(links);
}
