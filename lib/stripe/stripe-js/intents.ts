import type { StripeError } from '@stripe/stripe-js';
import { callApi, intentIdFromClientSecret, type ApiSettings, type FormValue } from './api';
import { showChallenge, type ChallengeFacts } from './challenge';
import type { StandInMessages } from './messages';

/**
 * Confirming intents and finishing their next action, shared by confirmSetup, confirmPayment,
 * handleNextAction and confirmCardPayment. Results and errors are shaped as Stripe.js returns them.
 */

export type IntentKind = 'setup' | 'payment';

export interface IntentObject {
  id: string;
  object: 'setup_intent' | 'payment_intent';
  status: string;
  client_secret: string;
  amount?: number;
  currency?: string;
  next_action: { type: string; [key: string]: unknown } | null;
  last_setup_error?: (StripeError & Record<string, unknown>) | null;
  last_payment_error?: (StripeError & Record<string, unknown>) | null;
  [key: string]: unknown;
}

export type IntentResult =
  { intent: IntentObject; error?: undefined } | { intent?: undefined; error: StripeError };

const PATHS: Record<IntentKind, string> = { setup: '/setup_intents', payment: '/payment_intents' };

export function kindOfClientSecret(clientSecret: string): IntentKind | null {
  if (clientSecret.startsWith('seti_')) return 'setup';
  if (clientSecret.startsWith('pi_')) return 'payment';
  return null;
}

function invalidClientSecret(clientSecret: string): StripeError {
  return {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `Invalid value for clientSecret: "${clientSecret.slice(0, 12)}…" is not a client secret.`,
  };
}

export async function retrieveIntent(
  settings: ApiSettings,
  kind: IntentKind,
  clientSecret: string,
  messages: StandInMessages,
): Promise<IntentResult> {
  const id = intentIdFromClientSecret(clientSecret);
  if (!id) return { error: invalidClientSecret(clientSecret) };
  const result = await callApi<IntentObject>(
    settings,
    'GET',
    `${PATHS[kind]}/${id}`,
    { client_secret: clientSecret },
    messages.network,
  );
  return result.ok ? { intent: result.body } : { error: result.error };
}

export async function confirmIntent(
  settings: ApiSettings,
  kind: IntentKind,
  clientSecret: string,
  params: Record<string, FormValue>,
  messages: StandInMessages,
  facts: ChallengeFacts,
): Promise<IntentResult> {
  const id = intentIdFromClientSecret(clientSecret);
  if (!id || kindOfClientSecret(clientSecret) !== kind) return { error: invalidClientSecret(clientSecret) };
  const result = await callApi<IntentObject>(
    settings,
    'POST',
    `${PATHS[kind]}/${id}/confirm`,
    { ...params, client_secret: clientSecret },
    messages.network,
  );
  if (!result.ok) return { error: result.error };
  return finishNextAction(settings, result.body, messages, facts);
}

/**
 * When the intent needs the buyer (3D Secure), shows the test challenge, reports the outcome to
 * the emulator, and reads the intent back — what Stripe.js does with its 3DS iframe.
 */
export async function finishNextAction(
  settings: ApiSettings,
  intent: IntentObject,
  messages: StandInMessages,
  facts: ChallengeFacts,
): Promise<IntentResult> {
  if (intent.status !== 'requires_action') return settle(intent, messages);
  const outcome = await showChallenge(messages, { ...facts, amount: facts.amount ?? formatAmount(intent) });
  const kind: IntentKind = intent.object === 'setup_intent' ? 'setup' : 'payment';
  const answered = await answerChallenge(settings, intent, outcome, messages);
  if (answered.error) return { error: answered.error };
  const after = await retrieveIntent(settings, kind, intent.client_secret, messages);
  return after.intent ? settle(after.intent, messages) : after;
}

/** Outcomes Stripe.js reports as an error although the request itself succeeded. */
function settle(intent: IntentObject, messages: StandInMessages): IntentResult {
  const lastError = intent.object === 'setup_intent' ? intent.last_setup_error : intent.last_payment_error;
  if (intent.status === 'requires_payment_method' && lastError) {
    const key = intent.object === 'setup_intent' ? 'setup_intent' : 'payment_intent';
    const authentication = lastError.code?.endsWith('authentication_failure');
    return {
      error: {
        ...lastError,
        type: lastError.type ?? 'invalid_request_error',
        message: lastError.message ?? (authentication ? messages.authenticationFailed : undefined),
        [key]: intent,
      } as StripeError,
    };
  }
  return { intent };
}

async function answerChallenge(
  settings: ApiSettings,
  intent: IntentObject,
  outcome: 'approve' | 'fail',
  messages: StandInMessages,
): Promise<{ error?: StripeError }> {
  const path = challengePath(intent);
  if (!path) {
    return {
      error: {
        type: 'invalid_request_error',
        message: `The Stripe emulator gave no way to authenticate ${intent.id} (next_action ${intent.next_action?.type ?? 'missing'}).`,
      },
    };
  }
  const result = await callApi(
    settings,
    'POST',
    path,
    { client_secret: intent.client_secret, result: outcome === 'approve' ? 'succeeded' : 'failed' },
    messages.network,
  );
  return result.ok ? {} : { error: result.error };
}

/**
 * Where Stripe hands Stripe.js an issuer challenge, the emulator's `next_action.use_stripe_sdk`
 * names its test endpoint (`verify_challenge_url`, see lib/stripe/emulator/resources/challenge.ts).
 */
function challengePath(intent: IntentObject): string | null {
  const sdk = intent.next_action?.use_stripe_sdk as
    { type?: string; verify_challenge_url?: unknown } | undefined;
  const url = sdk?.verify_challenge_url;
  if (typeof url !== 'string' || !url.startsWith('/v1/')) return null;
  return url.slice(3);
}

function formatAmount(intent: IntentObject): string | undefined {
  if (typeof intent.amount !== 'number' || !intent.currency) return undefined;
  try {
    const currency = intent.currency.toUpperCase();
    const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    const exponent = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(intent.amount / 10 ** exponent);
  } catch {
    return `${intent.amount} ${intent.currency}`;
  }
}

interface TokenChallenge {
  type: string;
  verify_challenge_url: string;
  client_secret: string;
}

function decodeHashedValue(hashedValue: string): TokenChallenge | null {
  try {
    const parsed = JSON.parse(atob(hashedValue)) as Partial<TokenChallenge>;
    if (
      parsed.type !== 'emulator_three_d_secure' ||
      typeof parsed.verify_challenge_url !== 'string' ||
      typeof parsed.client_secret !== 'string'
    )
      return null;
    if (!parsed.verify_challenge_url.startsWith('/v1/')) return null;
    return parsed as TokenChallenge;
  } catch {
    return null;
  }
}

/**
 * `handleNextAction({ hashedValue })` for a shared payment token in `requires_action`: the
 * emulator's `next_action.use_stripe_sdk.value` carries its challenge endpoint and client secret.
 * Resolves to `{}` once the buyer approves, or to Stripe.js's authentication error.
 */
export async function finishTokenAction(
  settings: ApiSettings,
  hashedValue: string,
  messages: StandInMessages,
): Promise<{ error?: StripeError }> {
  const challenge = decodeHashedValue(hashedValue);
  if (!challenge)
    return {
      error: {
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        message: 'hashedValue is not a next action of the Stripe emulator.',
      },
    };
  const outcome = await showChallenge(messages);
  const result = await callApi<{ status: string }>(
    settings,
    'POST',
    challenge.verify_challenge_url.slice(3),
    { client_secret: challenge.client_secret, result: outcome === 'approve' ? 'succeeded' : 'failed' },
    messages.network,
  );
  if (!result.ok) return { error: result.error };
  if (outcome === 'fail' || result.body.status === 'requires_action') {
    return {
      error: {
        type: 'invalid_request_error',
        code: 'authentication_failure',
        message: messages.authenticationFailed,
      },
    };
  }
  return {};
}
