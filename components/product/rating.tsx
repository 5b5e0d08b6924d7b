'use client';

import { useLocale, useT } from '@/components/i18n-provider';

export function Rating({ value, count }: { value: number; count: number }) {
  const t = useT('chat');
  const locale = useLocale();
  const shown = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  const filled = Math.round(value);
  return (
    <span
      className="inline-flex items-center gap-1 text-xs text-muted"
      title={t('rating', { value: shown, count })}
    >
      <span aria-hidden className="tracking-tight text-warn">
        {'★'.repeat(filled)}
        <span className="opacity-30">{'★'.repeat(Math.max(0, 5 - filled))}</span>
      </span>
      <span aria-hidden>
        {shown} {t('reviews', { count })}
      </span>
      <span className="sr-only">{t('rating', { value: shown, count })}</span>
    </span>
  );
}
