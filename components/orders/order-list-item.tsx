'use client';

import Image from 'next/image';
import Link from 'next/link';
import { useLocale, useT } from '@/components/i18n-provider';
import { Price } from '@/components/price';
import type { OrderSummary } from '@/lib/agent/orders/store';
import { formatMoney } from '@/lib/money';
import { CancelOrderButton } from './cancel-order-button';
import { formatDateTime, formatWindow } from './format';
import { OrderStatusBadge } from './status-badge';
import { OrderStatusTimeline } from './status-timeline';

/** One order on /orders: items, total, status timeline, tracking, and cancel while it has not shipped. */
export function OrderListItem({ order }: { order: OrderSummary }) {
  const t = useT('orders');
  const locale = useLocale();
  const number = order.orderNumber ?? order.sellerOrderId;
  const live = order.status !== 'canceled' && order.status !== 'refunded';
  const arrival = ({ earliest, latest }: { earliest: string; latest: string }) => {
    const w = formatWindow(earliest, latest, locale);
    return w.single ? t('arrivesOn', { day: w.from }) : t('arrives', { from: w.from, to: w.to });
  };
  return (
    <article
      data-testid="order"
      data-order-id={order.id}
      data-status={order.status}
      aria-label={t('orderFrom', { seller: order.sellerName })}
      className="space-y-4 rounded-xl border border-line bg-surface p-4"
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-xs text-muted">{order.sellerName}</p>
          <h2 className="font-semibold">{t('orderNumber', { number })}</h2>
          <p className="text-xs text-muted">
            {t('placedOn', { date: formatDateTime(order.createdAt, locale) })}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <OrderStatusBadge status={order.status} />
          <Price money={order.total} className="text-lg font-semibold tabular-nums" />
        </div>
      </header>
      <ul className="flex flex-wrap gap-3">
        {order.items.map((item, i) => (
          <li key={i} className="flex items-center gap-2 text-sm">
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
            <span>
              {item.title} <span className="text-muted">× {item.quantity}</span>
            </span>
          </li>
        ))}
      </ul>
      <OrderStatusTimeline timeline={order.timeline} status={order.status} />
      <div className="flex flex-wrap items-end justify-between gap-3 border-t border-line pt-3 text-sm">
        <div className="space-y-0.5 text-muted">
          {live && order.estimatedDelivery && <p>{arrival(order.estimatedDelivery)}</p>}
          {order.tracking?.number && (
            <p>
              {order.tracking.url ? (
                <a href={order.tracking.url} target="_blank" rel="noreferrer" className="hover:underline">
                  {t('tracking', { carrier: order.tracking.carrier ?? '', number: order.tracking.number })}
                </a>
              ) : (
                t('tracking', { carrier: order.tracking.carrier ?? '', number: order.tracking.number })
              )}
            </p>
          )}
          {order.refunded && (
            <p data-testid="order-refunded" className="text-bad">
              {t('refunded', { amount: formatMoney(order.refunded, locale) })}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={`/orders/${order.id}`}
            className="rounded-lg border border-line px-3 py-1.5 font-medium hover:bg-surface-2"
          >
            {t('howItWorked')}
          </Link>
          {order.cancelable && <CancelOrderButton orderId={order.id} />}
        </div>
      </div>
    </article>
  );
}
