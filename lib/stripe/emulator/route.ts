import type { z } from 'zod';
import type { Db } from '@/lib/db/client';
import type { RequestContext, RouteResult } from './context';

export type Method = 'GET' | 'POST' | 'DELETE';

interface RouteShape {
  method: Method;
  /** `/v1/payment_intents/:id/confirm`: `:name` segments land in `ctx.path`. */
  pattern: string;
  /**
   * Where the SDK declares this endpoint's parameters, `File#Type` under `stripe/esm/resources`
   * (`PaymentIntents#PaymentIntentCreateParams`); `null` for the emulator's own endpoints. The parity
   * test holds `params` to it.
   */
  declared: string | null;
  /** Stripe.js may call it with the publishable key (the handler then checks the client secret). */
  publishable?: boolean;
  /**
   * Runs before the request's transaction and commits on its own, for state that must change even
   * when the request itself is refused: a shared payment token found expired is deactivated.
   */
  prepare?: (ctx: Omit<RequestContext, 'db' | 'root' | 'events'> & { db: Db }) => Promise<void>;
}

/** An endpoint: every parameter it accepts (strict, see `paramsSchema`) and what it does with them. */
export interface Route extends RouteShape {
  params: z.ZodType;
  handle: (ctx: RequestContext, params: unknown) => Promise<RouteResult>;
}

/** Declares a route whose handler receives its parameters parsed by its own schema. */
export function route<S extends z.ZodType>(
  definition: RouteShape & {
    params: S;
    handle: (ctx: RequestContext, params: z.output<S>) => Promise<RouteResult>;
  },
): Route {
  return definition as Route;
}
