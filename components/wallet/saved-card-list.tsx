'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { makeDefaultCard, removeSavedCard, type WalletActionResult } from '@/app/wallet/actions';
import { useT } from '@/components/i18n-provider';
import type { SavedCard } from '@/lib/agent/wallet/types';
import { cardLabel, expiryLabel, failureSentence } from './wallet-text';

type Notice = { kind: 'done' | 'error'; sentence: string } | null;

/** The buyer's saved cards with "Make default" and "Remove" (confirmed in place), or the empty state. */
export function SavedCardList({ cards }: { cards: SavedCard[] }) {
  const t = useT('wallet');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  function act(
    card: SavedCard,
    action: (id: string) => Promise<WalletActionResult<SavedCard>>,
    done: 'madeDefault' | 'removed',
  ) {
    startTransition(async () => {
      const result = await action(card.id);
      setConfirming(null);
      setNotice(
        result.ok
          ? { kind: 'done', sentence: t(done, { card: cardLabel(card, t) }) }
          : { kind: 'error', sentence: failureSentence(result.code, t) },
      );
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      {cards.length === 0 ? (
        <div
          data-testid="wallet-empty"
          className="rounded-xl border border-dashed border-line p-6 text-center"
        >
          <p className="font-medium">{t('emptyTitle')}</p>
          <p className="mt-1 text-sm text-muted">{t('emptyBody')}</p>
        </div>
      ) : (
        <ul
          className="divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface"
          aria-busy={pending}
        >
          {cards.map((card) => {
            const label = cardLabel(card, t);
            return (
              <li
                key={card.id}
                data-testid="wallet-card"
                data-last4={card.last4}
                data-default={card.isDefault}
                className="flex flex-wrap items-center gap-3 px-4 py-3"
              >
                <span
                  aria-hidden
                  className="grid h-8 w-12 place-items-center rounded-md border border-line bg-surface-2 font-mono text-[10px] font-bold uppercase tracking-wide"
                >
                  {card.brand === 'unknown' ? '••' : card.brand.slice(0, 4)}
                </span>
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    {label}
                    {card.isDefault && (
                      <span className="rounded-full bg-accent/10 px-2 py-0.5 text-xs font-semibold text-accent">
                        {t('defaultBadge')}
                      </span>
                    )}
                  </p>
                  <p className="text-sm text-muted tabular-nums">{expiryLabel(card, t)}</p>
                </div>
                {confirming === card.id ? (
                  <div
                    role="group"
                    aria-label={t('removeConfirm', { card: label })}
                    className="flex w-full flex-wrap items-center gap-2 sm:w-auto"
                  >
                    <p className="text-sm">{t('removeConfirm', { card: label })}</p>
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => act(card, removeSavedCard, 'removed')}
                      className="rounded-lg bg-bad px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50"
                    >
                      {t('removeYes')}
                    </button>
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => setConfirming(null)}
                      className="rounded-lg border border-line px-3 py-1.5 text-sm font-medium hover:bg-surface-2"
                    >
                      {t('removeNo')}
                    </button>
                  </div>
                ) : (
                  <div className="flex gap-2">
                    {!card.isDefault && (
                      <button
                        type="button"
                        disabled={pending}
                        onClick={() => act(card, makeDefaultCard, 'madeDefault')}
                        aria-label={`${t('makeDefault')}: ${label}`}
                        className="rounded-lg border border-line px-3 py-1.5 text-sm font-medium hover:bg-surface-2 disabled:opacity-50"
                      >
                        {t('makeDefault')}
                      </button>
                    )}
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => setConfirming(card.id)}
                      aria-label={`${t('remove')}: ${label}`}
                      className="rounded-lg border border-line px-3 py-1.5 text-sm font-medium text-bad hover:bg-surface-2 disabled:opacity-50"
                    >
                      {t('remove')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {notice && (
        <p
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={`text-sm ${notice.kind === 'error' ? 'text-bad' : 'text-good'}`}
        >
          {notice.sentence}
        </p>
      )}
    </div>
  );
}
