import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

/** One titled table of the emulator dashboard. */
export function DashboardTable<T>({ title, note, rows, columns, rowKey, empty }: {
  title: string;
  note?: string;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  empty: string;
}) {
  const headingId = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        {note ? <p className="text-xs text-muted">{note}</p> : null}
      </div>
      <div className="overflow-x-auto rounded-xl border border-black/10 bg-surface dark:border-white/10">
        <table className="w-full text-left text-sm">
          <thead className="bg-surface-2 text-xs uppercase tracking-wide text-muted">
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-black/5 dark:divide-white/5">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-3 py-4 text-center text-muted">
                  {empty}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={rowKey(row)} className="align-top">
                  {columns.map((column) => (
                    <td key={column.header} className={`px-3 py-2 ${column.className ?? ''}`}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const GOOD = new Set(['succeeded', 'active', 'enabled', 'delivered']);
const WAITING = new Set(['requires_action', 'requires_capture', 'requires_confirmation', 'requires_payment_method', 'retrying', 'pending']);

/** A status word, coloured by whether it is done, waiting or over. */
export function Status({ value, detail }: { value: string; detail?: string | null }) {
  const tone = GOOD.has(value) ? 'text-good' : WAITING.has(value) ? 'text-warn' : 'text-bad';
  return (
    <span className={`whitespace-nowrap font-medium ${tone}`}>
      {value}
      {detail ? <span className="font-normal text-muted"> · {detail}</span> : null}
    </span>
  );
}

export function Id({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-muted">—</span>;
  return <code className="whitespace-nowrap font-mono text-xs">{value}</code>;
}

export function When({ unix }: { unix: number | null | undefined }) {
  if (!unix) return <span className="text-muted">—</span>;
  const date = new Date(unix * 1000);
  return (
    <time dateTime={date.toISOString()} className="whitespace-nowrap text-xs text-muted">
      {date.toISOString().replace('T', ' ').slice(0, 19)} UTC
    </time>
  );
}
