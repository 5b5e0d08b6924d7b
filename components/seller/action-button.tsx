'use client';

import { useActionState, type ReactNode } from 'react';
import { useT } from '@/components/i18n-provider';

/**
 * One dashboard button that runs a server action on the named records (hidden `fields`), shows
 * "Working…" while it runs and the action's error beside it; `after` renders what a success returns.
 */
export function SellerActionButton<State extends { error: string | null }>({
  action,
  fields,
  label,
  tone = 'plain',
  after,
}: {
  action: (state: Awaited<State>, form: FormData) => Promise<State>;
  fields: Record<string, string>;
  label: string;
  tone?: 'plain' | 'danger';
  after?: (state: Awaited<State>) => ReactNode;
}) {
  const t = useT('seller');
  const [state, run, pending] = useActionState(action, { error: null } as Awaited<State>);
  const style =
    tone === 'danger' ? 'border-bad/40 text-bad hover:bg-bad/10' : 'border-line text-ink hover:bg-surface-2';
  return (
    <form action={run} className="space-y-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className={`whitespace-nowrap rounded-lg border px-2.5 py-1 text-xs font-medium transition-colors disabled:opacity-50 ${style}`}
      >
        {pending ? t('working') : label}
      </button>
      {state.error ? (
        <p role="alert" className="max-w-48 text-xs text-bad">
          {state.error}
        </p>
      ) : null}
      {after?.(state)}
    </form>
  );
}
