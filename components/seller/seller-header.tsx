import Image from 'next/image';
import Link from 'next/link';
import { getLocale, getT } from '@/lib/i18n/server';
import type { SellerProfile } from '@/lib/seller/catalog';

/** The dashboard's title: the shop, and where agents reach it. */
export async function SellerHeader({ profile, baseUrl }: { profile: SellerProfile; baseUrl: string }) {
  const [t, locale] = await Promise.all([getT('seller'), getLocale()]);
  const name = locale === 'ja' && profile.nameJa ? profile.nameJa : profile.name;
  return (
    <header className="space-y-3">
      <Link href="/sellers" className="text-sm text-muted hover:text-ink">
        ← {t('backToSellers')}
      </Link>
      <div className="flex flex-wrap items-center gap-4">
        <Image
          src={profile.logo}
          alt=""
          width={56}
          height={56}
          className="size-14 rounded-xl bg-surface-2"
          unoptimized
        />
        <div className="min-w-0 space-y-1">
          <h1 className="text-2xl font-semibold">{name}</h1>
          <p className="text-sm text-muted">
            {locale === 'ja' && profile.taglineJa ? profile.taglineJa : profile.tagline}
          </p>
        </div>
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-2">
          <dt className="text-muted">{t('apiBase')}</dt>
          <dd>
            <code className="font-mono text-xs">{baseUrl}</code>
          </dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-muted">{t('discovery')}</dt>
          <dd>
            <a
              className="font-mono text-xs text-accent underline-offset-2 hover:underline"
              href={`/sellers/${profile.id}/.well-known/acp.json`}
            >
              /.well-known/acp.json
            </a>
          </dd>
        </div>
      </dl>
    </header>
  );
}
