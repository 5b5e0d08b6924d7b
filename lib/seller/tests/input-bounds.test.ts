import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sellerCheckoutSessions, sellerOrders } from '@/lib/db/schema';
import { testEngines } from '@/lib/db/testing';
import { describeFailure } from '@/lib/seller/log';
import { openSellerTestbed, type SellerTestbed } from '@/lib/seller/testing';
import { CA_ADDRESS, harness } from './harness';

describe.each(testEngines())('input the seller cannot store (%s)', (engine) => {
  let bed: SellerTestbed;
  let h: ReturnType<typeof harness>;
  beforeAll(async () => {
    bed = await openSellerTestbed(engine);
    h = harness(bed);
  });
  afterAll(() => bed.close());

  const create = (extra: Record<string, unknown>, items: unknown[] = [{ id: 'trail-runner-blue-8' }]) =>
    h.call('POST', '/checkout_sessions', {
      rawBody: JSON.stringify({ currency: 'usd', capabilities: {}, line_items: items, ...extra }),
    });

  it('refuses a NUL in the buyer name with 400 naming the field', async () => {
    const answer = await create({ buyer: { first_name: 'Ada\u0000', email: 'ada@example.com' } });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      type: 'invalid_request',
      code: 'invalid_text',
      param: '$.buyer.first_name',
    });
  });

  it('refuses a lone surrogate in an address line with 400 naming the field', async () => {
    const answer = await create({
      fulfillment_details: { address: { ...CA_ADDRESS, line_two: 'Apt \ud800' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      code: 'invalid_text',
      param: '$.fulfillment_details.address.line_two',
    });
  });

  it('refuses a NUL in a metadata member name, naming the object', async () => {
    const answer = await create({ metadata: { 'utm\u0000': 'x' } });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'invalid_text', param: '$.metadata' });
  });

  it('keeps a well-formed surrogate pair (an emoji)', async () => {
    const answer = await create({ order_notes: 'Thanks 🎁' });
    expect(answer.status).toBe(201);
  });

  it('refuses a quantity of 10^9 with 400 naming it, before any money is computed', async () => {
    const answer = await create({}, [{ id: 'gift-card-25' }, { id: 'trail-runner-blue-8', quantity: 1e9 }]);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'invalid_quantity', param: '$.line_items[1].quantity' });
  });

  it('counts the same item listed twice against the bound', async () => {
    const answer = await create({}, [
      { id: 'gift-card-25', quantity: 9_000 },
      { id: 'gift-card-25', quantity: 1_000 },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'invalid_quantity', param: '$.line_items[1].quantity' });
  });

  it('answers a quantity within the bound but over the line limit as a message the buyer can fix', async () => {
    const answer = await create({}, [{ id: 'gift-card-25', quantity: 9_999 }]);
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ status: 'not_ready_for_payment' });
    const codes = (answer.json.messages as { code?: string }[]).map((m) => m.code);
    expect(codes.some((c) => c === 'quantity_exceeded' || c === 'maximum_exceeded')).toBe(true);
  });

  it('stores money past 2^31 − 1 minor units and reads it back as an exact number', async () => {
    const created = await create({});
    const id = created.json.id as string;
    const big = 2 ** 40 + 7;
    await bed.database.db
      .update(sellerCheckoutSessions)
      .set({ total: big })
      .where(eq(sellerCheckoutSessions.id, id));
    const [row] = await bed.database.db
      .select({ total: sellerCheckoutSessions.total })
      .from(sellerCheckoutSessions)
      .where(eq(sellerCheckoutSessions.id, id));
    expect(row.total).toBe(big);
  });

  it('describes a failed query without its parameters or the values the database quotes', async () => {
    const error = await bed.database.db
      .insert(sellerOrders)
      .values({
        id: 'ord_pii',
        sellerId: 'summit-outfitters',
        agentId: 'aisle',
        sessionId: 'cs_pii',
        orderNumber: 'Philippa Quaritch, 742 Evergreen Terrace',
        status: 'confirmed',
        currency: 'usd',
        total: 'Philippa Quaritch' as unknown as number,
        paymentIntentId: 'pi_x',
        document: { phone: '+14155550199' },
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    const line = describeFailure(error);
    expect(line).toMatch(/^DrizzleQueryError 22P02 /);
    for (const pii of ['Philippa', 'Evergreen', '+14155550199']) expect(line).not.toContain(pii);
  });
});
