import type { Migration } from './index';

/** `agent_checkouts.pay_attempts` was never used: each Pay press is a row of agent_payment_attempts. */
export const dropPayAttempts: Migration = {
  id: '0009_agent_checkouts_pay_attempts',
  statements: [`alter table agent_checkouts drop column if exists pay_attempts`],
};
