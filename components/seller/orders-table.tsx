import { deliverOrderAction, refundOrderAction, shipOrderAction } from '@/app/sellers/[seller]/actions';
import { getLocale, getT } from '@/lib/i18n/server';
import type { OrderRowView } from '@/lib/seller/dashboard';
import { DataTable, Mono } from '@/components/data-table';
import { money, when } from './format';
import { OrderActions } from './order-actions';
import { StatusPill } from './status-pill';

export async function OrdersTable({ sellerId, orders }: { sellerId: string; orders: OrderRowView[] }) {
  const [t, locale] = await Promise.all([getT('seller'), getLocale()]);
  const actions = { ship: shipOrderAction, deliver: deliverOrderAction, refund: refundOrderAction };
  return (
    <DataTable
      id="orders"
      title={t('ordersTitle')}
      note={t('ordersNote')}
      rows={orders}
      rowKey={(o) => o.id}
      rowId={(o) => o.id}
      empty={t('ordersEmpty')}
      columns={[
        {
          header: t('colOrder'),
          cell: (o) => (
            <div className="space-y-0.5">
              <p className="font-medium">{o.number}</p>
              <Mono value={o.id} />
            </div>
          ),
        },
        { header: t('colStatus'), cell: (o) => <StatusPill status={o.status} /> },
        {
          header: t('colItems'),
          cell: (o) => (
            <ul className="space-y-0.5">
              {o.items.map((item) => (
                <li key={item.title}>
                  {item.quantity} × {item.title}
                </li>
              ))}
            </ul>
          ),
        },
        {
          header: t('colTotal'),
          className: 'text-right',
          cell: (o) => (
            <div className="tabular-nums">
              <p>{money(o.total, o.currency, locale)}</p>
              {o.refunded > 0 ? (
                <p className="text-xs text-bad">
                  {t('refundedAmount', { amount: money(o.refunded, o.currency, locale) })}
                </p>
              ) : null}
            </div>
          ),
        },
        { header: t('colShipTo'), cell: (o) => <span className="text-xs">{o.shipTo ?? '—'}</span> },
        { header: t('colTracking'), cell: (o) => <Mono value={o.tracking} /> },
        {
          header: t('colActions'),
          cell: (o) => (
            <OrderActions
              sellerId={sellerId}
              orderId={o.id}
              status={o.status}
              hasShipping={o.hasShipping}
              fullyRefunded={o.refunded >= o.total}
              actions={actions}
            />
          ),
        },
        {
          header: t('colCreated'),
          cell: (o) => <span className="whitespace-nowrap text-muted">{when(o.createdAt, locale)}</span>,
        },
      ]}
    />
  );
}
