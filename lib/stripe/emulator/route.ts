import type { Db } from '@/lib/db/client';
import type { RequestContext, RouteResult } from './context';

export type Method = 'GET' | 'POST' | 'DELETE';

export interface Route {
  method: Method;
  /** `/v1/payment_intents/:id/confirm`: `:name` segments land in `ctx.path`. */
  pattern: string;
  /** Stripe.js may call it with the publishable key (the handler then checks the client secret). */
  publishable?: boolean;
  /**
   * Runs before the request's transaction and commits on its own, for state that must change even
   * when the request itself is refused: a shared payment token found expired is deactivated.
   */
  prepare?: (ctx: Omit<RequestContext, 'db' | 'root' | 'events'> & { db: Db }) => Promise<void>;
  handle: (ctx: RequestContext) => Promise<RouteResult>;
}
