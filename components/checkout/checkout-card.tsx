'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import {
  changeCheckoutAction,
  loadCheckoutCard,
  payCheckoutAction,
  type CheckoutCardState,
  type PayActionResult,
} from '@/app/actions/checkout';
import { useLocale, useT } from '@/components/i18n-provider';
import { OrderCard } from '@/components/orders/order-card';
import type { Address } from '@/lib/acp/types';
import type { OrderSummary } from '@/lib/agent/orders/store';
import type { CheckoutView } from '@/lib/agent/tools/schemas';
import { AddCard } from './add-card';
import { authenticatePayment } from './authenticate';
import { CardPicker } from './card-picker';
import { CheckoutTotals } from './checkout-totals';
import { payErrorKey, type CardError } from './errors';
import { CheckoutLineItems } from './line-items';
import { PayButton } from './pay-button';
import { quoteChangeSentences } from './quote-change';
import { SellerMessages } from './seller-messages';
import { ShippingAddress } from './shipping-address';
import { ShippingOptions } from './shipping-options';
import { CheckoutStatusBadge } from './status-badge';

type Pending = null | 'load' | 'update' | 'pay' | 'authenticate' | 'finishing';

/**
 * One checkout with one seller, as the seller returned it: line items, shipping, tax, total and its
 * messages, the card that will pay, and Pay. Edits go to the seller through server actions; Pay is
 * the buyer's click and nothing else. After payment the card becomes the order card.
 */
export function CheckoutCard({ initial }: { initial: CheckoutView }) {
  const t = useT('checkout');
  const locale = useLocale();
  const [state, setState] = useState<CheckoutCardState | null>(null);
  const [order, setOrder] = useState<OrderSummary | null>(null);
  const [cardId, setCardId] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const [pending, setPending] = useState<Pending>('load');
  const [error, setError] = useState<CardError | null>(null);
  const mounted = useRef(true);

  const apply = useCallback((next: CheckoutCardState | null) => {
    if (!mounted.current || !next) return;
    setState(next);
    if (next.order) setOrder(next.order);
    setCardId((current) =>
      current && next.cards.some((c) => c.id === current)
        ? current
        : (next.cards.find((c) => c.isDefault)?.id ?? next.cards[0]?.id),
    );
    if (next.cards.length === 0) setAdding(true);
  }, []);

  useEffect(() => {
    mounted.current = true;
    loadCheckoutCard(initial.id)
      .then(apply)
      .catch(() => setError({ key: 'errorGeneric' }))
      .finally(() => mounted.current && setPending(null));
    return () => {
      mounted.current = false;
    };
  }, [initial.id, apply]);

  const checkout = state?.checkout;
  const view: CheckoutView = checkout ?? initial;
  const status = checkout?.agentStatus ?? 'open';
  const editable = status === 'open' && pending === null && !order;

  async function edit(change: Parameters<typeof changeCheckoutAction>[1]): Promise<boolean> {
    setPending('update');
    setError(null);
    try {
      const result = await changeCheckoutAction(view.id, change);
      if (!result.ok) {
        if (result.code === 'unavailable') setError({ key: 'errorGeneric' });
        else
          setError({
            key: result.code === 'checkout_locked' ? 'errorLocked' : 'errorSeller',
            sellerMessage: result.message,
          });
        return false;
      }
      setState((current) => (current ? { ...current, checkout: result.checkout } : current));
      return true;
    } catch {
      setError({ key: 'errorGeneric' });
      return false;
    } finally {
      setPending(null);
    }
  }

  function changeQuantity(index: number, quantity: number) {
    if (!checkout) return;
    const lineItems = checkout.lineItems.map((line, i) => ({
      id: checkout.itemIds[i],
      quantity: i === index ? quantity : line.quantity,
    }));
    void edit({ lineItems });
  }

  /** The purchase is being finished (an earlier Pay, or the reconciler after a crash): show its end. */
  async function waitWhilePaying(): Promise<void> {
    setPending('finishing');
    for (let i = 0; i < 30 && mounted.current; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const next = await loadCheckoutCard(view.id);
      apply(next);
      if (!next || next.checkout.agentStatus === 'paying') continue;
      // Reopened without an order: the reconciler undid an interrupted purchase, nothing was charged.
      if (!next.order) setError({ key: 'errorInterrupted', code: 'interrupted' });
      return;
    }
  }

  async function settle(result: PayActionResult): Promise<void> {
    if (result.status === 'succeeded') {
      setOrder(result.order);
      return;
    }
    if (result.checkout)
      setState((current) => (current ? { ...current, checkout: result.checkout! } : current));
    if (result.status === 'in_progress') {
      await waitWhilePaying();
      return;
    }
    if (result.status === 'failed') {
      const changes =
        result.changed && result.checkout
          ? quoteChangeSentences(t, locale, result.changed, result.checkout)
          : undefined;
      setError({
        key: payErrorKey(result.code),
        sellerMessage: result.sellerMessage,
        changes,
        code: result.code,
      });
    }
  }

  async function pay() {
    if (!checkout?.total || !cardId) return;
    setPending('pay');
    setError(null);
    // Exactly what this card shows, and the card it names: the server pays that or nothing.
    const request = { checkoutId: view.id, quote: checkout.quote, paymentMethodId: cardId };
    try {
      let result = await payCheckoutAction(request);
      if (result.status === 'requires_action') {
        setPending('authenticate');
        if (result.hashedValue) await authenticatePayment(result.hashedValue);
        setPending('pay');
        // Passed or failed, the server reads the token's state from Stripe and answers accordingly.
        result = await payCheckoutAction(request);
        if (result.status === 'requires_action') {
          const next = result.checkout;
          if (next) setState((current) => (current ? { ...current, checkout: next } : current));
          setError({ key: 'errorAuthentication', code: 'authentication_failed' });
          return;
        }
      }
      await settle(result);
    } catch {
      setError({ key: 'errorGeneric' });
    } finally {
      if (mounted.current) setPending(null);
    }
  }

  if (order) return <OrderCard order={order} justPlaced />;

  const total = checkout?.total ?? view.total;
  const ready =
    view.status === 'ready_for_payment' && (status === 'open' || status === 'authentication_required');
  return (
    <article
      data-testid="checkout-card"
      data-checkout-id={view.id}
      data-status={view.status}
      aria-label={t('cardLabel', { seller: view.sellerName })}
      aria-busy={pending !== null}
      className="w-full max-w-xl space-y-4 rounded-xl border border-line bg-surface p-4"
    >
      <header className="flex items-center justify-between gap-2">
        <h3 className="font-semibold">{t('cardTitle', { seller: view.sellerName })}</h3>
        <CheckoutStatusBadge sessionStatus={view.status} agentStatus={status} />
      </header>
      <CheckoutLineItems
        lines={view.lineItems}
        editable={editable && Boolean(checkout)}
        onQuantity={changeQuantity}
      />
      <SellerMessages messages={view.messages} sellerName={view.sellerName} />
      {checkout && (
        <>
          {checkout.needsShipping && (
            <div className="grid gap-4 sm:grid-cols-2">
              <ShippingAddress
                address={checkout.address}
                isDefault={checkout.addressIsDefault}
                disabled={!editable}
                onSave={(address: Address) => edit({ address })}
              />
              <ShippingOptions
                options={checkout.shippingOptions}
                selectedId={checkout.selectedShippingOptionId}
                disabled={!editable}
                onSelect={(shippingOptionId) => void edit({ shippingOptionId })}
              />
            </div>
          )}
          <CheckoutTotals totals={checkout.totals} />
          <CardPicker
            cards={state.cards}
            selectedId={cardId}
            disabled={pending !== null}
            onSelect={setCardId}
            adding={adding}
            onAdd={() => setAdding(true)}
            addCardForm={
              <AddCard
                onSaved={(next, saved) => {
                  apply(state ? { ...state, cards: next } : null);
                  setCardId(saved.id);
                  setAdding(false);
                }}
                onCancel={state.cards.length > 0 ? () => setAdding(false) : undefined}
              />
            }
          />
        </>
      )}
      {error && (
        <div
          role="alert"
          data-testid="checkout-error"
          data-code={error.code}
          className="rounded-lg bg-bad/10 px-3 py-2 text-sm text-bad"
        >
          <p>{t(error.key)}</p>
          {error.changes?.map((sentence) => (
            <p key={sentence} className="mt-1" data-testid="quote-change">
              {sentence}
            </p>
          ))}
          {error.sellerMessage && <p className="mt-1 text-xs opacity-90">{error.sellerMessage}</p>}
        </div>
      )}
      {total && (
        <PayButton
          total={total}
          sellerName={view.sellerName}
          disabled={!ready || !cardId || pending !== null || !checkout}
          pending={
            pending === 'pay'
              ? 'pay'
              : pending === 'authenticate' || pending === 'finishing'
                ? pending
                : pending === 'update' || pending === 'load'
                  ? 'update'
                  : null
          }
          onPay={pay}
        />
      )}
    </article>
  );
}
