import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckoutSession } from '@/lib/acp/types';
import { testEngines } from '@/lib/db/testing';
import { sellerOrders, sellerStock } from '@/lib/db/schema';
import { openSellerTestbed, type SellerTestbed } from '@/lib/seller/testing';
import { CA_ADDRESS, completeBody, harness, totalOf } from './harness';

const beds: SellerTestbed[] = [];
afterAll(async () => {
  for (const bed of beds) await bed.close();
});

describe.each(testEngines())('the last units (%s)', (engine) => {
  it(
    '20 concurrent completes for 5 units: exactly 5 orders and 5 charges, 15 out of stock, no refunds',
    { timeout: 180_000 },
    async () => {
      const bed = await openSellerTestbed(engine);
      beds.push(bed);
      const h = harness(bed);
      const variant = 'basecamp-2p-tent';
      const where = and(eq(sellerStock.sellerId, 'summit-outfitters'), eq(sellerStock.variantId, variant));
      await bed.database.db.update(sellerStock).set({ available: 5 }).where(where);

      const sessions: CheckoutSession[] = [];
      for (let i = 0; i < 20; i++) {
        const created = await h.post('/checkout_sessions', {
          currency: 'usd',
          capabilities: {},
          line_items: [{ id: variant }],
          fulfillment_details: { name: `Buyer ${i}`, address: CA_ADDRESS },
        });
        sessions.push(created.json);
      }
      const tokens = await Promise.all(
        sessions.map((s) => bed.mintSpt('summit-outfitters', { maxAmount: totalOf(s) })),
      );

      const results = await Promise.all(
        sessions.map((s, i) => h.post(`/checkout_sessions/${s.id}/complete`, completeBody(tokens[i]))),
      );

      const completed = results.filter((r) => r.status === 200);
      const refused = results.filter((r) => r.status === 400);
      expect(completed.every((r) => r.json.status === 'completed' && r.json.order)).toBe(true);
      expect(completed).toHaveLength(5);
      expect(refused).toHaveLength(15);
      expect(refused.every((r) => (r.json as unknown as { code: string }).code === 'session_not_ready')).toBe(
        true,
      );
      for (const r of refused) {
        const id = sessions[results.indexOf(r)].id;
        const now = await h.get(`/checkout_sessions/${id}`);
        expect(now.json.status).toBe('not_ready_for_payment');
        expect(
          now.json.messages.some(
            (m) => 'code' in m && (m.code === 'out_of_stock' || m.code === 'quantity_exceeded'),
          ),
        ).toBe(true);
      }

      const [stock] = await bed.database.db.select().from(sellerStock).where(where);
      expect(stock.available).toBe(0);
      const ids = new Set(sessions.map((s) => s.id));
      const orders = (await bed.database.db.select().from(sellerOrders)).filter((o) => ids.has(o.sessionId));
      expect(orders).toHaveLength(5);
      const stripe = await bed.sellerStripe('summit-outfitters');
      const intents = (await stripe.paymentIntents.list({ limit: 100 })).data.filter((pi) =>
        ids.has(pi.metadata.checkout_session_id),
      );
      expect(intents.map((pi) => pi.status)).toEqual(Array(5).fill('succeeded'));
      expect((await stripe.refunds.list({ limit: 100 })).data).toHaveLength(0);
    },
  );
});
