'use client';

import { useActionState } from 'react';
import { useT } from '@/components/i18n-provider';
import type { AgentKeyActionState } from '@/app/sellers/[seller]/actions';
import { SellerActionButton } from './action-button';

type Action = (state: AgentKeyActionState, form: FormData) => Promise<AgentKeyActionState>;

const input = 'w-full rounded-lg border border-line bg-surface px-3 py-2 text-sm';

/** A key or secret shown once: selectable, in full, with the warning beside it. */
function ShownOnce({ label, value }: { label: string; value: string }) {
  return (
    <div className="space-y-1">
      <p className="text-xs text-muted">{label}</p>
      <code
        data-testid={`shown-${label}`}
        className="block select-all break-all rounded bg-surface-2 px-2 py-1 font-mono text-xs"
      >
        {value}
      </code>
    </div>
  );
}

export function IssueKeyForm({ sellerId, action }: { sellerId: string; action: Action }) {
  const t = useT('seller');
  const [state, run, pending] = useActionState(action, { error: null });
  return (
    <form action={run} className="space-y-3 rounded-xl border border-line bg-surface p-4">
      <h2 className="text-base font-semibold">{t('issueTitle')}</h2>
      <input type="hidden" name="seller" value={sellerId} />
      <label className="block space-y-1 text-sm">
        <span>{t('fieldLabel')}</span>
        <input name="label" required maxLength={80} className={input} />
      </label>
      <label className="block space-y-1 text-sm">
        <span>{t('fieldWebhookUrl')}</span>
        <input
          name="webhook_url"
          type="url"
          placeholder="https://agent.example/acp/order_events"
          className={input}
        />
      </label>
      <label className="block space-y-1 text-sm">
        <span>{t('fieldWebhookSecret')}</span>
        <input name="webhook_secret" autoComplete="off" className={`${input} font-mono`} />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-accent px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
      >
        {pending ? t('working') : t('issue')}
      </button>
      {state.error ? (
        <p role="alert" className="text-sm text-bad">
          {state.error}
        </p>
      ) : null}
      {state.apiKey ? (
        <div role="status" className="space-y-2 rounded-lg border border-warn/40 bg-warn/10 p-3">
          <p className="text-sm font-medium">{t('issuedOnce')}</p>
          <ShownOnce label={t('issuedKey')} value={state.apiKey} />
          {state.webhookSecret ? <ShownOnce label={t('issuedSecret')} value={state.webhookSecret} /> : null}
        </div>
      ) : null}
    </form>
  );
}

export function KeyButton({
  sellerId,
  keyId,
  action,
  label,
  tone = 'plain',
}: {
  sellerId: string;
  keyId: string;
  action: Action;
  label: string;
  tone?: 'plain' | 'danger';
}) {
  const t = useT('seller');
  return (
    <SellerActionButton
      action={action}
      fields={{ seller: sellerId, key: keyId }}
      label={label}
      tone={tone}
      after={(state) =>
        state.apiKey ? (
          <div role="status" className="max-w-72 space-y-1">
            <p className="text-xs">{t('rotatedOnce')}</p>
            <ShownOnce label={t('issuedKey')} value={state.apiKey} />
          </div>
        ) : null
      }
    />
  );
}
