import { config, DEMO_SELLER_IDS, type AppConfig } from '@/lib/config';
import { demoPairing } from '@/lib/pairing';

/**
 * The sellers the agent can buy from: the three demo merchants served by this app, plus any
 * external ACP seller configured in ACP_SELLERS. This is everything the agent knows about a seller —
 * where its ACP API lives, the key to call it with and the secret its order webhooks are signed with.
 */
export interface AgentSeller {
  id: string;
  name: string;
  /** ACP base URL; `${baseUrl}/checkout_sessions` is the create endpoint. */
  baseUrl: string;
  apiKey: string;
  /** Secret of the seller's Merchant-Signature; without one, its webhooks are refused. */
  webhookSecret?: string;
  demo: boolean;
  /** Where the demo prefills a test shipping address; external sellers default to the US. */
  country: string;
}

const DEMO_PROFILES: Record<(typeof DEMO_SELLER_IDS)[number], { name: string; country: string }> = {
  'summit-outfitters': { name: 'Summit Outfitters', country: 'US' },
  'volt-audio': { name: 'Volt Audio', country: 'US' },
  'kissa-tokyo': { name: 'Kissa Tokyo', country: 'JP' },
};

export async function listAgentSellers(appConfig: AppConfig = config()): Promise<AgentSeller[]> {
  const demo = await Promise.all(
    DEMO_SELLER_IDS.map(async (id) => {
      const pairing = await demoPairing(id);
      return {
        id,
        name: DEMO_PROFILES[id].name,
        // The demo sellers live in this app: reached on this instance, never through another one.
        baseUrl: `${appConfig.internalOrigin}/sellers/${id}`,
        apiKey: pairing.acpApiKey,
        webhookSecret: pairing.orderWebhookSecret,
        demo: true,
        country: DEMO_PROFILES[id].country,
      } satisfies AgentSeller;
    }),
  );
  const external = appConfig.externalSellers
    .filter((seller) => !demo.some((d) => d.id === seller.id))
    .map((seller): AgentSeller => ({
      id: seller.id,
      name: seller.name,
      baseUrl: seller.url.replace(/\/$/, ''),
      apiKey: seller.apiKey,
      webhookSecret: seller.webhookSecret,
      demo: false,
      country: 'US',
    }));
  return [...demo, ...external];
}

/** The name a buyer knows the seller by; needs no secrets, so pages can call it freely. */
export function sellerDisplayName(sellerId: string, appConfig: AppConfig = config()): string {
  if (sellerId in DEMO_PROFILES) return DEMO_PROFILES[sellerId as keyof typeof DEMO_PROFILES].name;
  return appConfig.externalSellers.find((seller) => seller.id === sellerId)?.name ?? sellerId;
}

export async function getAgentSeller(
  sellerId: string,
  appConfig: AppConfig = config(),
): Promise<AgentSeller | null> {
  return (await listAgentSellers(appConfig)).find((seller) => seller.id === sellerId) ?? null;
}
