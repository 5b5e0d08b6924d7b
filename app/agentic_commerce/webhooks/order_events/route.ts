import { handleOrderWebhook } from '@/lib/agent/orders/webhook';
import { getDb } from '@/lib/db/client';

/** Order webhooks from sellers (ACP): verified by Merchant-Signature, then applied to the agent's orders. */
export async function POST(request: Request): Promise<Response> {
  return handleOrderWebhook(request, { db: await getDb() });
}
