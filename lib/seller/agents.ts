import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { config } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import { sellerAgentKeys } from '@/lib/db/schema';
import { demoPairing } from '@/lib/pairing';

/**
 * The agents a seller sells through. Aisle's own agent holds the key lib/pairing derives for this
 * seller; any other ACP agent gets a key from `issueAgentKey` (stored hashed), with the URL and
 * secret its order webhooks go to.
 */
export interface AgentIdentity {
  /** `aisle` for Aisle's agent, else the key's row id. */
  id: string;
  label: string;
  webhookUrl: string | null;
  webhookSecret: string | null;
}

export const AISLE_AGENT_ID = 'aisle';

export function orderWebhookUrl(): string {
  return `${config().origin}/agentic_commerce/webhooks/order_events`;
}

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(hash(a), 'hex');
  const y = Buffer.from(hash(b), 'hex');
  return timingSafeEqual(x, y);
}

export async function authenticateAgent(
  db: Db,
  sellerId: string,
  key: string | null,
): Promise<AgentIdentity | null> {
  if (!key) return null;
  const pairing = await demoPairing(sellerId);
  if (sameKey(key, pairing.acpApiKey)) {
    return {
      id: AISLE_AGENT_ID,
      label: 'Aisle agent',
      webhookUrl: orderWebhookUrl(),
      webhookSecret: pairing.orderWebhookSecret,
    };
  }
  const [row] = await db
    .select()
    .from(sellerAgentKeys)
    .where(
      and(
        eq(sellerAgentKeys.sellerId, sellerId),
        eq(sellerAgentKeys.keyHash, hash(key)),
        isNull(sellerAgentKeys.revokedAt),
      ),
    );
  return row
    ? { id: row.id, label: row.label, webhookUrl: row.webhookUrl, webhookSecret: row.webhookSecret }
    : null;
}

/** Who receives a session's order webhooks: found again from the id stored on the session. */
export async function agentById(db: Db, sellerId: string, agentId: string): Promise<AgentIdentity | null> {
  if (agentId === AISLE_AGENT_ID) {
    const pairing = await demoPairing(sellerId);
    return {
      id: AISLE_AGENT_ID,
      label: 'Aisle agent',
      webhookUrl: orderWebhookUrl(),
      webhookSecret: pairing.orderWebhookSecret,
    };
  }
  const [row] = await db
    .select()
    .from(sellerAgentKeys)
    .where(and(eq(sellerAgentKeys.sellerId, sellerId), eq(sellerAgentKeys.id, agentId)));
  return row
    ? { id: row.id, label: row.label, webhookUrl: row.webhookUrl, webhookSecret: row.webhookSecret }
    : null;
}

/** Issues an API key to another agent. The key is returned once; only its hash is kept. */
export async function issueAgentKey(
  db: Db,
  sellerId: string,
  agent: { label: string; webhookUrl?: string; webhookSecret?: string },
): Promise<{ id: string; apiKey: string }> {
  const id = `agt_${randomBytes(8).toString('hex')}`;
  const apiKey = `acp_key_${randomBytes(24).toString('base64url')}`;
  await db.insert(sellerAgentKeys).values({
    id,
    sellerId,
    label: agent.label,
    keyHash: hash(apiKey),
    webhookUrl: agent.webhookUrl ?? null,
    webhookSecret: agent.webhookSecret ?? null,
  });
  return { id, apiKey };
}
