import {
  bigint,
  boolean,
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

// Tables owned by lib/agent/checkout and lib/agent/orders (migration 0007_agent_checkout).

export const AGENT_CHECKOUT_STATUSES = [
  'open',
  'paying',
  'authentication_required',
  'completed',
  'canceled',
] as const;
export type AgentCheckoutStatus = (typeof AGENT_CHECKOUT_STATUSES)[number];

/** The agent's handle on one ACP checkout session with one seller, owned by one buyer. */
export const agentCheckouts = pgTable(
  'agent_checkouts',
  {
    id: text('id').primaryKey(),
    buyerId: text('buyer_id').notNull(),
    sellerId: text('seller_id').notNull(),
    sellerSessionId: text('seller_session_id'),
    chatId: text('chat_id'),
    status: text('status', { enum: AGENT_CHECKOUT_STATUSES }).notNull().default('open'),
    /** The seller's last CheckoutSession JSON, exactly as received. */
    session: jsonb('session').$type<unknown>(),
    /** Whether the shipping address is still the demo's prefilled test address. */
    addressIsDefault: boolean('address_is_default').notNull().default(false),
    /** Number of updates sent, so each update has its own idempotency key. */
    updateCount: integer('update_count').notNull().default(0),
    payingSince: timestamp('paying_since', { withTimezone: true }),
    orderId: text('order_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agent_checkouts_buyer').on(t.buyerId, t.createdAt.desc()),
    uniqueIndex('agent_checkouts_seller_session').on(t.sellerId, t.sellerSessionId),
  ],
);

export const PAYMENT_ATTEMPT_STATUSES = [
  'minting',
  'completing',
  'requires_action',
  'succeeded',
  'declined',
  'failed',
] as const;
export type PaymentAttemptStatus = (typeof PAYMENT_ATTEMPT_STATUSES)[number];

/** One press of Pay that reached the point of minting: the card, the SPT and how it ended. */
export const agentPaymentAttempts = pgTable(
  'agent_payment_attempts',
  {
    checkoutId: text('checkout_id')
      .notNull()
      .references(() => agentCheckouts.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    buyerId: text('buyer_id').notNull(),
    sellerId: text('seller_id').notNull(),
    paymentMethodId: text('payment_method_id').notNull(),
    cardBrand: text('card_brand'),
    cardLast4: text('card_last4'),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** The quote the buyer approved with this click (`lib/agent/checkout/quote.ts`). */
    quote: text('quote'),
    sptId: text('spt_id'),
    sptExpiresAt: timestamp('spt_expires_at', { withTimezone: true }),
    status: text('status', { enum: PAYMENT_ATTEMPT_STATUSES }).notNull(),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    paymentIntent: jsonb('payment_intent').$type<PaymentIntentSummary | null>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.checkoutId, t.attempt] }),
    index('agent_payment_attempts_spend').on(t.buyerId, t.currency, t.createdAt),
  ],
);

/** What the seller told us about the charge (ACP carries no PaymentIntent; sellers may add it as metadata). */
export interface PaymentIntentSummary {
  id: string;
  status: string;
  amount: number;
  currency: string;
}

export interface EstimatedDelivery {
  earliest: string;
  latest: string;
}

/** A purchase the seller confirmed, kept in step with its order webhooks. */
export const agentOrders = pgTable(
  'agent_orders',
  {
    id: text('id').primaryKey(),
    buyerId: text('buyer_id').notNull(),
    sellerId: text('seller_id').notNull(),
    checkoutId: text('checkout_id')
      .notNull()
      .references(() => agentCheckouts.id),
    sellerOrderId: text('seller_order_id').notNull(),
    sellerSessionId: text('seller_session_id').notNull(),
    status: text('status').notNull(),
    totalAmount: bigint('total_amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    permalinkUrl: text('permalink_url'),
    estimatedDelivery: jsonb('estimated_delivery').$type<EstimatedDelivery | null>(),
    /** The seller's last ACP Order JSON. */
    order: jsonb('order').$type<unknown>().notNull(),
    paymentIntent: jsonb('payment_intent').$type<PaymentIntentSummary | null>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Breaks ties between orders placed in the same millisecond. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('agent_orders_seller_order').on(t.sellerId, t.sellerOrderId),
    index('agent_orders_buyer').on(t.buyerId, t.createdAt.desc()),
  ],
);

/** The status timeline of an order: each status once, when it was first seen. */
export const agentOrderEvents = pgTable(
  'agent_order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => agentOrders.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    source: text('source', { enum: ['checkout', 'webhook', 'buyer'] }).notNull(),
    detail: text('detail'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agent_order_events_status').on(t.orderId, t.status)],
);

/** An ACP request the agent sent and what came back, with secrets already masked. */
export const agentAcpExchanges = pgTable(
  'agent_acp_exchanges',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    checkoutId: text('checkout_id')
      .notNull()
      .references(() => agentCheckouts.id, { onDelete: 'cascade' }),
    operation: text('operation').notNull(),
    method: text('method').notNull(),
    url: text('url').notNull(),
    requestHeaders: jsonb('request_headers').$type<Record<string, string>>().notNull(),
    requestBody: text('request_body'),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string> | null>(),
    responseBody: text('response_body'),
    durationMs: integer('duration_ms'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agent_acp_exchanges_checkout').on(t.checkoutId, t.id)],
);

/** Merchant-Signatures already accepted, so the same delivery cannot be replayed. */
export const agentWebhookReceipts = pgTable(
  'agent_webhook_receipts',
  {
    sellerId: text('seller_id').notNull(),
    signature: text('signature').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.signature] })],
);
