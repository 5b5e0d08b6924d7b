import { getLocale, getT } from '@/lib/i18n/server';
import type { SessionRowView } from '@/lib/seller/dashboard';
import { DataTable, Mono } from '@/components/data-table';
import { money, when } from './format';
import { StatusPill } from './status-pill';

export async function SessionsTable({ sessions }: { sessions: SessionRowView[] }) {
  const [t, locale] = await Promise.all([getT('seller'), getLocale()]);
  return (
    <DataTable
      id="sessions"
      title={t('sessionsTitle')}
      note={t('sessionsNote')}
      rows={sessions}
      rowKey={(s) => s.id}
      rowId={(s) => s.id}
      empty={t('sessionsEmpty')}
      columns={[
        { header: t('colSession'), cell: (s) => <Mono value={s.id} /> },
        {
          header: t('colStatus'),
          cell: (s) => (
            <div className="space-y-1">
              <StatusPill status={s.status} />
              {s.message ? <p className="max-w-xs text-xs text-muted">{s.message}</p> : null}
            </div>
          ),
        },
        { header: t('colAgent'), cell: (s) => <span className="whitespace-nowrap">{s.agent}</span> },
        {
          header: t('colItems'),
          cell: (s) => (
            <ul className="space-y-0.5">
              {s.items.map((item) => (
                <li key={item.name}>
                  {item.quantity} × {item.name}
                </li>
              ))}
            </ul>
          ),
        },
        {
          header: t('colTotal'),
          cell: (s) => <span className="tabular-nums">{money(s.total, s.currency, locale)}</span>,
          className: 'text-right',
        },
        {
          header: t('colOrder'),
          cell: (s) =>
            s.orderId ? (
              <a href={`#${s.orderId}`} className="font-mono text-xs text-accent hover:underline">
                {s.orderId}
              </a>
            ) : (
              <span className="text-muted">—</span>
            ),
        },
        {
          header: t('colUpdated'),
          cell: (s) => <span className="whitespace-nowrap text-muted">{when(s.updatedAt, locale)}</span>,
        },
      ]}
    />
  );
}
