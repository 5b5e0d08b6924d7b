'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { chooseLocale } from '@/app/actions/preferences';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { useLocale, useT } from '../i18n-provider';

const LABELS: Record<Locale, string> = { en: 'English', ja: '日本語' };

export function LocaleSwitch() {
  const locale = useLocale();
  const t = useT('shell');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">{t('language')}</span>
      <select
        aria-label={t('language')}
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await chooseLocale(next);
            router.refresh();
          });
        }}
        className="rounded-lg border border-line bg-surface px-2 py-1 text-sm"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {LABELS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
