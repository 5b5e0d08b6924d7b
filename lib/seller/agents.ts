import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
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
  if (!row) return null;
  await noteUse(db, row.id);
  return { id: row.id, label: row.label, webhookUrl: row.webhookUrl, webhookSecret: row.webhookSecret };
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

/** What a seller enters to let another agent in: checked here, whichever surface it came from. */
export const AgentKeyRequest = z.object({
  label: z.string().trim().min(1, 'Give the agent a name.').max(80, 'At most 80 characters.'),
  webhook_url: z
    .url({ protocol: /^https?$/, error: 'An http(s) URL, where the agent receives order webhooks.' })
    .max(2000)
    .optional(),
  webhook_secret: z
    .string()
    .min(16, 'At least 16 characters.')
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'Printable characters only, no spaces.')
    .optional(),
});
export type AgentKeyRequest = z.infer<typeof AgentKeyRequest>;

/** A key as its seller sees it: never the key itself, only its last characters. */
export interface AgentKeyView {
  id: string;
  label: string;
  keyHint: string;
  webhookUrl: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

/** Shown once, when issued or rotated; the seller hands these to the agent. */
export interface IssuedAgentKey {
  id: string;
  apiKey: string;
  /** The secret the seller signs this agent's order webhooks with (`Merchant-Signature`). */
  webhookSecret: string | null;
}

const newKey = () => `acp_key_${randomBytes(24).toString('base64url')}`;
const hintOf = (key: string) => key.slice(-4);

/**
 * Issues an API key to another agent. The key is returned once; only its hash is kept. Without a
 * signing secret of the agent's own, one is made when a webhook URL is given.
 */
export async function issueAgentKey(
  db: Db,
  sellerId: string,
  agent: { label: string; webhookUrl?: string; webhookSecret?: string },
): Promise<IssuedAgentKey> {
  const id = `agt_${randomBytes(8).toString('hex')}`;
  const apiKey = newKey();
  const webhookSecret =
    agent.webhookSecret ?? (agent.webhookUrl ? `whsec_${randomBytes(24).toString('base64url')}` : null);
  await db.insert(sellerAgentKeys).values({
    id,
    sellerId,
    label: agent.label,
    keyHash: hash(apiKey),
    keyHint: hintOf(apiKey),
    webhookUrl: agent.webhookUrl ?? null,
    webhookSecret,
  });
  return { id, apiKey, webhookSecret };
}

const view = (row: typeof sellerAgentKeys.$inferSelect): AgentKeyView => ({
  id: row.id,
  label: row.label,
  keyHint: row.keyHint,
  webhookUrl: row.webhookUrl,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  rotatedAt: row.rotatedAt,
  revokedAt: row.revokedAt,
});

export async function listAgentKeys(db: Db, sellerId: string): Promise<AgentKeyView[]> {
  const rows = await db
    .select()
    .from(sellerAgentKeys)
    .where(eq(sellerAgentKeys.sellerId, sellerId))
    .orderBy(asc(sellerAgentKeys.createdAt), asc(sellerAgentKeys.id));
  return rows.map(view);
}

/** The key stops working at once; its sessions and orders stay, and their webhooks still go out. */
export async function revokeAgentKey(db: Db, sellerId: string, id: string): Promise<AgentKeyView | null> {
  const [row] = await db
    .update(sellerAgentKeys)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sellerAgentKeys.sellerId, sellerId),
        eq(sellerAgentKeys.id, id),
        isNull(sellerAgentKeys.revokedAt),
      ),
    )
    .returning();
  if (row) return view(row);
  const [already] = await db
    .select()
    .from(sellerAgentKeys)
    .where(and(eq(sellerAgentKeys.sellerId, sellerId), eq(sellerAgentKeys.id, id)));
  return already ? view(already) : null;
}

/**
 * A new key for the same agent (same id, so its sessions and orders stay its own); the old key
 * stops working at once. A revoked key cannot be rotated back to life.
 */
export async function rotateAgentKey(db: Db, sellerId: string, id: string): Promise<IssuedAgentKey | null> {
  const apiKey = newKey();
  const [row] = await db
    .update(sellerAgentKeys)
    .set({ keyHash: hash(apiKey), keyHint: hintOf(apiKey), rotatedAt: new Date() })
    .where(
      and(
        eq(sellerAgentKeys.sellerId, sellerId),
        eq(sellerAgentKeys.id, id),
        isNull(sellerAgentKeys.revokedAt),
      ),
    )
    .returning();
  return row ? { id: row.id, apiKey, webhookSecret: null } : null;
}

const LAST_USE_GRANULARITY_MS = 60_000;

/** At most one write a minute per key: "last used" is for people, not an audit log. */
async function noteUse(db: Db, id: string): Promise<void> {
  const now = new Date();
  await db
    .update(sellerAgentKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(sellerAgentKeys.id, id),
        or(
          isNull(sellerAgentKeys.lastUsedAt),
          lt(sellerAgentKeys.lastUsedAt, new Date(now.getTime() - LAST_USE_GRANULARITY_MS)),
        ),
      ),
    );
}
