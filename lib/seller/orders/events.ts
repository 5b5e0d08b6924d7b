import type { Order, OrderEventType } from '@/lib/acp/types';
import type { Db } from '@/lib/db/client';
import { enqueueOutbox } from '@/lib/db/outbox';
import type { AgentIdentity } from '@/lib/seller/agents';

/**
 * Queues an order webhook to the agent that placed the order, signed with `Merchant-Signature` at
 * each delivery attempt. Call it with the transaction that made the change, so the event is sent if
 * and only if the change commits (and a restart loses nothing).
 */
export async function enqueueOrderEvent(
  tx: Db,
  sellerId: string,
  agent: AgentIdentity,
  type: OrderEventType,
  order: Order,
): Promise<void> {
  if (!agent.webhookUrl || !agent.webhookSecret) return;
  await enqueueOutbox(tx, {
    owner: `seller:${sellerId}`,
    topic: type,
    url: agent.webhookUrl,
    body: JSON.stringify({ type, data: { ...order, type: 'order' } }),
    signing: { scheme: 'acp', secret: agent.webhookSecret },
  });
}
