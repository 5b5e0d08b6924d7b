import type { Translator } from '@/lib/i18n';
import type { SavedCard, WalletFailureCode } from '@/lib/agent/wallet/types';

/** How the wallet names cards and turns failures into one sentence, in one place for every wallet surface. */

export const BRAND_NAMES: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
};

export function brandName(brand: string, t: Translator<'wallet'>): string {
  return BRAND_NAMES[brand] ?? t('brandUnknown');
}

/** "Visa ending in 4242" */
export function cardLabel(card: Pick<SavedCard, 'brand' | 'last4'>, t: Translator<'wallet'>): string {
  return t('cardLabel', { brand: brandName(card.brand, t), last4: card.last4 });
}

export function expiryLabel(card: Pick<SavedCard, 'expMonth' | 'expYear'>, t: Translator<'wallet'>): string {
  return t('expires', {
    month: String(card.expMonth).padStart(2, '0'),
    year: String(card.expYear).slice(-2),
  });
}

export function failureSentence(code: WalletFailureCode, t: Translator<'wallet'>): string {
  switch (code) {
    case 'card_not_found':
      return t('errorNotFound');
    case 'no_buyer':
      return t('errorNoBuyer');
    case 'rate_limited':
      return t('errorRateLimited');
    case 'invalid_input':
      return t('errorNotFound');
    default:
      return t('errorUnavailable');
  }
}

/** An error from Stripe.js (or the stand-in) as the buyer should read it; null when the form already shows it inline. */
export function stripeErrorSentence(
  error: { type?: string; code?: string; decline_code?: string; message?: string },
  t: Translator<'wallet'>,
): string | null {
  if (error.type === 'validation_error') return null;
  if (error.code?.endsWith('authentication_failure')) return t('errorAuthentication');
  if (error.decline_code === 'insufficient_funds') return t('errorInsufficientFunds');
  if (error.code === 'card_declined' || error.type === 'card_error') {
    return error.code === 'card_declined'
      ? t('errorDeclined')
      : t('errorCardDetails', { message: error.message ?? '' });
  }
  if (error.type === 'api_connection_error') return t('errorUnavailable');
  return t('errorGeneric', { message: error.message ?? error.code ?? 'unknown error' });
}
