'use client';

import { ToolProgress } from '@/components/chat/tool-progress';
import { useT } from '@/components/i18n-provider';
import type { CheckoutOutput } from '@/lib/agent/tools/schemas';
import { CheckoutCard } from './checkout-card';

type State = 'input-streaming' | 'input-available' | 'output-available' | 'output-error' | string;

/** A startCheckout / updateCheckout result in the chat: one checkout card per seller. */
export function CheckoutToolPart({ state, output }: { state: State; output?: CheckoutOutput }) {
  const t = useT('checkout');
  if (state === 'input-streaming' || state === 'input-available')
    return <ToolProgress label={t('preparing')} />;
  if (state === 'output-error') return <p className="text-sm text-bad">{t('errorGeneric')}</p>;
  if (state !== 'output-available' || !output) return null;
  return (
    <div className="space-y-3" data-testid="checkout-part">
      {output.checkouts.length > 1 && (
        <p className="text-sm text-muted">{t('multipleCheckouts', { count: output.checkouts.length })}</p>
      )}
      {output.checkouts.map((checkout) => (
        <CheckoutCard key={checkout.id} initial={checkout} />
      ))}
      {output.error && output.checkouts.length === 0 && (
        <p role="alert" className="text-sm text-bad">
          {output.error}
        </p>
      )}
    </div>
  );
}
