import { Mono } from '@/components/data-table';

const GOOD = new Set(['succeeded', 'active', 'enabled', 'delivered']);
const WAITING = new Set([
  'requires_action',
  'requires_capture',
  'requires_confirmation',
  'requires_payment_method',
  'retrying',
  'pending',
]);

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

/** Stripe object ids, in monospace. */
export { Mono as Id };

export function When({ unix }: { unix: number | null | undefined }) {
  if (!unix) return <span className="text-muted">—</span>;
  const date = new Date(unix * 1000);
  return (
    <time dateTime={date.toISOString()} className="whitespace-nowrap text-xs text-muted">
      {date.toISOString().replace('T', ' ').slice(0, 19)} UTC
    </time>
  );
}
