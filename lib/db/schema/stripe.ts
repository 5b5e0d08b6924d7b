import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, json, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Tables of the embedded Stripe emulator (lib/stripe/emulator). Nothing outside lib/stripe reads them:
 * other roles see Stripe only through the SDK.
 */

/** One test-mode Stripe account per role: the agent platform and each demo seller. */
export const stripeAccounts = pgTable('stripe_accounts', {
  id: text('id').primaryKey(),
  /** `agent` or a demo seller id: how the client factory finds the account. */
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  country: text('country').notNull(),
  defaultCurrency: text('default_currency').notNull(),
  secretKey: text('secret_key').notNull().unique(),
  publishableKey: text('publishable_key').notNull().unique(),
  networkBusinessProfile: text('network_business_profile').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every API object (customers, payment methods, intents, charges, refunds, tokens, events, webhook
 * endpoints) as the JSON Stripe returns, plus the few columns the API filters and pages on.
 * `internal` holds what Stripe knows but never returns (test-card behaviour, signing secrets).
 */
export const stripeObjects = pgTable(
  'stripe_objects',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => stripeAccounts.id),
    object: text('object').notNull(),
    /** Insertion order: lists page on it, newest first, as Stripe's do. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    customer: text('customer'),
    /** The object this one hangs off: a charge's or refund's PaymentIntent, an event's type. */
    parent: text('parent'),
    /** A second account that may see the object: the seller a shared payment token is granted to. */
    peerAccountId: text('peer_account_id').references(() => stripeAccounts.id),
    created: bigint('created', { mode: 'number' }).notNull(),
    data: json('data').$type<Record<string, unknown>>().notNull(),
    internal: json('internal').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('stripe_objects_list').on(t.accountId, t.object, t.seq),
    index('stripe_objects_customer')
      .on(t.accountId, t.object, t.customer)
      .where(sql`customer is not null`),
    index('stripe_objects_parent')
      .on(t.parent)
      .where(sql`parent is not null`),
    index('stripe_objects_peer')
      .on(t.peerAccountId, t.object)
      .where(sql`peer_account_id is not null`),
  ],
);

/** Which outbox message carries which event to which endpoint, for the dashboard. */
export const stripeWebhookDeliveries = pgTable(
  'stripe_webhook_deliveries',
  {
    eventId: text('event_id').notNull(),
    endpointId: text('endpoint_id').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.endpointId] })],
);

export type StripeAccountRow = typeof stripeAccounts.$inferSelect;
export type StripeObjectRow = typeof stripeObjects.$inferSelect;
