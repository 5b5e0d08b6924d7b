'use client';

import type { ReactNode } from 'react';
import { brandName } from '@/components/checkout/card-picker';
import { useLocale, useT } from '@/components/i18n-provider';
import { Price } from '@/components/price';
import type { PurchaseTimeline as Timeline, TokenView } from '@/lib/agent/orders/timeline';
import { formatMoney } from '@/lib/money';
import { AcpExchange } from './acp-exchange';
import { formatDateTime } from './format';
import { OrderStatusBadge } from './status-badge';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] uppercase tracking-wide text-muted">{label}</dt>
      <dd data-testid={testId} className="truncate text-sm font-medium">
        {children}
      </dd>
    </div>
  );
}

function Mono({ children }: { children: ReactNode }) {
  return <span className="font-mono text-xs">{children}</span>;
}

function Step({ n, title, body, children }: { n: number; title: string; body: string; children: ReactNode }) {
  return (
    <li
      data-testid={`timeline-step-${n}`}
      className="group relative grid grid-cols-[2.5rem_1fr] gap-4 pb-8 last:pb-0"
    >
      <span aria-hidden className="absolute left-5 top-10 bottom-0 w-px bg-line group-last:hidden" />
      <span className="z-10 grid size-10 place-items-center rounded-full bg-accent text-sm font-semibold text-accent-ink shadow-sm">
        {n}
      </span>
      <div className="min-w-0 space-y-3">
        <div>
          <h2 className="text-lg font-semibold">{title}</h2>
          <p className="max-w-2xl text-sm text-muted">{body}</p>
        </div>
        {children}
      </div>
    </li>
  );
}

function tokenStatus(token: TokenView): string {
  return token.status === 'deactivated' && token.deactivatedReason ? token.deactivatedReason : token.status;
}

function TokenFacts({ token, total }: { token: TokenView; total: Timeline['order']['total'] }) {
  const t = useT('orders');
  const locale = useLocale();
  const status = tokenStatus(token);
  const matches = token.maxAmount.amount === total.amount && token.maxAmount.currency === total.currency;
  return (
    <div
      data-testid="spt"
      data-spt-id={token.id}
      className="space-y-3 rounded-xl border border-line bg-surface p-4"
    >
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Fact label={t('sptId')}>
          <Mono>{token.id}</Mono>
        </Fact>
        <Fact label={t('sptSeller')}>
          {token.sellerName}
          {token.sellerProfile && (
            <span className="block">
              <Mono>{token.sellerProfile}</Mono>
            </span>
          )}
        </Fact>
        <Fact label={t('sptMaxAmount')} testId="spt-max-amount">
          <span className="inline-flex items-center gap-1.5">
            <Price money={token.maxAmount} />
            {matches && (
              <span className="rounded bg-good/15 px-1 text-[10px] font-semibold text-good">
                = {t('total')}
              </span>
            )}
          </span>
        </Fact>
        <Fact label={t('sptCurrency')}>{token.maxAmount.currency.toUpperCase()}</Fact>
        <Fact label={t('sptExpires')}>{token.expiresAt ? formatDateTime(token.expiresAt, locale) : '—'}</Fact>
        <Fact label={t('sptStatus')} testId="spt-status">
          <span
            data-status={status}
            className={`rounded-full px-2 py-0.5 text-xs ${status === 'consumed' ? 'bg-good/15 text-good' : 'bg-surface-2'}`}
          >
            {status}
          </span>
        </Fact>
        <Fact label={t('sptUsed')} testId="spt-used">
          {token.amountUsed ? <Price money={token.amountUsed} /> : '—'}
        </Fact>
      </dl>
      {!token.live && <p className="text-xs text-warn">{t('sptUnavailable')}</p>}
    </div>
  );
}

/** "How this purchase worked": the four steps of the purchase, each with the real objects behind it. */
export function PurchaseTimeline({ timeline }: { timeline: Timeline }) {
  const t = useT('orders');
  const locale = useLocale();
  const { order, card, token, paymentIntent } = timeline;
  const seller = timeline.sellerName;
  const completes = timeline.payment.filter((e) => e.operation.startsWith('complete_session'));
  const reads = timeline.payment.filter((e) => !e.operation.startsWith('complete_session'));
  return (
    <ol data-testid="purchase-timeline" className="relative">
      <Step n={1} title={t('step1Title')} body={t('step1Body')}>
        {card ? (
          <div
            className="inline-flex items-center gap-3 rounded-xl border border-line bg-surface px-4 py-3"
            data-testid="timeline-card"
          >
            <span className="rounded bg-surface-2 px-2 py-1 font-mono text-[11px] font-semibold uppercase">
              {card.brand ?? 'card'}
            </span>
            <span className="text-sm font-medium">
              {t('cardEnding', { brand: brandName(card.brand), last4: card.last4 ?? '••••' })}
            </span>
            <Mono>{card.id}</Mono>
          </div>
        ) : (
          <p className="text-sm text-muted">—</p>
        )}
      </Step>
      <Step n={2} title={t('step2Title')} body={t('step2Body', { seller })}>
        <div className="space-y-2">
          {timeline.preparation.map((exchange) => (
            <AcpExchange key={exchange.id} exchange={exchange} />
          ))}
          <p className="text-[11px] text-muted">{t('secretsMasked')}</p>
        </div>
      </Step>
      <Step n={3} title={t('step3Title')} body={t('step3Body', { seller })}>
        {token ? <TokenFacts token={token} total={order.total} /> : <p className="text-sm text-muted">—</p>}
        {timeline.earlierAttempts.length > 0 && (
          <div className="space-y-1 text-sm" data-testid="earlier-attempts">
            <p className="text-xs font-medium uppercase tracking-wide text-muted">{t('attemptsTitle')}</p>
            <ul className="space-y-1">
              {timeline.earlierAttempts.map((attempt) => (
                <li key={attempt.attempt} className="rounded-lg bg-surface-2 px-3 py-1.5 text-xs">
                  {t('attemptLine', {
                    n: attempt.attempt,
                    card: t('cardEnding', {
                      brand: brandName(attempt.card.brand),
                      last4: attempt.card.last4 ?? '••••',
                    }),
                    outcome: [attempt.outcome, attempt.message].filter(Boolean).join(': '),
                  })}
                  {attempt.token && (
                    <>
                      {' · '}
                      <Mono>{attempt.token.id}</Mono> ({tokenStatus(attempt.token)})
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
      </Step>
      <Step n={4} title={t('step4Title')} body={t('step4Body')}>
        <div className="space-y-2">
          {[...reads, ...completes].map((exchange) => (
            <AcpExchange key={exchange.id} exchange={exchange} open={exchange === completes.at(-1)} />
          ))}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <div data-testid="payment-intent" className="rounded-xl border border-line bg-surface p-4">
            <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">
              {t('paymentIntent')}
            </p>
            {paymentIntent ? (
              <dl className="grid grid-cols-2 gap-3">
                <Fact label="id">
                  <Mono>{paymentIntent.id}</Mono>
                </Fact>
                <Fact label={t('piStatus')}>{paymentIntent.status}</Fact>
                <Fact label={t('piAmount')}>
                  <Price money={{ amount: paymentIntent.amount, currency: paymentIntent.currency }} />
                </Fact>
              </dl>
            ) : (
              <p className="text-sm text-muted">
                {t('paymentIntentNone', {
                  amount: token?.amountUsed ? formatMoney(token.amountUsed, locale) : '—',
                })}
              </p>
            )}
          </div>
          <div data-testid="timeline-order" className="rounded-xl border border-line bg-surface p-4">
            <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">{t('order')}</p>
            <dl className="grid grid-cols-2 gap-3">
              <Fact label="id">
                <Mono>{order.sellerOrderId}</Mono>
              </Fact>
              <Fact label={t('sptStatus')}>
                <OrderStatusBadge status={order.status} />
              </Fact>
              <Fact label={t('total')}>
                <Price money={order.total} />
              </Fact>
            </dl>
          </div>
        </div>
      </Step>
    </ol>
  );
}
