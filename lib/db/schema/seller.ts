import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Tables owned by lib/seller (migration 0003_sellers): the demo merchants' stock, the ACP checkout
 * sessions agents open with them, the orders and payments those sessions become, and the keys of
 * agents other than Aisle's. Nothing outside lib/seller reads them.
 */

/** Sellable units and the current price per variant; seeded once from the catalog. */
export const sellerStock = pgTable(
  'seller_stock',
  {
    sellerId: text('seller_id').notNull(),
    variantId: text('variant_id').notNull(),
    productId: text('product_id').notNull(),
    /** Minor units of the seller's currency. */
    price: bigint('price', { mode: 'number' }).notNull(),
    /** Units a new order may take; held units (a payment in progress) are already subtracted. */
    available: integer('available').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.variantId] })],
);

/** ACP API keys of agents other than Aisle's own (whose key is derived by lib/pairing). */
export const sellerAgentKeys = pgTable(
  'seller_agent_keys',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    label: text('label').notNull(),
    /** SHA-256 of the key: the key itself is shown once and never stored. */
    keyHash: text('key_hash').notNull(),
    webhookUrl: text('webhook_url'),
    webhookSecret: text('webhook_secret'),
    /** The key's last four characters, so a seller can tell its keys apart. */
    keyHint: text('key_hint').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('seller_agent_keys_hash').on(t.sellerId, t.keyHash),
    index('seller_agent_keys_seller_created').on(t.sellerId, t.createdAt, t.id),
  ],
);

export type SessionStockState = 'none' | 'held' | 'committed' | 'released';

export const sellerCheckoutSessions = pgTable(
  'seller_checkout_sessions',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    /** The agent that opened it: another agent's session answers 404. */
    agentId: text('agent_id').notNull(),
    status: text('status').notNull(),
    currency: text('currency').notNull(),
    /** What the agent asked for (items, buyer, address, chosen option): see lib/seller/checkout/input.ts. */
    input: jsonb('input').notNull(),
    /** The ACP session as last returned, so a completed session answers exactly what was shown. */
    snapshot: jsonb('snapshot').notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    stockState: text('stock_state').$type<SessionStockState>().notNull().default('none'),
    /** The payment under way: token, PaymentIntent, notices to show with the next answer. */
    payment: jsonb('payment'),
    /** Set while a completion runs; an old value means that completion died and may be resumed. */
    completingSince: timestamp('completing_since', { withTimezone: true }),
    orderId: text('order_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Breaks ties between rows created in the same millisecond. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('seller_checkout_sessions_seller_created').on(t.sellerId, t.createdAt)],
);

export const sellerOrders = pgTable(
  'seller_orders',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    agentId: text('agent_id').notNull(),
    sessionId: text('session_id').notNull().unique(),
    orderNumber: text('order_number').notNull(),
    status: text('status').notNull(),
    currency: text('currency').notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    refunded: bigint('refunded', { mode: 'number' }).notNull().default(0),
    paymentIntentId: text('payment_intent_id').notNull(),
    /** The ACP Order exactly as the last webhook carried it. */
    document: jsonb('document').notNull(),
    /** Bumped at every change; webhooks carry the whole order, so the newest one wins. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Breaks ties between rows created in the same millisecond. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('seller_orders_seller_created').on(t.sellerId, t.createdAt)],
);

/** Every payment attempt a completion made, declined and 3DS ones included, with the SPT's limits. */
export const sellerPayments = pgTable(
  'seller_payments',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    sessionId: text('session_id').notNull(),
    orderId: text('order_id'),
    /** The Shared Payment Token (granted token id) the agent paid with. */
    token: text('token').notNull(),
    /** `usage_limits`, status and expiry of the token as Stripe reported them. */
    tokenDetails: jsonb('token_details'),
    paymentIntentId: text('payment_intent_id'),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** succeeded | requires_action | declined | refused | failed | refunded */
    status: text('status').notNull(),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    refundId: text('refund_id'),
    refunded: bigint('refunded', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Breaks ties between rows created in the same millisecond. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('seller_payments_seller_created').on(t.sellerId, t.createdAt),
    index('seller_payments_session').on(t.sessionId),
  ],
);
