import type { Metadata } from 'next';
import { SellerCard } from '@/components/seller/seller-card';
import { getDb } from '@/lib/db/client';
import { getT } from '@/lib/i18n/server';
import { sellerSummaries } from '@/lib/seller/dashboard';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sellers' };

export default async function SellersPage() {
  const [t, summaries] = await Promise.all([getT('seller'), getDb().then(sellerSummaries)]);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('listTitle')}</h1>
        <p className="max-w-3xl text-sm text-muted">{t('listLead')}</p>
      </header>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {summaries.map((summary) => (
          <SellerCard key={summary.profile.id} summary={summary} />
        ))}
      </div>
    </div>
  );
}
