'use client';

import { useEffect, useState } from 'react';
import { useT } from '@/components/i18n-provider';

/** "Try again", held back with a countdown while the provider asked us to wait (429 Retry-After). */
export function RetryButton({ waitSeconds, onRetry }: { waitSeconds: number | null; onRetry: () => void }) {
  const t = useT('chat');
  const [left, setLeft] = useState(waitSeconds ?? 0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return (
    <button
      type="button"
      onClick={onRetry}
      disabled={left > 0}
      data-testid="chat-retry"
      className="rounded-lg border border-line px-3 py-1.5 font-medium hover:bg-surface-2 disabled:opacity-60"
    >
      {left > 0 ? t('retryIn', { seconds: left }) : t('retry')}
    </button>
  );
}
