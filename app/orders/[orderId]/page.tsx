import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OrderListItem } from '@/components/orders/order-list-item';
import { PurchaseTimeline } from '@/components/orders/purchase-timeline';
import { getPurchaseTimeline } from '@/lib/agent/orders/timeline';
import { requireBuyer } from '@/lib/buyer/current';
import { getDb } from '@/lib/db/client';
import { getT } from '@/lib/i18n/server';
import { stripeFor } from '@/lib/stripe/client';

export const metadata: Metadata = { title: 'How this purchase worked' };

/** One order and "How this purchase worked": the card, the ACP exchanges, the SPT, the PaymentIntent. */
export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const [buyerId, db, t] = await Promise.all([requireBuyer(), getDb(), getT('orders')]);
  const timeline = await getPurchaseTimeline({ db, stripe: () => stripeFor('agent') }, buyerId, orderId);
  if (!timeline) notFound();
  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <Link href="/orders" className="text-sm text-muted hover:text-ink">
        ← {t('back')}
      </Link>
      <OrderListItem order={timeline.order} />
      <section aria-labelledby="how" className="space-y-6">
        <header className="space-y-1">
          <h1 id="how" className="text-2xl font-semibold">
            {t('timelineTitle')}
          </h1>
          <p className="text-sm text-muted">{t('timelineLead')}</p>
        </header>
        <PurchaseTimeline timeline={timeline} />
      </section>
    </div>
  );
}
