/**
 * Puts one paid Summit Outfitters order into a fresh PGlite data folder before a server opens it
 * (PGlite takes no lock: never run this beside a server on the same folder). Used by
 * guarded-dashboards.spec.ts, whose server runs on a non-loopback origin where the agent's own
 * calls to itself cannot resolve, so the order is made in process, over the seller's ACP handler.
 * Usage: tsx e2e/seed-order.ts <data-dir>   (AISLE_SECRET as the server will have it)
 */
import { openDatabase } from '@/lib/db/client';
import { demoPairing } from '@/lib/pairing';
import { bootSellers } from '@/lib/seller/boot';
import { handleSellerRequest } from '@/lib/seller/http';
import { bootStripeEmulator } from '@/lib/stripe/emulator';
import { createStripeFactory } from '@/lib/stripe/client';

async function seed() {
  const database = await openDatabase({ mode: 'pglite', dataDir: process.argv[2] });
  const { db } = database;
  await bootStripeEmulator(db);
  await bootSellers(db);
  const stripe = createStripeFactory({ db, stripe: { mode: 'emulator' } });
  const base = `${process.env.AISLE_ORIGIN}/sellers/summit-outfitters`;
  const key = (await demoPairing('summit-outfitters')).acpApiKey;
  const post = async (path: string, body: unknown) => {
    const response = await handleSellerRequest(
      new Request(`${base}${path}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${key}`,
          'API-Version': '2026-04-17',
          'Content-Type': 'application/json',
          'Idempotency-Key': `seed-${path}`,
        },
        body: JSON.stringify(body),
      }),
      { db, stripe },
    );
    return response.json();
  };
  const session = await post('/checkout_sessions', {
    currency: 'usd',
    capabilities: {},
    line_items: [{ id: 'trail-runner-blue-8' }],
    fulfillment_details: {
      name: 'Grace Hopper',
      address: {
        name: 'Grace Hopper',
        line_one: '1 Market St',
        city: 'San Francisco',
        state: 'CA',
        country: 'US',
        postal_code: '94105',
      },
    },
  });
  const total = session.totals.find((t: { type: string }) => t.type === 'total').amount;
  const token = await (
    await stripe.stripeFor('agent')
  ).sharedPayment.issuedTokens.create({
    payment_method: 'pm_card_visa',
    seller_details: { network_business_profile: await stripe.sellerNetworkProfile('summit-outfitters') },
    usage_limits: { currency: 'usd', max_amount: total },
  });
  const completed = await post(`/checkout_sessions/${session.id}/complete`, {
    payment_data: {
      handler_id: 'stripe_spt',
      instrument: { type: 'card', credential: { type: 'spt', token: token.id } },
    },
  });
  if (completed.status !== 'completed')
    throw new Error(`seed order failed: ${JSON.stringify(completed).slice(0, 300)}`);
  console.log(completed.order.id);
  await database.close();
}

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
