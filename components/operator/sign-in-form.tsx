'use client';

import { useActionState } from 'react';
import { signInAction } from '@/app/actions/operator';
import { useT } from '@/components/i18n-provider';

/** The admin key of one dashboard; a wrong key says so and changes nothing. */
export function SignInForm({ realm }: { realm: string }) {
  const t = useT('operator');
  const [state, run, pending] = useActionState(signInAction, { error: null });
  return (
    <form action={run} className="max-w-sm space-y-3">
      <input type="hidden" name="realm" value={realm} />
      <label className="block space-y-1 text-sm">
        <span className="font-medium">{t('keyLabel')}</span>
        <input
          name="key"
          type="password"
          autoComplete="current-password"
          required
          className="w-full rounded-lg border border-line bg-surface px-3 py-2 font-mono text-sm"
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-accent px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
      >
        {pending ? t('signingIn') : t('signIn')}
      </button>
      {state.error ? (
        <p role="alert" className="text-sm text-bad">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
