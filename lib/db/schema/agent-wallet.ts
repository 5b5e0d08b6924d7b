import { primaryKey, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { buyers } from './foundation';

/**
 * Each buyer's Stripe Customer on the agent's account, one per Stripe mode (an emulator customer
 * means nothing to real Stripe). Cards and the default card live on the Customer in Stripe.
 */
export const agentWalletCustomers = pgTable(
  'agent_wallet_customers',
  {
    buyerId: text('buyer_id')
      .notNull()
      .references(() => buyers.id, { onDelete: 'cascade' }),
    stripeMode: text('stripe_mode', { enum: ['emulator', 'stripe'] }).notNull(),
    customerId: text('customer_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.buyerId, t.stripeMode] }),
    uniqueIndex('agent_wallet_customers_customer').on(t.stripeMode, t.customerId),
  ],
);
