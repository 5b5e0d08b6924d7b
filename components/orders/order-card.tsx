'use client';

import Image from 'next/image';
import Link from 'next/link';
import { useLocale, useT } from '@/components/i18n-provider';
import { Price } from '@/components/price';
import type { OrderSummary } from '@/lib/agent/orders/store';
import { formatWindow } from './format';
import { OrderStatusBadge } from './status-badge';

/**
 * The card a successful Pay leaves in the chat (and getOrders shows): what was bought, for how
 * much, when it should arrive, and the way to the timeline of how the purchase worked.
 */
export function OrderCard({ order, justPlaced = false }: { order: OrderSummary; justPlaced?: boolean }) {
  const t = useT('checkout');
  const to = useT('orders');
  const locale = useLocale();
  const number = order.orderNumber ?? order.sellerOrderId;
  return (
    <article
      data-testid="order-card"
      data-order-id={order.id}
      aria-label={to('orderFrom', { seller: order.sellerName })}
      className="w-full max-w-xl overflow-hidden rounded-xl border border-line bg-surface"
    >
      {justPlaced && (
        <div
          role="status"
          className="flex items-center gap-2 bg-good/10 px-4 py-2 text-sm font-medium text-good"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="size-4 fill-current">
            <path d="M8 13.6 4.4 10l-1.4 1.4L8 16.4l9-9L15.6 6z" />
          </svg>
          {t('orderPlaced')}
        </div>
      )}
      <div className="space-y-3 p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <p className="text-xs text-muted">{order.sellerName}</p>
            <p className="font-medium" data-testid="order-number">
              {t('orderNumber', { number })}
            </p>
          </div>
          <OrderStatusBadge status={order.status} />
        </div>
        <ul className="space-y-2">
          {order.items.map((item, i) => (
            <li key={i} className="flex items-center gap-3 text-sm">
              {item.image ? (
                <Image
                  src={item.image}
                  alt=""
                  width={40}
                  height={40}
                  unoptimized
                  className="size-10 rounded-md bg-surface-2 object-cover"
                />
              ) : (
                <span aria-hidden className="size-10 rounded-md bg-surface-2" />
              )}
              <span className="flex-1">{item.title}</span>
              <span className="text-muted">× {item.quantity}</span>
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap items-center justify-between gap-2 border-t border-line pt-3 text-sm">
          <span>
            {t('orderTotal')} <Price money={order.total} className="font-semibold" />
          </span>
          {order.estimatedDelivery && (
            <span className="text-muted" data-testid="order-delivery">
              {(() => {
                const w = formatWindow(
                  order.estimatedDelivery.earliest,
                  order.estimatedDelivery.latest,
                  locale,
                );
                return w.single
                  ? t('orderArrivesOn', { day: w.from })
                  : t('orderArrives', { from: w.from, to: w.to });
              })()}
            </span>
          )}
        </div>
        <div className="flex flex-wrap gap-2 pt-1">
          <Link
            href={`/orders/${order.id}`}
            className="rounded-lg bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink hover:opacity-90"
          >
            {t('howItWorked')}
          </Link>
          <Link
            href="/orders"
            className="rounded-lg border border-line px-3 py-1.5 text-sm font-medium hover:bg-surface-2"
          >
            {t('viewOrders')}
          </Link>
        </div>
      </div>
    </article>
  );
}
