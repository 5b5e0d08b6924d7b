// The buyer's wallet: their Stripe Customer on the agent's account and the cards saved to it.
export {
  createSetupIntent,
  ensureStripeCustomer,
  findStripeCustomer,
  getCard,
  getDefaultCard,
  listCards,
  removeCard,
  setDefaultCard,
  type WalletInput,
} from './wallet';
export { walletDeps } from './deps';
export { allowCardSetup } from './limits';
export {
  WalletError,
  walletFailureCode,
  type SavedCard,
  type StripeMode,
  type WalletDeps,
  type WalletErrorCode,
  type WalletFailureCode,
} from './types';
