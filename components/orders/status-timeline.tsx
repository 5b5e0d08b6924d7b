'use client';

import { useLocale, useT } from '@/components/i18n-provider';
import { formatDateTime, statusKey } from './format';

const HAPPY_PATH = ['created', 'shipped', 'delivered'] as const;

/**
 * created → shipped → delivered, with the time each was reached; a canceled or refunded order ends
 * its path there instead. Steps not reached yet are drawn hollow.
 */
export function OrderStatusTimeline({
  timeline,
  status,
}: {
  timeline: { status: string; at: string }[];
  status: string;
}) {
  const t = useT('orders');
  const locale = useLocale();
  const reached = new Map(timeline.map((e) => [e.status, e.at]));
  if (status === 'completed' && !reached.has('delivered'))
    reached.set('delivered', reached.get('completed') ?? '');
  const stopped = status === 'canceled' || status === 'refunded';
  const steps: string[] = stopped
    ? [
        ...HAPPY_PATH.filter((s) => reached.has(s)),
        ...(['canceled', 'refunded'] as const).filter((s) => reached.has(s) || s === status),
      ]
    : [...HAPPY_PATH];
  return (
    <ol
      aria-label={t('statusTimeline')}
      data-testid="order-timeline"
      className="flex flex-wrap items-start gap-x-1 gap-y-2"
    >
      {steps.map((step, i) => {
        const at = reached.get(step);
        const done = Boolean(at) || step === status;
        const bad = step === 'canceled' || step === 'refunded';
        return (
          <li key={step} data-step={step} data-reached={done} className="flex items-start gap-1">
            {i > 0 && (
              <span
                aria-hidden
                className={`mt-2 h-px w-6 sm:w-10 ${done ? (bad ? 'bg-bad' : 'bg-good') : 'bg-line'}`}
              />
            )}
            <span className="flex flex-col">
              <span className="flex items-center gap-1.5 text-xs font-medium">
                <span
                  aria-hidden
                  className={`size-3 rounded-full border-2 ${done ? (bad ? 'border-bad bg-bad' : 'border-good bg-good') : 'border-line bg-transparent'}`}
                />
                <span className={done ? 'text-ink' : 'text-muted'}>{t(statusKey(step))}</span>
              </span>
              {at && <span className="pl-4.5 text-[11px] text-muted">{formatDateTime(at, locale)}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
