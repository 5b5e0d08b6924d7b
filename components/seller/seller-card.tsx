import Image from 'next/image';
import Link from 'next/link';
import type { SellerSummary } from '@/lib/seller/dashboard';
import { getLocale, getT } from '@/lib/i18n/server';
import { money } from './format';

/** A seller on the list page: who it is and how its shop is doing. */
export async function SellerCard({ summary }: { summary: SellerSummary }) {
  const [t, locale] = await Promise.all([getT('seller'), getLocale()]);
  const { profile } = summary;
  const name = locale === 'ja' && profile.nameJa ? profile.nameJa : profile.name;
  const tagline = locale === 'ja' && profile.taglineJa ? profile.taglineJa : profile.tagline;
  const stats = [
    [t('products'), String(summary.products)],
    [t('openSessions'), String(summary.openSessions)],
    [t('orders'), String(summary.orders)],
    [t('revenue'), money(summary.revenue, profile.currency, locale)],
    [t('lowStock'), String(summary.lowStockVariants)],
  ];
  return (
    <article
      className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5 shadow-sm"
      style={{ borderTopColor: profile.accentColor, borderTopWidth: 4 }}
    >
      <div className="flex items-center gap-3">
        <Image
          src={profile.logo}
          alt=""
          width={48}
          height={48}
          className="size-12 rounded-xl bg-surface-2"
          unoptimized
        />
        <div className="min-w-0">
          <h2 className="truncate text-lg font-semibold">{name}</h2>
          <p className="text-sm text-muted">
            {profile.country} · {profile.currency.toUpperCase()}
          </p>
        </div>
      </div>
      <p className="text-sm">{tagline}</p>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
        {stats.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-muted">{label}</dt>
            <dd className="font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <Link
        href={`/sellers/${profile.id}`}
        className="mt-auto inline-flex w-fit items-center rounded-lg bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink hover:opacity-90"
      >
        {t('openDashboard')}
      </Link>
    </article>
  );
}
