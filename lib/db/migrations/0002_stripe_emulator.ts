import type { Migration } from './index';

/** Tables owned by lib/stripe/emulator. */
export const stripeEmulator: Migration = {
  id: '0002_stripe_emulator',
  statements: [],
};
