import type { StripeError } from '@stripe/stripe-js';

/**
 * The stand-in's wire: the same requests Stripe.js makes from a browser — form-encoded with
 * bracket notation and authenticated by the publishable key in the `key` parameter — sent to the
 * emulator at `${origin}/v1/...` instead of api.stripe.com.
 */

export type FormValue =
  string | number | boolean | null | undefined | FormValue[] | { [key: string]: FormValue };

function appendValue(pairs: string[], key: string, value: FormValue): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => appendValue(pairs, `${key}[${index}]`, item));
    return;
  }
  if (typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) appendValue(pairs, `${key}[${name}]`, inner);
    return;
  }
  pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
}

/** `{card: {number: '4242'}}` → `card[number]=4242`, arrays as `expand[0]=…`, as Stripe's clients encode. */
export function encodeForm(params: Record<string, FormValue>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) appendValue(pairs, key, value);
  return pairs.join('&');
}

export interface ApiSettings {
  publishableKey: string;
  /** e.g. http://localhost:3000 — the emulator answers under `${apiOrigin}/v1`. */
  apiOrigin: string;
  stripeAccount?: string;
  apiVersion?: string;
}

export type ApiResult<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; error: StripeError & Record<string, unknown> };

export function connectionError(message: string): StripeError & Record<string, unknown> {
  return { type: 'api_connection_error', message };
}

export async function callApi<T>(
  settings: ApiSettings,
  method: 'GET' | 'POST',
  path: string,
  params: Record<string, FormValue> = {},
  networkMessage = 'We could not reach the payment service.',
): Promise<ApiResult<T>> {
  const body = encodeForm({ ...params, key: settings.publishableKey });
  const url = `${settings.apiOrigin}/v1${path}${method === 'GET' ? `?${body}` : ''}`;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method === 'POST') headers['Content-Type'] = 'application/x-www-form-urlencoded';
  if (settings.stripeAccount) headers['Stripe-Account'] = settings.stripeAccount;
  if (settings.apiVersion) headers['Stripe-Version'] = settings.apiVersion;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: method === 'POST' ? body : undefined,
      credentials: 'omit',
    });
  } catch {
    return { ok: false, status: 0, error: connectionError(networkMessage) };
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return {
      ok: false,
      status: response.status,
      error: { type: 'api_error', message: `The payment service answered ${response.status} without JSON.` },
    };
  }
  if (response.ok) return { ok: true, status: response.status, body: json as T };
  const error = (json as { error?: StripeError & Record<string, unknown> })?.error;
  return {
    ok: false,
    status: response.status,
    error:
      error && typeof error === 'object'
        ? error
        : { type: 'api_error', message: `The payment service answered ${response.status}.` },
  };
}

/** "seti_123_secret_abc" → "seti_123": Stripe.js derives the intent id from its client secret. */
export function intentIdFromClientSecret(clientSecret: string): string | null {
  const match = /^((?:seti|pi)_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/.exec(clientSecret);
  return match ? match[1] : null;
}
