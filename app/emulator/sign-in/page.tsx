import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInPage } from '@/components/operator/sign-in-page';
import { dashboardAccess } from '@/lib/operator/session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

export default async function EmulatorSignIn() {
  if ((await dashboardAccess('emulator')) !== 'signed_out') redirect('/emulator');
  return <SignInPage realm="emulator" name="Stripe emulator" />;
}
