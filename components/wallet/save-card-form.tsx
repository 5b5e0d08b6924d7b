'use client';

import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { Appearance, Stripe, StripeElements, StripeElementsOptions } from '@stripe/stripe-js';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { getSavedCard, prepareCardSetup, stripeBrowserConfig } from '@/app/wallet/actions';
import { useLocale, useT } from '@/components/i18n-provider';
import type { SavedCard } from '@/lib/agent/wallet/types';
import { loadStripeForAisle, type BrowserStripeMode } from '@/lib/stripe/stripe-js/load';
import { TestCardsHint } from './test-cards-hint';
import { cardLabel, failureSentence, stripeErrorSentence } from './wallet-text';

export interface StripeBrowserConfig {
  mode: BrowserStripeMode;
  publishableKey: string;
}

export interface SaveCardFormProps {
  /** Called once the card is saved to the buyer's Customer (after 3D Secure when the card asks for it). */
  onSaved?: (card: SavedCard) => void;
  /** A server page passes this to skip one round trip; an embedded form (chat) fetches it itself. */
  stripeConfig?: StripeBrowserConfig;
  /** The button's words; "Save card" by default. */
  submitLabel?: string;
  /** Shows Stripe's test cards under the form; on by default when running on the emulator. */
  showTestCards?: boolean;
  className?: string;
}

/** Real Stripe.js draws in an iframe that cannot read the page's CSS, so it gets the theme's colours. */
function realStripeAppearance(): Appearance {
  const style = getComputedStyle(document.documentElement);
  const dark = document.documentElement.dataset.theme === 'dark';
  const accent = style.getPropertyValue('--accent').trim();
  return {
    theme: dark ? 'night' : 'stripe',
    variables: accent ? { colorPrimary: accent, borderRadius: '10px' } : { borderRadius: '10px' },
  };
}

/**
 * Saves a card with Stripe Elements: a SetupIntent on the buyer's Customer confirmed by the
 * Payment Element (Stripe.js with real keys, the emulator's stand-in otherwise). Usable on
 * /wallet and inline in the chat when a purchase needs a card.
 */
export function SaveCardForm({
  onSaved,
  stripeConfig,
  submitLabel,
  showTestCards,
  className,
}: SaveCardFormProps) {
  const t = useT('wallet');
  const locale = useLocale();
  const [config, setConfig] = useState<StripeBrowserConfig | null>(stripeConfig ?? null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (config) return;
    let live = true;
    stripeBrowserConfig()
      .then((value) => live && setConfig(value))
      .catch(() => live && setLoadError(t('errorUnavailable')));
    return () => {
      live = false;
    };
  }, [config, t]);

  const stripePromise = useMemo(
    () => (config ? loadStripeForAisle(config.publishableKey, config.mode) : null),
    [config],
  );
  const options = useMemo<StripeElementsOptions>(
    () => ({
      mode: 'setup',
      currency: 'usd',
      allowedPaymentMethodTypes: ['card'],
      locale,
      ...(config?.mode === 'stripe' ? { appearance: realStripeAppearance() } : {}),
    }),
    [locale, config?.mode],
  );

  const hint = config?.mode === 'emulator' && showTestCards !== false;
  return (
    <div className={className} data-testid="save-card-form">
      {loadError && (
        <p role="alert" className="text-sm text-bad">
          {loadError}
        </p>
      )}
      {stripePromise ? (
        <Elements stripe={stripePromise} options={options}>
          <CardSetup onSaved={onSaved} submitLabel={submitLabel ?? t('saveCard')} />
        </Elements>
      ) : (
        !loadError && <p className="text-sm text-muted">{t('loadingForm')}</p>
      )}
      {hint && <TestCardsHint />}
    </div>
  );
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'saved'; sentence: string }
  | { kind: 'error'; sentence: string };

function CardSetup({ onSaved, submitLabel }: { onSaved?: (card: SavedCard) => void; submitLabel: string }) {
  const t = useT('wallet');
  const stripe = useStripe();
  const elements = useElements();
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // A SetupIntent whose attempt was declined goes back to requires_payment_method: the next try reuses it.
  const pendingSecret = useRef<string | null>(null);
  const busy = status.kind === 'busy';

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!stripe || !elements || busy) return;
    setStatus({ kind: 'busy' });
    try {
      await confirmCard(stripe, elements);
    } catch (error) {
      console.error('[wallet] saving the card failed', error);
      setStatus({
        kind: 'error',
        sentence: t('errorGeneric', { message: error instanceof Error ? error.message : String(error) }),
      });
    }
  }

  async function confirmCard(stripe: Stripe, elements: StripeElements) {
    const submitted = await elements.submit();
    if (submitted.error) {
      const sentence = stripeErrorSentence(submitted.error, t);
      setStatus(sentence ? { kind: 'error', sentence } : { kind: 'idle' });
      return;
    }
    let clientSecret = pendingSecret.current;
    if (!clientSecret) {
      const prepared = await prepareCardSetup();
      if (!prepared.ok) {
        setStatus({ kind: 'error', sentence: failureSentence(prepared.code, t) });
        return;
      }
      clientSecret = prepared.value.clientSecret;
      pendingSecret.current = clientSecret;
    }
    const { error, setupIntent } = await stripe.confirmSetup({
      elements,
      clientSecret,
      confirmParams: { return_url: window.location.href },
      redirect: 'if_required',
    });
    if (error) {
      const sentence = stripeErrorSentence(error, t);
      setStatus(sentence ? { kind: 'error', sentence } : { kind: 'idle' });
      return;
    }
    pendingSecret.current = null;
    const paymentMethod =
      typeof setupIntent.payment_method === 'string'
        ? setupIntent.payment_method
        : setupIntent.payment_method?.id;
    const saved = paymentMethod ? await getSavedCard(paymentMethod) : null;
    if (!saved?.ok) {
      setStatus({ kind: 'error', sentence: failureSentence(saved?.code ?? 'card_not_found', t) });
      return;
    }
    elements.getElement('payment')?.clear();
    setStatus({ kind: 'saved', sentence: t('saved', { card: cardLabel(saved.value, t) }) });
    onSaved?.(saved.value);
  }

  return (
    <form onSubmit={save} className="space-y-3" aria-busy={busy}>
      {!ready && <p className="text-sm text-muted">{t('loadingForm')}</p>}
      <PaymentElement options={{ layout: 'tabs' }} onReady={() => setReady(true)} />
      <button
        type="submit"
        disabled={!stripe || !elements || !ready || busy}
        className="w-full rounded-lg bg-accent px-4 py-2.5 text-sm font-semibold text-accent-ink transition-opacity hover:opacity-90 disabled:opacity-50"
      >
        {busy ? t('saving') : submitLabel}
      </button>
      <div className="text-sm">
        {status.kind === 'saved' && (
          <p role="status" className="text-good">
            {status.sentence}
          </p>
        )}
        {status.kind === 'error' && (
          <p role="alert" className="text-bad">
            {status.sentence}
          </p>
        )}
      </div>
    </form>
  );
}
