import { getT } from '@/lib/i18n/server';
import { adminKeyVariable, type Realm } from '@/lib/operator/access';
import { SignInForm } from './sign-in-form';

export async function SignInPage({ realm, name }: { realm: Realm; name: string }) {
  const t = await getT('operator');
  return (
    <div className="mx-auto max-w-lg space-y-4 py-8">
      <h1 className="text-xl font-semibold">{t('signInTitle', { name })}</h1>
      <p className="text-sm text-muted">{t('signInLead', { variable: adminKeyVariable(realm) })}</p>
      <SignInForm realm={realm} />
    </div>
  );
}
