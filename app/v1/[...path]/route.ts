import { config } from '@/lib/config';
import { getDb } from '@/lib/db/client';

// The embedded Stripe API (emulator mode only). Stripe.js stand-in and curl reach it here; the app's
// own server code talks to it in-process through the client factory.
export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  if (config().stripe.mode !== 'emulator') {
    return Response.json(
      {
        error: {
          type: 'invalid_request_error',
          message: 'The Stripe emulator is off: this app is configured with Stripe keys.',
        },
      },
      { status: 404 },
    );
  }
  const { handleStripeRequest } = await import('@/lib/stripe/emulator');
  return handleStripeRequest(request, { db: await getDb() });
}

export const GET = handle;
export const POST = handle;
export const DELETE = handle;
