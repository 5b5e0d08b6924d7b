import type { Metadata } from 'next';
import Link from 'next/link';
import { AutoRefresh } from '@/components/orders/auto-refresh';
import { OrderListItem } from '@/components/orders/order-list-item';
import { listOrders } from '@/lib/agent/orders/store';
import { requireBuyer } from '@/lib/buyer/current';
import { getDb } from '@/lib/db/client';
import { getT } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Orders' };

/** The buyer's orders with their status timelines, newest first. */
export default async function OrdersPage() {
  const [buyerId, db, t] = await Promise.all([requireBuyer(), getDb(), getT('orders')]);
  const orders = await listOrders(db, buyerId);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <AutoRefresh />
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-sm text-muted">{t('lead')}</p>
      </header>
      {orders.length === 0 ? (
        <div className="rounded-xl border border-dashed border-line p-8 text-center">
          <p className="text-muted">{t('empty')}</p>
          <Link
            href="/"
            className="mt-4 inline-block rounded-lg bg-accent px-4 py-2 text-sm font-medium text-accent-ink"
          >
            {t('startShopping')}
          </Link>
        </div>
      ) : (
        <div className="space-y-4" data-testid="orders">
          {orders.map((order) => (
            <OrderListItem key={order.id} order={order} />
          ))}
        </div>
      )}
    </div>
  );
}
