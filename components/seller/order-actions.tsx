'use client';

import { useActionState } from 'react';
import { useT } from '@/components/i18n-provider';
import type { OrderActionState } from '@/app/sellers/[seller]/actions';

type Action = (state: OrderActionState, form: FormData) => Promise<OrderActionState>;

/** One order button; each sends the agent an order_update webhook when it succeeds. */
function ActionButton({
  action,
  sellerId,
  orderId,
  label,
  tone = 'plain',
}: {
  action: Action;
  sellerId: string;
  orderId: string;
  label: string;
  tone?: 'plain' | 'danger';
}) {
  const t = useT('seller');
  const [state, run, pending] = useActionState(action, { error: null });
  const style =
    tone === 'danger' ? 'border-bad/40 text-bad hover:bg-bad/10' : 'border-line text-ink hover:bg-surface-2';
  return (
    <form action={run} className="space-y-1">
      <input type="hidden" name="seller" value={sellerId} />
      <input type="hidden" name="order" value={orderId} />
      <button
        type="submit"
        disabled={pending}
        className={`whitespace-nowrap rounded-lg border px-2.5 py-1 text-xs font-medium transition-colors disabled:opacity-50 ${style}`}
      >
        {pending ? t('working') : label}
      </button>
      {state.error ? (
        <p role="alert" className="max-w-48 text-xs text-bad">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

export function OrderActions({
  sellerId,
  orderId,
  status,
  hasShipping,
  fullyRefunded,
  actions,
}: {
  sellerId: string;
  orderId: string;
  status: string;
  hasShipping: boolean;
  fullyRefunded: boolean;
  actions: { ship: Action; deliver: Action; refund: Action };
}) {
  const t = useT('seller');
  return (
    <div className="flex flex-wrap gap-2">
      {status === 'confirmed' && hasShipping ? (
        <ActionButton action={actions.ship} sellerId={sellerId} orderId={orderId} label={t('markShipped')} />
      ) : null}
      {status === 'shipped' ? (
        <ActionButton
          action={actions.deliver}
          sellerId={sellerId}
          orderId={orderId}
          label={t('markDelivered')}
        />
      ) : null}
      {!fullyRefunded && status !== 'canceled' && status !== 'canceling' ? (
        <ActionButton
          action={actions.refund}
          sellerId={sellerId}
          orderId={orderId}
          label={status === 'confirmed' ? t('cancelOrder') : t('refund')}
          tone="danger"
        />
      ) : null}
    </div>
  );
}
