import { signOutAction } from '@/app/actions/operator';
import { getT } from '@/lib/i18n/server';
import type { Realm } from '@/lib/operator/access';
import type { Access } from '@/lib/operator/session';

/** Says how the dashboard is guarded: open on a local demo, or signed in (with a way out). */
export async function AccessNote({ realm, access }: { realm: Realm; access: Access }) {
  const t = await getT('operator');
  if (access === 'open') {
    return (
      <p role="note" className="rounded-lg border border-warn/40 bg-warn/10 px-3 py-2 text-sm">
        <strong>{t('localDemo')}</strong> <span className="text-muted">{t('localDemoDetail')}</span>
      </p>
    );
  }
  return (
    <form action={signOutAction} className="flex justify-end">
      <input type="hidden" name="realm" value={realm} />
      <button type="submit" className="text-sm text-muted underline-offset-2 hover:underline">
        {t('signOut')}
      </button>
    </form>
  );
}
