import type { Db } from '@/lib/db/client';
import type { EmulatorAccount } from './accounts';
import { invalidRequest } from './errors';
import type { Params } from './form';
import type { ApiObject, ListObject } from './store';

export type KeyType = 'secret' | 'publishable';

export interface PendingEvent {
  accountId: string;
  type: string;
  object: ApiObject;
  previousAttributes?: Record<string, unknown>;
}

/** Everything one API request works with. `db` is the request's transaction. */
export interface RequestContext {
  db: Db;
  /** The database outside the transaction: a cache key only (querying it inside the transaction would deadlock PGlite). */
  root: Db;
  account: EmulatorAccount;
  keyType: KeyType;
  now: Date;
  /** `now` in Unix seconds: Stripe's `created` and timestamps. */
  created: number;
  requestId: string;
  idempotencyKey: string | null;
  params: Params;
  path: Record<string, string>;
  /** Events raised by this request, written with it when its transaction commits. */
  events: PendingEvent[];
}

/** A response other than the object itself: a decline that still changed state, a deletion. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export type RouteResult = ApiObject | ListObject<ApiObject> | Reply;

/** Raises an event for an account (the request's own unless told otherwise), snapshotting the object now. */
export function emit(
  ctx: RequestContext,
  type: string,
  object: ApiObject,
  options: { accountId?: string; previous?: Record<string, unknown> } = {},
) {
  ctx.events.push({
    accountId: options.accountId ?? ctx.account.id,
    type,
    object: structuredClone(object),
    previousAttributes: options.previous,
  });
}

/**
 * Browser calls (publishable key) may act on one intent only, and only with its client secret, as
 * Stripe.js does. Secret-key calls need no client secret.
 */
export function requireClientSecret(
  ctx: RequestContext,
  object: { client_secret?: unknown },
  objectName: string,
) {
  if (ctx.keyType === 'secret') return;
  const given = ctx.params.client_secret;
  if (typeof given !== 'string' || given === '') {
    throw invalidRequest(`Missing required param: client_secret.`, {
      code: 'parameter_missing',
      param: 'client_secret',
    });
  }
  if (given !== object.client_secret) {
    throw invalidRequest(
      `The client_secret provided does not match the client_secret associated with the ${objectName}.`,
      {
        param: 'client_secret',
      },
    );
  }
}
