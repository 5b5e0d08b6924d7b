// The embedded Stripe API. Only lib/stripe/client.ts, the /v1 route and the /emulator page import it.
export {
  handleStripeRequest,
  serveStripe,
  type EmulatorDeps,
  type StripeCall,
  type StripeReply,
} from './handler';
export { InProcessHttpClient } from './in-process';
export { bootStripeEmulator, emulatorAccountKeys, type EmulatorAccountKeys } from './boot';
export { OUTBOX_OWNER as STRIPE_EMULATOR_OUTBOX_OWNER } from './events';
export { STRIPE_API_VERSION } from './version';
export {
  emulatorSnapshot,
  maskSecretKey,
  recentObjects,
  recentSharedPaymentTokens,
  recentWebhookDeliveries,
  type DeliveryRow,
  type EmulatorSnapshot,
  type ObjectRow,
  type TokenRow,
} from './queries';
export { listAccounts as listEmulatorAccounts, type EmulatorAccount } from './accounts';

/** Lets a test prove that Stripe mode never loads the emulator. */
(globalThis as { __aisleStripeEmulatorLoaded?: boolean }).__aisleStripeEmulatorLoaded = true;
