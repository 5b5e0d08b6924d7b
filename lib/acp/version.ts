/** The ACP version Aisle speaks, sends as `API-Version`, and accepts. */
export const ACP_API_VERSION = '2026-04-17';
export const SUPPORTED_ACP_VERSIONS = [ACP_API_VERSION] as const;

/** The payment handler sellers advertise for Stripe Shared Payment Tokens. */
export const TOKENIZED_CARD_HANDLER = 'dev.acp.tokenized.card';
