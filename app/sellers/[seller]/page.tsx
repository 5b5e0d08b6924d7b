import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AccessNote } from '@/components/operator/access-note';
import { OrdersTable } from '@/components/seller/orders-table';
import { PaymentsTable } from '@/components/seller/payments-table';
import { Policies } from '@/components/seller/policies';
import { SellerHeader } from '@/components/seller/seller-header';
import { SessionsTable } from '@/components/seller/sessions-table';
import { StockTable } from '@/components/seller/stock-table';
import { config } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { getT } from '@/lib/i18n/server';
import { dashboardAccess } from '@/lib/operator/session';
import { catalogFor } from '@/lib/seller/catalog';
import { sellerDashboard } from '@/lib/seller/dashboard';
import { policyFor } from '@/lib/seller/policies';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ seller: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { seller } = await params;
  return { title: catalogFor(seller)?.seller.name ?? 'Seller' };
}

/** One seller's side of every purchase: checkouts, orders (with their buttons), payments, stock, policies. */
export default async function SellerPage({ params }: Params) {
  const { seller } = await params;
  const policy = policyFor(seller);
  if (!policy) notFound();
  const access = await dashboardAccess(`seller:${seller}`);
  if (access === 'signed_out') redirect(`/sellers/${seller}/sign-in`);
  const t = await getT('seller');
  const dashboard = policy ? await sellerDashboard(await getDb(), seller) : null;
  if (!dashboard || !policy) notFound();
  return (
    <div className="space-y-8">
      <AccessNote realm={`seller:${seller}`} access={access} />
      <SellerHeader profile={dashboard.profile} baseUrl={`${config().origin}/sellers/${seller}`} />
      <nav>
        <Link href={`/sellers/${seller}/agents`} className="text-sm font-medium text-accent hover:underline">
          {t('agentsLink')} →
        </Link>
      </nav>
      <OrdersTable sellerId={seller} orders={dashboard.orders} />
      <SessionsTable sessions={dashboard.sessions} />
      <PaymentsTable payments={dashboard.payments} />
      <StockTable sellerId={seller} stock={dashboard.stock} currency={policy.currency} />
      <Policies policy={policy} />
    </div>
  );
}
