import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { SignInPage } from '@/components/operator/sign-in-page';
import { dashboardAccess } from '@/lib/operator/session';
import { findSeller } from '@/lib/seller/context';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

export default async function SellerSignIn({ params }: { params: Promise<{ seller: string }> }) {
  const seller = findSeller((await params).seller);
  if (!seller) notFound();
  if ((await dashboardAccess(`seller:${seller.id}`)) !== 'signed_out') redirect(`/sellers/${seller.id}`);
  return <SignInPage realm={`seller:${seller.id}`} name={seller.profile.name} />;
}
