/**
 * Stripe's error envelope: `{ error: { type, code?, decline_code?, message, param?, ... } }` with the
 * HTTP status Stripe uses for it. Thrown inside a request, it rolls the request's transaction back.
 */
export type StripeErrorType =
  'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error' | 'rate_limit_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  /** Extra objects Stripe nests in some errors (the PaymentIntent of a decline, ...). */
  [extra: string]: unknown;
}

export class StripeApiError extends Error {
  /**
   * Work that must stand although the request is refused and its transaction rolled back: run
   * after the rollback (a token found expired is deactivated, and both sides told).
   */
  afterRollback?: () => Promise<void>;

  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'StripeApiError';
  }

  toJSON() {
    return { error: withDocUrl(this.body) };
  }
}

export function withDocUrl(body: StripeErrorBody): StripeErrorBody {
  if (!body.code || body.doc_url) return body;
  return { ...body, doc_url: `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, '-')}` };
}

export function invalidRequest(
  message: string,
  options: { code?: string; param?: string; status?: number } = {},
) {
  return new StripeApiError(options.status ?? 400, {
    type: 'invalid_request_error',
    message,
    ...(options.code ? { code: options.code } : {}),
    ...(options.param ? { param: options.param } : {}),
  });
}

/** 404 for the object named in the URL; 400 for one named in a parameter (Stripe's convention). */
export function noSuch(object: string, id: string, param?: string) {
  return invalidRequest(`No such ${object}: '${id}'`, {
    code: 'resource_missing',
    param,
    status: param ? 400 : 404,
  });
}

export function unexpectedState(message: string, code = 'payment_intent_unexpected_state') {
  return invalidRequest(message, { code });
}

export function authenticationError(message: string) {
  return new StripeApiError(401, { type: 'invalid_request_error', message });
}

export function cardError(
  message: string,
  code: string,
  options: { declineCode?: string; param?: string } = {},
) {
  return new StripeApiError(402, {
    type: 'card_error',
    message,
    code,
    ...(options.declineCode ? { decline_code: options.declineCode } : {}),
    ...(options.param ? { param: options.param } : {}),
  });
}

export function lockTimeout() {
  return new StripeApiError(
    429,
    {
      type: 'invalid_request_error',
      code: 'lock_timeout',
      message:
        'This object cannot be accessed right now because another API request or Stripe process is currently accessing it. Please retry your request.',
    },
    { 'Stripe-Should-Retry': 'true' },
  );
}

export function apiError(requestId: string) {
  return new StripeApiError(
    500,
    {
      type: 'api_error',
      message: `An unknown error occurred while processing request ${requestId}. This is a bug in the Stripe emulator.`,
    },
    { 'Stripe-Should-Retry': 'false' },
  );
}
