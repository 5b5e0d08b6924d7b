import type { MessageKey } from '@/lib/i18n';

export interface CardError {
  key: MessageKey<'checkout'>;
  sellerMessage?: string;
  /** With `quote_changed`: what moved, one sentence each. */
  changes?: string[];
  code?: string;
}

const PAY_ERRORS: Record<string, MessageKey<'checkout'>> = {
  not_found: 'errorNotFound',
  session_closed: 'errorSessionClosed',
  quote_changed: 'errorQuoteChanged',
  not_ready: 'errorNotReady',
  no_payment_method: 'errorNoCard',
  spend_limit_exceeded: 'errorSpendLimit',
  payment_declined: 'errorDeclined',
  authentication_failed: 'errorAuthentication',
  token_refused: 'errorTokenRefused',
  seller_unreachable: 'errorUnreachable',
  seller_error: 'errorSeller',
  unavailable: 'errorUnavailable',
  interrupted: 'errorInterrupted',
  unfinished_purchase: 'errorUnfinishedPurchase',
  invalid: 'errorGeneric',
};

/** Each Pay outcome the buyer can act on, as one sentence in their language. */
export function payErrorKey(code: string): MessageKey<'checkout'> {
  return PAY_ERRORS[code] ?? 'errorGeneric';
}
