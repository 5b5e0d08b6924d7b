'use client';

import { useT } from '@/components/i18n-provider';

/** A new chat: what the agent can do, and example requests in the buyer's language that send on click. */
export function EmptyState({ onPick, disabled }: { onPick: (text: string) => void; disabled: boolean }) {
  const t = useT('chat');
  const examples = [t('example1'), t('example2'), t('example3'), t('example4')];
  return (
    <div data-testid="chat-empty" className="mx-auto max-w-xl py-8 text-center sm:py-16">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{t('emptyTitle')}</h1>
      <p className="mt-3 text-muted">{t('emptyLead')}</p>
      <ul className="mt-6 grid gap-2 sm:grid-cols-2">
        {examples.map((example) => (
          <li key={example}>
            <button
              type="button"
              disabled={disabled}
              onClick={() => onPick(example)}
              className="h-full w-full rounded-xl border border-line bg-surface px-3 py-2.5 text-left text-sm hover:bg-surface-2 disabled:opacity-50"
            >
              {example}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
