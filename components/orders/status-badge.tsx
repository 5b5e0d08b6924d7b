'use client';

import { useT } from '@/components/i18n-provider';
import { statusKey, statusTone } from './format';

export function OrderStatusBadge({ status }: { status: string }) {
  const t = useT('orders');
  return (
    <span
      data-testid="order-status"
      data-status={status}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${statusTone(status)}`}
    >
      {t(statusKey(status))}
    </span>
  );
}
