'use client';

import { useT } from '@/components/i18n-provider';
import type { ProductSummary } from '@/lib/agent/tools/schemas';

const STYLE = {
  in_stock: 'text-good',
  low_stock: 'text-warn',
  out_of_stock: 'text-bad',
} as const;

export function StockBadge({ availability }: { availability: ProductSummary['availability'] }) {
  const t = useT('chat');
  const label =
    availability === 'in_stock'
      ? t('inStock')
      : availability === 'low_stock'
        ? t('lowStock')
        : t('outOfStock');
  return (
    <span
      className={`inline-flex items-center gap-1 text-xs font-medium ${STYLE[availability]}`}
      data-availability={availability}
    >
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {label}
    </span>
  );
}
