import { createHmac } from 'node:crypto';
import { appSecret } from '@/lib/buyer/secret';

/**
 * Credentials between the agent and a demo seller that both live in this app. A real seller and agent
 * exchange these out of band; here both sides derive them from the app secret, so neither role imports
 * the other and nothing is kept in memory.
 */
export interface DemoPairing {
  /** The agent's `Authorization: Bearer` key at the seller's ACP API. */
  acpApiKey: string;
  /** The secret of the seller's `Merchant-Signature` on order webhooks to the agent. */
  orderWebhookSecret: string;
  /** The seller's bearer token for pushing its catalog to the agent's Feed API. */
  feedToken: string;
}

export async function demoPairing(sellerId: string): Promise<DemoPairing> {
  const secret = await appSecret();
  const derive = (purpose: string) =>
    createHmac('sha256', secret).update(`${purpose}:${sellerId}`).digest('base64url');
  return {
    acpApiKey: `acp_key_${derive('acp-api-key').slice(0, 32)}`,
    orderWebhookSecret: `whsec_${derive('order-webhook').slice(0, 40)}`,
    feedToken: `feed_${derive('feed-token').slice(0, 32)}`,
  };
}
