'use client';

import Link from 'next/link';
import { ToolProgress } from '@/components/chat/tool-progress';
import { useLocale, useT } from '@/components/i18n-provider';
import { Price } from '@/components/price';
import type { GetOrdersOutput } from '@/lib/agent/tools/schemas';
import { formatDay } from './format';
import { OrderStatusBadge } from './status-badge';

/** The getOrders answer in the chat: the buyer's recent orders with status, total and arrival. */
export function OrdersToolPart({ state, output }: { state: string; output?: GetOrdersOutput }) {
  const t = useT('orders');
  const locale = useLocale();
  if (state === 'input-streaming' || state === 'input-available') return <ToolProgress label={t('title')} />;
  if (state !== 'output-available' || !output) return null;
  if (output.orders.length === 0) return <p className="text-sm text-muted">{t('empty')}</p>;
  return (
    <ul
      className="w-full max-w-xl divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface"
      data-testid="orders-part"
    >
      {output.orders.map((order) => (
        <li
          key={order.id}
          data-testid="order-row"
          data-order-id={order.id}
          className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3 text-sm"
        >
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium">
              {order.items
                .map((item) => (item.quantity > 1 ? `${item.title} × ${item.quantity}` : item.title))
                .join(', ')}
            </p>
            <p className="text-xs text-muted">
              {order.sellerName}
              {order.estimatedDelivery &&
                order.status !== 'canceled' &&
                order.status !== 'refunded' &&
                ` · ${formatDay(order.estimatedDelivery, locale)}`}
            </p>
          </div>
          <Price money={order.total} className="tabular-nums" />
          <OrderStatusBadge status={order.status} />
          <Link href={`/orders/${order.id}`} className="text-xs font-medium text-accent hover:underline">
            {t('howItWorked')}
          </Link>
        </li>
      ))}
    </ul>
  );
}
