'use client';

import { useId, type ReactNode } from 'react';
import { useT } from '@/components/i18n-provider';
import type { SavedCard } from '@/lib/agent/wallet/types';
import { BRAND_NAMES } from '@/components/wallet/wallet-text';

export function brandName(brand?: string): string {
  return (brand && BRAND_NAMES[brand]) ?? (brand ? brand[0].toUpperCase() + brand.slice(1) : 'Card');
}

/**
 * The card that will pay: the buyer's saved cards (the default preselected), or the form to save one.
 * The card number never reaches the agent: only the PaymentMethod id is sent with Pay.
 */
export function CardPicker({
  cards,
  selectedId,
  disabled,
  onSelect,
  adding,
  onAdd,
  addCardForm,
}: {
  cards: SavedCard[];
  selectedId?: string;
  disabled: boolean;
  onSelect: (id: string) => void;
  adding: boolean;
  onAdd: () => void;
  addCardForm: ReactNode;
}) {
  const t = useT('checkout');
  const name = useId();
  return (
    <div className="space-y-2" data-testid="card-picker">
      <p className="text-xs font-medium uppercase tracking-wide text-muted">
        {cards.length > 1 ? t('chooseCard') : t('payWith')}
      </p>
      {cards.length === 0 && !adding && <p className="text-sm text-muted">{t('addCardFirst')}</p>}
      {cards.length > 0 && (
        <div role="radiogroup" aria-label={t('chooseCard')} className="space-y-1.5">
          {cards.map((card) => (
            <label
              key={card.id}
              data-testid="saved-card"
              data-last4={card.last4}
              className={`flex cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 text-sm ${
                card.id === selectedId ? 'border-accent bg-accent/5' : 'border-line hover:bg-surface-2'
              }`}
            >
              <input
                type="radio"
                name={name}
                value={card.id}
                checked={card.id === selectedId}
                disabled={disabled}
                onChange={() => onSelect(card.id)}
                className="accent-[var(--accent)]"
              />
              <span
                aria-hidden
                className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-[10px] font-semibold uppercase tracking-wide"
              >
                {card.brand}
              </span>
              <span className="flex-1">
                {t('cardEnding', { brand: brandName(card.brand), last4: card.last4 })}
              </span>
              <span className="text-xs text-muted tabular-nums">
                {String(card.expMonth).padStart(2, '0')}/{String(card.expYear).slice(-2)}
              </span>
            </label>
          ))}
        </div>
      )}
      {adding ? (
        <div className="rounded-lg border border-line p-3">{addCardForm}</div>
      ) : (
        <button
          type="button"
          onClick={onAdd}
          disabled={disabled}
          className="text-sm font-medium text-accent hover:underline disabled:opacity-50"
        >
          + {t('addCard')}
        </button>
      )}
    </div>
  );
}
