/**
 * One HTTP round trip of the ACP client, as the agent's "How this purchase worked" timeline shows
 * it: secrets masked, bodies parsed when they are JSON.
 */
export interface AcpExchange {
  operation: AcpOperation;
  /** 1 for the first try; retries reuse the same Idempotency-Key and Request-Id. */
  attempt: number;
  startedAt: string;
  durationMs: number;
  request: { method: 'GET' | 'POST'; url: string; headers: Record<string, string>; body?: unknown };
  response?: { status: number; headers: Record<string, string>; body: unknown };
  /** A network failure or timeout: there is no response. */
  error?: string;
}

export type AcpOperation =
  | 'create_session'
  | 'get_session'
  | 'update_session'
  | 'complete_session'
  | 'cancel_session'
  | 'get_discovery'
  | 'get_order'
  | 'cancel_order';

const SECRET_HEADERS = new Set(['authorization', 'signature', 'merchant-signature', 'cookie', 'set-cookie']);

/** `Bearer acp_key_abcdefgh1234` → `Bearer acp_…1234`: enough to tell keys apart, not to use one. */
export function maskSecret(value: string): string {
  const [scheme, token] = value.includes(' ')
    ? [value.slice(0, value.indexOf(' ')), value.slice(value.indexOf(' ') + 1)]
    : ['', value];
  const prefix = token.match(/^[a-z]+_/)?.[0] ?? '';
  const masked = token.length <= 8 ? '••••' : `${prefix}…${token.slice(-4)}`;
  return scheme ? `${scheme} ${masked}` : masked;
}

export function maskHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  return Object.fromEntries(
    entries.map(([name, value]) => [
      name,
      SECRET_HEADERS.has(name.toLowerCase()) ? maskSecret(value) : value,
    ]),
  );
}
