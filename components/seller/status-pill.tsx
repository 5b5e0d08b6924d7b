const GOOD = new Set(['completed', 'succeeded', 'ready_for_payment', 'delivered', 'shipped', 'confirmed']);
const WAITING = new Set([
  'incomplete',
  'authentication_required',
  'complete_in_progress',
  'requires_action',
  'canceling',
  'not_ready_for_payment',
]);

/** A status word as the protocol names it, coloured by whether it is fine, waiting or over. */
export function StatusPill({ status }: { status: string }) {
  const tone = GOOD.has(status)
    ? 'bg-good/10 text-good'
    : WAITING.has(status)
      ? 'bg-warn/10 text-warn'
      : 'bg-bad/10 text-bad';
  return (
    <span
      data-status={status}
      className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${tone}`}
    >
      {status.replace(/_/g, ' ')}
    </span>
  );
}
