'use client';

import { useT } from '@/components/i18n-provider';

const TEST_CARDS = [
  { number: '4242 4242 4242 4242', outcome: 'testCardSuccess' },
  { number: '4000 0000 0000 0002', outcome: 'testCardDecline' },
  { number: '4000 0000 0000 9995', outcome: 'testCardInsufficient' },
  { number: '4000 0025 0000 3155', outcome: 'testCard3ds' },
] as const;

/** Stripe's test cards, shown only when the app runs on the emulator, so a demo never needs a real card. */
export function TestCardsHint() {
  const t = useT('wallet');
  return (
    <aside
      aria-label={t('testCardsTitle')}
      data-testid="test-cards-hint"
      className="rounded-lg border border-dashed border-line bg-surface-2/60 p-3 text-sm"
    >
      <p className="font-medium">{t('testCardsTitle')}</p>
      <ul className="mt-1.5 space-y-1">
        {TEST_CARDS.map((card) => (
          <li key={card.number} className="flex flex-wrap gap-x-2">
            <code className="font-mono tabular-nums select-all">{card.number}</code>
            <span className="text-muted">— {t(card.outcome)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-1.5 text-xs text-muted">{t('testCardsBody')}</p>
    </aside>
  );
}
