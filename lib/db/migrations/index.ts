import { foundation } from './0001_foundation';
import { stripeEmulator } from './0002_stripe_emulator';
import { sellers } from './0003_sellers';
import { agentCatalog } from './0004_agent_catalog';
import { agentChat } from './0005_agent_chat';
import { agentWallet } from './0006_agent_wallet';
import { agentCheckout } from './0007_agent_checkout';
import { stripeObjectsJson } from './0008_stripe_objects_json';
import { dropPayAttempts } from './0009_agent_checkouts_pay_attempts';
import { attemptQuote } from './0010_attempt_quote';
import { sellerMoneyAndAgentKeys } from './0012_seller_money_and_agent_keys';
import { orderingTieBreakers } from './0016_ordering_tie_breakers';

export interface Migration {
  id: string;
  /** One SQL statement each: PGlite's extended protocol runs a single statement per call. */
  statements: string[];
}

/** Every migration, in the order it applies. Append new ones; never edit one that has shipped. */
export const migrations: Migration[] = [
  foundation,
  stripeEmulator,
  sellers,
  agentCatalog,
  agentChat,
  agentWallet,
  agentCheckout,
  stripeObjectsJson,
  dropPayAttempts,
  attemptQuote,
  sellerMoneyAndAgentKeys,
  orderingTieBreakers,
];
