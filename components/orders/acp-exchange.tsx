'use client';

import { useT } from '@/components/i18n-provider';
import type { ExchangeView } from '@/lib/agent/orders/timeline';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') return <p className="text-xs text-muted">—</p>;
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return (
    <pre className="max-h-80 overflow-auto rounded-lg bg-canvas p-3 font-mono text-[11px] leading-relaxed">
      {text}
    </pre>
  );
}

function Headers({ headers }: { headers: Record<string, string> | null }) {
  if (!headers || Object.keys(headers).length === 0) return <p className="text-xs text-muted">—</p>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 rounded-lg bg-canvas p-3 font-mono text-[11px]">
      {Object.entries(headers).map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-muted">{name}</dt>
          <dd className="break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function statusTone(status: number | null): string {
  if (status === null) return 'bg-bad/10 text-bad';
  if (status < 300) return 'bg-good/15 text-good';
  if (status < 500) return 'bg-warn/15 text-warn';
  return 'bg-bad/10 text-bad';
}

/** One ACP request and its response, folded to a line until opened: method, path, status, time. */
export function AcpExchange({ exchange, open = false }: { exchange: ExchangeView; open?: boolean }) {
  const t = useT('orders');
  const path = (() => {
    try {
      const url = new URL(exchange.url);
      return url.pathname;
    } catch {
      return exchange.url;
    }
  })();
  return (
    <details
      data-testid="acp-exchange"
      data-operation={exchange.operation}
      open={open}
      className="group rounded-lg border border-line bg-surface"
    >
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 px-3 py-2 text-sm">
        <span aria-hidden className="text-muted transition group-open:rotate-90">
          ▸
        </span>
        <span className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-[11px] font-semibold">
          {exchange.method}
        </span>
        <span className="min-w-0 flex-1 truncate font-mono text-xs">{path}</span>
        <span
          className={`rounded px-1.5 py-0.5 font-mono text-[11px] font-semibold ${statusTone(exchange.responseStatus)}`}
        >
          {exchange.responseStatus ?? '—'}
        </span>
        {exchange.durationMs !== null && (
          <span className="text-[11px] text-muted tabular-nums">
            {t('durationMs', { ms: exchange.durationMs })}
          </span>
        )}
        <span className="sr-only">{t('showDetails')}</span>
      </summary>
      <div className="grid gap-3 border-t border-line p-3 lg:grid-cols-2">
        <section className="min-w-0 space-y-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-muted">{t('request')}</h4>
          <p className="text-[11px] text-muted">{t('headers')}</p>
          <Headers headers={exchange.requestHeaders} />
          <p className="text-[11px] text-muted">{t('body')}</p>
          <Json value={exchange.requestBody} />
        </section>
        <section className="min-w-0 space-y-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-muted">{t('response')}</h4>
          {exchange.responseStatus === null ? (
            <p className="text-xs text-bad">
              {t('noResponse', { error: String(exchange.responseBody ?? '') })}
            </p>
          ) : (
            <>
              <p className="text-[11px] text-muted">{t('headers')}</p>
              <Headers headers={exchange.responseHeaders} />
              <p className="text-[11px] text-muted">{t('body')}</p>
              <Json value={exchange.responseBody} />
            </>
          )}
        </section>
      </div>
    </details>
  );
}
