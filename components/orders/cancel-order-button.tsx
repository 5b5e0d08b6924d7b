'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { cancelOrderAction } from '@/app/actions/checkout';
import { useT } from '@/components/i18n-provider';

/** Cancels an order that has not shipped; the seller refunds it and the page shows the new status. */
export function CancelOrderButton({ orderId }: { orderId: string }) {
  const t = useT('orders');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, startTransition] = useTransition();

  async function cancel() {
    if (!window.confirm(t('cancelConfirm'))) return;
    setBusy(true);
    setError(null);
    try {
      const result = await cancelOrderAction(orderId);
      if (!result.ok) setError(t('cancelFailed', { reason: result.message }));
      startTransition(() => router.refresh());
    } catch {
      setError(t('cancelFailed', { reason: '…' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        data-testid="cancel-order"
        onClick={cancel}
        disabled={busy}
        className="rounded-lg border border-bad/40 px-3 py-1.5 text-sm font-medium text-bad hover:bg-bad/10 disabled:opacity-50"
      >
        {busy ? t('canceling') : t('cancel')}
      </button>
      {error && (
        <p role="alert" className="text-xs text-bad">
          {error}
        </p>
      )}
    </div>
  );
}
