'use client';

import { useT } from '@/components/i18n-provider';
import type { OrderActionState } from '@/app/sellers/[seller]/actions';
import { SellerActionButton } from './action-button';

type Action = (state: OrderActionState, form: FormData) => Promise<OrderActionState>;

/** The order's buttons; each sends the agent an order_update webhook when it succeeds. */
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
        <SellerActionButton
          action={actions.ship}
          fields={{ seller: sellerId, order: orderId }}
          label={t('markShipped')}
        />
      ) : null}
      {status === 'shipped' ? (
        <SellerActionButton
          action={actions.deliver}
          fields={{ seller: sellerId, order: orderId }}
          label={t('markDelivered')}
        />
      ) : null}
      {!fullyRefunded && status !== 'canceled' && status !== 'canceling' ? (
        <SellerActionButton
          action={actions.refund}
          fields={{ seller: sellerId, order: orderId }}
          label={status === 'confirmed' ? t('cancelOrder') : t('refund')}
          tone="danger"
        />
      ) : null}
    </div>
  );
}
