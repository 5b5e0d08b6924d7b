import type { Migration } from './index';

/**
 * Each payment attempt keeps the quote the buyer approved with that click, so a purchase interrupted
 * by a crash is finished by the reconciler against what the buyer saw, or not at all.
 */
export const attemptQuote: Migration = {
  id: '0010_attempt_quote',
  statements: [`alter table agent_payment_attempts add column if not exists quote text`],
};
