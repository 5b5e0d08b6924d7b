'use server';

import { redirect } from 'next/navigation';
import { getT } from '@/lib/i18n/server';
import { ALL_REALMS, type Realm } from '@/lib/operator/access';
import { signIn, signOut } from '@/lib/operator/session';

export interface SignInState {
  error: string | null;
}

const realmOf = (form: FormData): Realm | null => {
  const realm = String(form.get('realm') ?? '');
  return (ALL_REALMS as string[]).includes(realm) ? (realm as Realm) : null;
};

const homeOf = (realm: Realm) =>
  realm === 'emulator' ? '/emulator' : `/sellers/${realm.slice('seller:'.length)}`;

/** A dashboard's sign-in form: the realm's admin key, then back to the dashboard. */
export async function signInAction(_state: SignInState, form: FormData): Promise<SignInState> {
  const realm = realmOf(form);
  const key = String(form.get('key') ?? '').slice(0, 500);
  const t = await getT('operator');
  if (!realm || !(await signIn(realm, key))) return { error: t('wrongKey') };
  redirect(homeOf(realm));
}

export async function signOutAction(form: FormData): Promise<void> {
  const realm = realmOf(form);
  if (!realm) return;
  await signOut(realm);
  redirect(`${homeOf(realm)}/sign-in`);
}
