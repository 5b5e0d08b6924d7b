import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

/** One titled table of a dashboard (seller, emulator); scrolls sideways on a phone rather than squeezing. */
export function DataTable<T>({
  id,
  title,
  note,
  rows,
  columns,
  rowKey,
  rowId,
  empty,
}: {
  id: string;
  title: string;
  note?: string;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** An anchor per row, so links such as an order's permalink land on it. */
  rowId?: (row: T) => string;
  empty: string;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 id={`${id}-heading`} className="text-base font-semibold">
          {title}
        </h2>
        {note ? <p className="text-xs text-muted">{note}</p> : null}
      </div>
      <div className="overflow-x-auto rounded-xl border border-line bg-surface">
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
          <tbody className="divide-y divide-line">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-3 py-6 text-center text-muted">
                  {empty}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={rowKey(row)} id={rowId?.(row)} className="align-top target:bg-accent/10">
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

export function Mono({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-muted">—</span>;
  return <code className="whitespace-nowrap font-mono text-xs">{value}</code>;
}
