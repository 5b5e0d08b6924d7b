// The buyer's wallet: their Stripe Customer on the agent's account and the cards saved to it.
export {
  createSetupIntent,
  ensureStripeCustomer,
  getCard,
  getDefaultCard,
  listCards,
  removeCard,
  setDefaultCard,
} from './wallet';
export { walletDeps } from './deps';
export { allowCardSetup } from './limits';
export {
  WalletError,
  walletFailureCode,
  type SavedCard,
  type WalletDeps,
  type WalletFailureCode,
} from './types';
