import type { BenchRow } from './types';

/** The rows as a Markdown table, with MISSED where a target was not met. */
export function table(rows: BenchRow[]): string {
  const header = ['benchmark', 'target', 'result', ''];
  const lines = rows.map((r) => [r.name, r.target, r.result, r.ok ? 'ok' : 'MISSED']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}
