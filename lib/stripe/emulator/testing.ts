import Stripe from 'stripe';
import { DEMO_SELLER_IDS, type DemoSellerId } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import { bootStripeEmulator, emulatorAccountKeys, type EmulatorAccountKeys } from './boot';
import { handleStripeRequest } from './handler';
import { InProcessHttpClient } from './in-process';
import { STRIPE_API_VERSION } from './version';

/** A settable clock for tests that move time (token expiry). */
export function testClock(start = new Date()) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(seconds: number) {
      current += seconds * 1000;
    },
    unix: () => Math.floor(current / 1000),
  };
}

export interface EmulatorTestKit {
  agent: Stripe;
  sellers: Record<DemoSellerId, Stripe>;
  keys: Record<'agent' | DemoSellerId, EmulatorAccountKeys>;
  /** Raw HTTP to the emulator, for what the SDK cannot send (publishable key, odd bodies, headers). */
  call(
    method: string,
    path: string,
    options?: { key?: string; body?: string | URLSearchParams; headers?: Record<string, string> },
  ): Promise<Response>;
}

/** SDK clients wired to the emulator in-process, as the app's factory wires them. */
export async function emulatorTestKit(db: Db, options: { now?: () => Date } = {}): Promise<EmulatorTestKit> {
  await bootStripeEmulator(db);
  const httpClient = new InProcessHttpClient({ db, now: options.now });
  const client = (key: string) =>
    new Stripe(key, { apiVersion: STRIPE_API_VERSION, maxNetworkRetries: 0, httpClient });
  const keys = { agent: await emulatorAccountKeys(db, 'agent') } as EmulatorTestKit['keys'];
  const sellers = {} as Record<DemoSellerId, Stripe>;
  for (const id of DEMO_SELLER_IDS) {
    keys[id] = await emulatorAccountKeys(db, id);
    sellers[id] = client(keys[id].secretKey);
  }
  return {
    agent: client(keys.agent.secretKey),
    sellers,
    keys,
    call(method, path, { key, body, headers } = {}) {
      const init: RequestInit = {
        method,
        headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      };
      if (body !== undefined) {
        init.body = body.toString();
        (init.headers as Record<string, string>)['content-type'] = 'application/x-www-form-urlencoded';
      }
      return handleStripeRequest(new Request(`https://api.stripe.com${path}`, init), {
        db,
        now: options.now,
      });
    },
  };
}
