import type { DiscoveryDocument } from '@/lib/acp/types';
import { ACP_API_VERSION, SUPPORTED_ACP_VERSIONS } from '@/lib/acp/version';
import { DEMO_SELLER_IDS } from '@/lib/config';
import { findSeller, type Seller } from '@/lib/seller/context';
import { absoluteUrl } from '@/lib/seller/products';

/**
 * `GET /sellers/{id}/.well-known/acp.json`. Aisle serves several merchants on one origin, so each
 * has its discovery document under its own base path. Two Aisle extensions are declared, each
 * described at the `spec` URL (served by the same handler):
 * - `dev.aisle.line_item_quantity`: request items may carry an integer `quantity` ≥ 1;
 * - `dev.aisle.order_retrieve`: `GET /orders/{id}` answers the Order (ACP issue #234);
 * - `dev.aisle.order_cancel`: `POST /orders/{id}/cancel` (Bearer key,
 *   API-Version, Idempotency-Key) cancel an order that has not shipped and refund it in full.
 */
export const EXTENSIONS = {
  'line-item-quantity': {
    name: 'dev.aisle.line_item_quantity',
    summary:
      'Items in the line_items of POST /checkout_sessions and POST /checkout_sessions/{id} may carry "quantity": an integer ≥ 1, default 1. ACP 2026-04-17 Item has no quantity (upstream issues #264, #272). Listing one item id twice adds the quantities.',
  },
  'order-retrieve': {
    name: 'dev.aisle.order_retrieve',
    summary:
      'GET {api_base_url}/orders/{order_id}, with Authorization and API-Version, returns the Order (schema Order of ACP 2026-04-17) as the latest order webhook carried it, so an agent can pull order state instead of waiting for a webhook (as proposed upstream in ACP issue #234). Only the agent whose session made the order sees it; any other gets 404 order_not_found.',
  },
  'order-cancel': {
    name: 'dev.aisle.order_cancel',
    summary:
      'POST {api_base_url}/orders/{order_id}/cancel, with the same headers as checkout (Authorization, API-Version, Idempotency-Key), cancels an order that has not shipped: a full refund through Stripe, then an order_update webhook with status "canceled". Answers 200 with the Order, 404 for an unknown order, 409 (code invalid_order_state) once it has shipped or was canceled.',
  },
} as const;

export function discoveryDocument(seller: Seller): DiscoveryDocument {
  const base = absoluteUrl(`/sellers/${seller.id}`);
  return {
    protocol: {
      name: 'acp',
      version: ACP_API_VERSION,
      supported_versions: [...SUPPORTED_ACP_VERSIONS],
      documentation_url: 'https://agenticcommerce.dev',
    },
    api_base_url: base,
    transports: ['rest'],
    capabilities: {
      services: ['checkout', 'orders'],
      extensions: Object.entries(EXTENSIONS).map(([slug, e]) => ({
        name: e.name,
        spec: `${base}/extensions/${slug}`,
      })),
      intervention_types: ['3ds'],
      supported_currencies: [seller.policy.currency],
      supported_locales: seller.policy.homeCountry === 'JP' ? ['ja-JP', 'en-US'] : ['en-US', 'ja-JP'],
    },
  };
}

/**
 * `GET /.well-known/acp.json` at the origin. ACP's DiscoveryResponse describes one seller (one
 * `api_base_url`, no other members allowed), and this origin hosts three. So the origin-level
 * document is a directory: the protocol it speaks, and per seller its name, currency, API base and
 * its own spec-valid DiscoveryResponse at `{api_base_url}/.well-known/acp.json`. An agent that
 * knows only the origin reads `sellers[]`, then proceeds exactly as with a seller on its own
 * origin. Member names are Aisle's (`dev.aisle.seller_directory`), documented in lib/seller/README.md.
 */
export function directoryDocument() {
  return {
    type: 'dev.aisle.seller_directory',
    protocol: {
      name: 'acp',
      version: ACP_API_VERSION,
      supported_versions: [...SUPPORTED_ACP_VERSIONS],
    },
    sellers: DEMO_SELLER_IDS.map((id) => findSeller(id)!).map((seller) => ({
      id: seller.id,
      name: seller.profile.name,
      currency: seller.policy.currency,
      api_base_url: absoluteUrl(`/sellers/${seller.id}`),
      discovery_url: absoluteUrl(`/sellers/${seller.id}/.well-known/acp.json`),
    })),
  };
}
