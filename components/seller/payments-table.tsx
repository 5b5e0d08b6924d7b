import { getLocale, getT } from '@/lib/i18n/server';
import type { PaymentRowView } from '@/lib/seller/dashboard';
import { DataTable, Mono } from '@/components/data-table';
import { money, when } from './format';
import { StatusPill } from './status-pill';

export async function PaymentsTable({ payments }: { payments: PaymentRowView[] }) {
  const [t, locale] = await Promise.all([getT('seller'), getLocale()]);
  return (
    <DataTable
      id="payments"
      title={t('paymentsTitle')}
      note={t('paymentsNote')}
      rows={payments}
      rowKey={(p) => p.id}
      empty={t('paymentsEmpty')}
      columns={[
        { header: t('colToken'), cell: (p) => <Mono value={p.token} /> },
        {
          header: t('colLimits'),
          cell: (p) => {
            const limits = p.details?.usageLimits;
            if (!limits) return <span className="text-muted">—</span>;
            return (
              <ul className="space-y-0.5 text-xs">
                <li>{t('maxAmount', { amount: money(limits.maxAmount, limits.currency, locale) })}</li>
                {p.details?.amountCaptured ? (
                  <li>
                    {t('usedAmount', { amount: money(p.details.amountCaptured, limits.currency, locale) })}
                  </li>
                ) : null}
                <li className="text-muted">
                  {limits.expiresAt
                    ? t('expiresAt', { when: when(limits.expiresAt * 1000, locale) })
                    : t('noExpiry')}
                </li>
                {p.details?.deactivatedReason ? (
                  <li className="text-muted">{t('deactivated', { reason: p.details.deactivatedReason })}</li>
                ) : null}
              </ul>
            );
          },
        },
        {
          header: t('colCard'),
          cell: (p) =>
            p.details?.card ? (
              <span className="whitespace-nowrap capitalize">{`${p.details.card.brand} •••• ${p.details.card.last4}`}</span>
            ) : (
              <span className="text-muted">—</span>
            ),
        },
        {
          header: t('colAmount'),
          className: 'text-right',
          cell: (p) => <span className="tabular-nums">{money(p.amount, p.currency, locale)}</span>,
        },
        {
          header: t('colStatus'),
          cell: (p) => (
            <div className="space-y-1">
              <StatusPill status={p.status} />
              {p.error ? <p className="max-w-xs text-xs text-muted">{p.error}</p> : null}
            </div>
          ),
        },
        { header: t('colPaymentIntent'), cell: (p) => <Mono value={p.paymentIntentId} /> },
        {
          header: t('colSession'),
          cell: (p) => (
            <a href={`#${p.sessionId}`} className="font-mono text-xs text-accent hover:underline">
              {p.sessionId}
            </a>
          ),
        },
        {
          header: t('colCreated'),
          cell: (p) => <span className="whitespace-nowrap text-muted">{when(p.createdAt, locale)}</span>,
        },
      ]}
    />
  );
}
