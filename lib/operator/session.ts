import { cookies } from 'next/headers';
import { config } from '@/lib/config';
import {
  cookieName,
  guardFor,
  keyMatches,
  type Realm,
  sessionValid,
  SESSION_TTL_MS,
  signSession,
} from './access';

/** The dashboard side of access.ts: Next.js cookies for pages and server actions. */

const cookiePath = (realm: Realm) =>
  realm === 'emulator' ? '/emulator' : `/sellers/${realm.slice('seller:'.length)}`;

export type Access = 'open' | 'signed_in' | 'signed_out';

export async function dashboardAccess(realm: Realm): Promise<Access> {
  const guard = guardFor(realm);
  if (guard.mode === 'open') return 'open';
  const value = (await cookies()).get(cookieName(realm))?.value;
  return sessionValid(guard, realm, value) ? 'signed_in' : 'signed_out';
}

/** Every dashboard action starts here: false means refuse, whatever the form says. */
export async function mayOperate(realm: Realm): Promise<boolean> {
  return (await dashboardAccess(realm)) !== 'signed_out';
}

/**
 * Signs in with the realm's key. The cookie is HttpOnly and SameSite=Strict, so no other site's page
 * can send it along; Next.js also refuses a server action whose Origin is not this host.
 */
export async function signIn(realm: Realm, key: string): Promise<boolean> {
  const guard = guardFor(realm);
  if (guard.mode === 'open') return true;
  if (!keyMatches(guard, key)) return false;
  const expires = Date.now() + SESSION_TTL_MS;
  (await cookies()).set(cookieName(realm), signSession(guard, realm, expires), {
    httpOnly: true,
    sameSite: 'strict',
    secure: new URL(config().origin).protocol === 'https:',
    path: cookiePath(realm),
    expires: new Date(expires),
  });
  return true;
}

export async function signOut(realm: Realm): Promise<void> {
  (await cookies()).delete({ name: cookieName(realm), path: cookiePath(realm) });
}
