import { NextResponse, type NextRequest } from 'next/server';
import { BUYER_COOKIE, newBuyerId, signBuyerCookie, verifyBuyerCookie } from '@/lib/buyer/identity';
import { appSecret } from '@/lib/buyer/secret';

/**
 * Gives every browser a signed buyer cookie before the page renders, so server components and
 * actions always know whose chats, cards and orders to show. A tampered cookie counts as none.
 */
export async function proxy(request: NextRequest) {
  const secret = await appSecret();
  if (verifyBuyerCookie(secret, request.cookies.get(BUYER_COOKIE)?.value)) return NextResponse.next();

  const value = signBuyerCookie(secret, newBuyerId());
  request.cookies.set(BUYER_COOKIE, value);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(BUYER_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.nextUrl.protocol === 'https:',
    maxAge: 60 * 60 * 24 * 365,
  });
  return response;
}

export const config = {
  // Buyer-facing pages, server actions and the agent's own API; not Stripe, sellers, feeds, webhooks or assets.
  matcher: [
    '/((?!v1/|sellers/.+/checkout_sessions|sellers/.+/\\.well-known|feeds/|agentic_commerce/|api/health|_next/|products/|favicon).*)',
  ],
};
