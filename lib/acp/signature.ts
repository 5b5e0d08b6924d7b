import { timingSafeEqual } from 'node:crypto';
import { timestampedSignature } from '@/lib/db/outbox';

/**
 * `Merchant-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` on order
 * webhooks (openapi.agentic_checkout_webhook.yaml). The outbox signs deliveries with the same
 * function, so what a seller sends and what an agent checks cannot drift apart.
 */
export const MERCHANT_SIGNATURE_HEADER = 'Merchant-Signature';
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

export function signMerchantSignature(secret: string, rawBody: string, now: Date = new Date()): string {
  return timestampedSignature(secret, rawBody, Math.floor(now.getTime() / 1000));
}

export type SignatureFailure = 'missing' | 'malformed' | 'timestamp_out_of_tolerance' | 'mismatch';
export type SignatureCheck =
  { ok: true; timestamp: number } | { ok: false; reason: SignatureFailure; message: string };

const MESSAGES: Record<SignatureFailure, string> = {
  missing: 'Missing Merchant-Signature header.',
  malformed: 'Merchant-Signature must be t=<timestamp>,v1=<64_hex>.',
  timestamp_out_of_tolerance: 'Timestamp outside allowed window.',
  mismatch: 'Webhook signature verification failed.',
};

function fail(reason: SignatureFailure): SignatureCheck {
  return { ok: false, reason, message: MESSAGES[reason] };
}

/**
 * Checks a `Merchant-Signature` header against the raw request body (exactly the bytes received, not
 * re-serialised JSON). Several `v1=` entries are accepted so a secret can be rotated.
 */
export function verifyMerchantSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string,
  options: { toleranceSeconds?: number; now?: Date } = {},
): SignatureCheck {
  if (!header || header.trim() === '') return fail('missing');
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (rest.length > 0 || value === undefined) return fail('malformed');
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value)) return fail('malformed');
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!/^[a-fA-F0-9]{64}$/.test(value)) return fail('malformed');
      signatures.push(value.toLowerCase());
    }
  }
  if (timestamp === undefined || signatures.length === 0) return fail('malformed');
  const tolerance = options.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - timestamp) > tolerance) return fail('timestamp_out_of_tolerance');
  const expected = Buffer.from(timestampedSignature(secret, rawBody, timestamp).split('v1=')[1], 'hex');
  const matches = signatures.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
  return matches ? { ok: true, timestamp } : fail('mismatch');
}
