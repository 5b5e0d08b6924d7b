import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { config, ConfigError, DEMO_SELLER_IDS } from '@/lib/config';

/**
 * Who may operate a dashboard: each seller's (refunds, shipping, stock, agent keys) and the Stripe
 * emulator's (every customer and payment). On a loopback origin with no key set the demo stays one
 * click; anywhere else each realm needs its key from the environment, and start-up refuses without
 * it. A key is both the dashboard's password and the seller admin API's bearer token; a signed-in
 * browser holds a cookie signed with that key, so changing the key signs everyone out.
 */

export type Realm = `seller:${string}` | 'emulator';

const KEY = z.string().min(16, 'must be at least 16 characters long');

export function adminKeyVariable(realm: Realm): string {
  if (realm === 'emulator') return 'EMULATOR_ADMIN_KEY';
  return `SELLER_${realm.slice('seller:'.length).toUpperCase().replace(/-/g, '_')}_ADMIN_KEY`;
}

export const ALL_REALMS: Realm[] = [...DEMO_SELLER_IDS.map((id) => `seller:${id}` as const), 'emulator'];

export function isLoopbackOrigin(origin: string): boolean {
  const host = new URL(origin).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host);
}

export type Guard = { mode: 'open' } | { mode: 'key'; key: string };

/** The realm's guard, read from the environment each time (tests and start-up change it). */
export function guardFor(
  realm: Realm,
  env: Record<string, string | undefined> = process.env,
  origin: string = config().origin,
): Guard {
  const name = adminKeyVariable(realm);
  const raw = env[name]?.trim();
  if (raw) {
    const parsed = KEY.safeParse(raw);
    if (!parsed.success) throw new ConfigError(`${name} ${parsed.error.issues[0].message}.`);
    return { mode: 'key', key: parsed.data };
  }
  if (isLoopbackOrigin(origin)) return { mode: 'open' };
  throw new ConfigError(
    `${name} is missing: with AISLE_ORIGIN beyond loopback (${origin}) every dashboard needs a sign-in key.`,
  );
}

/** Start-up: a public origin without every dashboard's key is refused, naming the first missing one. */
export function checkDashboardGuards(
  env: Record<string, string | undefined> = process.env,
  origin: string = config().origin,
): void {
  for (const realm of ALL_REALMS) guardFor(realm, env, origin);
}

const digest = (value: string) => createHmac('sha256', 'aisle-operator').update(value).digest();

export function keyMatches(guard: Guard, given: string | null | undefined): boolean {
  if (guard.mode === 'open') return true;
  if (!given) return false;
  return timingSafeEqual(digest(given), digest(guard.key));
}

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function cookieName(realm: Realm): string {
  return `aisle_op_${realm.replace(/[^a-z0-9]/g, '_')}`;
}

const signature = (key: string, realm: Realm, expires: number) =>
  createHmac('sha256', key).update(`${realm}.${expires}`).digest('base64url');

/** The cookie value of a session that ends at `expires` (ms since the epoch). */
export function signSession(guard: Guard & { mode: 'key' }, realm: Realm, expires: number): string {
  return `${expires}.${signature(guard.key, realm, expires)}`;
}

export function sessionValid(
  guard: Guard,
  realm: Realm,
  value: string | undefined,
  now = Date.now(),
): boolean {
  if (guard.mode === 'open') return true;
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires <= now) return false;
  const expected = Buffer.from(signature(guard.key, realm, expires));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
