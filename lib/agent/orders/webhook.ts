import { and, eq, lt } from 'drizzle-orm';
import { MERCHANT_SIGNATURE_HEADER, verifyMerchantSignature, type SignatureCheck } from '@/lib/acp/signature';
import { OrderWebhookEvent } from '@/lib/acp/types';
import type { Db } from '@/lib/db/client';
import { agentCheckouts, agentWebhookReceipts } from '@/lib/db/schema';
import { listAgentSellers, type AgentSeller } from '@/lib/agent/sellers';
import { recordOrder } from './store';

export interface OrderWebhookDeps {
  db: Db;
  now?: () => Date;
  /** Defaults to the agent's seller registry. */
  sellers?: AgentSeller[];
}

const MAX_BODY_BYTES = 1_000_000;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function unauthorized(code: string, message: string): Response {
  return json(401, { type: 'invalid_request', code, message });
}

/**
 * `POST /agentic_commerce/webhooks/order_events`. The URL is shared by every seller, so the sender is
 * whichever registered seller's secret verifies the Merchant-Signature. A signature is accepted once
 * (kept in the database), and only within 300 s of its timestamp; everything else answers 401.
 */
export async function handleOrderWebhook(request: Request, deps: OrderWebhookDeps): Promise<Response> {
  if (request.method !== 'POST')
    return json(405, { type: 'invalid_request', code: 'method_not_allowed', message: 'Use POST.' });
  const rawBody = await request.text();
  if (rawBody.length > MAX_BODY_BYTES)
    return json(413, { type: 'invalid_request', code: 'too_large', message: 'Body too large.' });
  const header = request.headers.get(MERCHANT_SIGNATURE_HEADER);
  const now = deps.now?.() ?? new Date();

  const sellers = (deps.sellers ?? (await listAgentSellers())).filter((s) => s.webhookSecret);
  let sender: AgentSeller | undefined;
  let failure: SignatureCheck | undefined;
  for (const seller of sellers) {
    const check = verifyMerchantSignature(seller.webhookSecret!, header, rawBody, { now });
    if (check.ok) {
      sender = seller;
      break;
    }
    failure = check;
    // Missing, malformed and stale headers fail the same way for every secret.
    if (check.reason !== 'mismatch') break;
  }
  if (!sender) {
    if (failure && !failure.ok) return unauthorized(`signature_${failure.reason}`, failure.message);
    return unauthorized('signature_mismatch', 'Webhook signature verification failed.');
  }

  let parsed: OrderWebhookEvent;
  try {
    const result = OrderWebhookEvent.safeParse(JSON.parse(rawBody));
    if (!result.success) {
      return json(400, {
        type: 'invalid_request',
        code: 'invalid_body',
        message: result.error.issues[0]?.message ?? 'Invalid event.',
      });
    }
    parsed = result.data;
  } catch {
    return json(400, { type: 'invalid_request', code: 'invalid_json', message: 'The body is not JSON.' });
  }

  // The signature is the delivery's identity: the outbox signs each attempt afresh, an attacker cannot.
  const signature = header!.replace(/\s+/g, '');
  const fresh = await deps.db
    .insert(agentWebhookReceipts)
    .values({ sellerId: sender.id, signature, receivedAt: now })
    .onConflictDoNothing()
    .returning({ signature: agentWebhookReceipts.signature });
  if (fresh.length === 0)
    return unauthorized('signature_replayed', 'This webhook delivery was already received.');

  const order = parsed.data;
  const [checkout] = await deps.db
    .select()
    .from(agentCheckouts)
    .where(
      and(
        eq(agentCheckouts.sellerId, sender.id),
        eq(agentCheckouts.sellerSessionId, order.checkout_session_id),
      ),
    );
  // An order for a session this agent never opened is acknowledged, so the seller stops retrying.
  if (!checkout) return json(200, { received: true, ignored: 'unknown_checkout_session' });

  const session = (checkout.session ?? {}) as {
    currency?: string;
    totals?: { type: string; amount: number }[];
  };
  const result = await recordOrder(deps.db, {
    checkout: {
      id: checkout.id,
      buyerId: checkout.buyerId,
      sellerId: checkout.sellerId,
      sellerSessionId: order.checkout_session_id,
    },
    order,
    currency: (
      session.currency ??
      order.adjustments?.find((a) => a.currency)?.currency ??
      'usd'
    ).toLowerCase(),
    fallbackTotal: session.totals?.find((t) => t.type === 'total')?.amount ?? 0,
    source: 'webhook',
  });
  // Now and then, forget signatures too old to pass the timestamp check anyway.
  if (Math.random() < 0.02) await pruneWebhookReceipts(deps.db, now);
  return json(200, { received: true, order_id: result.orderId, status: result.status });
}

/** Receipts older than the signature tolerance can never match again (stale), so they may go. */
export async function pruneWebhookReceipts(db: Db, now: Date = new Date()): Promise<void> {
  await db
    .delete(agentWebhookReceipts)
    .where(lt(agentWebhookReceipts.receivedAt, new Date(now.getTime() - 3_600_000)));
}
