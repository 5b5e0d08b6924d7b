'use client';

import { useT } from '@/components/i18n-provider';

/** Where the checkout stands: the seller's session status, or the agent's while it pays. */
export function CheckoutStatusBadge({
  sessionStatus,
  agentStatus,
}: {
  sessionStatus: string;
  agentStatus: string;
}) {
  const t = useT('checkout');
  let label = t('statusNotReady');
  let tone = 'bg-warn/10 text-warn';
  if (agentStatus === 'paying') [label, tone] = [t('statusPaying'), 'bg-accent/15 text-accent'];
  else if (agentStatus === 'authentication_required')
    [label, tone] = [t('statusAuthentication'), 'bg-accent/15 text-accent'];
  else if (sessionStatus === 'completed' || agentStatus === 'completed')
    [label, tone] = [t('statusCompleted'), 'bg-good/15 text-good'];
  else if (sessionStatus === 'canceled' || sessionStatus === 'expired' || agentStatus === 'canceled')
    [label, tone] = [t('statusCanceled'), 'bg-surface-2 text-muted'];
  else if (sessionStatus === 'ready_for_payment') [label, tone] = [t('statusReady'), 'bg-good/15 text-good'];
  return (
    <span data-testid="checkout-status" className={`rounded-full px-2 py-0.5 text-xs font-medium ${tone}`}>
      {label}
    </span>
  );
}
