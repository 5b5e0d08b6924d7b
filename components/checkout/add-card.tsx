'use client';

import { listWalletCards } from '@/app/actions/checkout';
import { useT } from '@/components/i18n-provider';
import { SaveCardForm } from '@/components/wallet/save-card-form';
import type { SavedCard } from '@/lib/agent/wallet/types';

/** Saving a card without leaving the checkout: the wallet's form, then the fresh list of cards with the new one chosen. */
export function AddCard({
  onSaved,
  onCancel,
}: {
  onSaved: (cards: SavedCard[], saved: SavedCard) => void;
  onCancel?: () => void;
}) {
  const t = useT('checkout');
  return (
    <div className="space-y-2">
      <SaveCardForm
        onSaved={async (card) => {
          const cards = await listWalletCards();
          onSaved(cards.some((c) => c.id === card.id) ? cards : [card, ...cards], card);
        }}
      />
      {onCancel && (
        <button type="button" onClick={onCancel} className="text-sm text-muted hover:underline">
          {t('cancel')}
        </button>
      )}
    </div>
  );
}
