import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import examples from '@/lib/acp/spec/2026-04-17/test-fixtures/examples.agentic_checkout.json';
import type { Message } from '@/lib/acp/types';
import { openSellerTestbed, type SellerTestbed } from '@/lib/seller/testing';
import { CA_ADDRESS, harness, TOKYO_ADDRESS, totalOf } from './harness';

let bed: SellerTestbed;
let h: ReturnType<typeof harness>;
beforeAll(async () => {
  bed = await openSellerTestbed();
  h = harness(bed);
});
afterAll(() => bed.close());

const errorCodes = (messages: Message[]) => messages.map((m) => `${m.type}:${'code' in m ? m.code : ''}`);

async function open(
  items: { id: string; quantity?: number }[],
  extra: Record<string, unknown> = {},
  seller: 'summit-outfitters' | 'kissa-tokyo' | 'volt-audio' = 'summit-outfitters',
) {
  const currency = seller === 'kissa-tokyo' ? 'jpy' : 'usd';
  const result = await h.call('POST', '/checkout_sessions', {
    seller,
    body: { currency, capabilities: {}, line_items: items, ...extra },
  });
  expect(result.status).toBe(201);
  return result.json as unknown as import('@/lib/acp/types').CheckoutSession;
}

describe('session status', () => {
  it('goes incomplete → ready_for_payment once an address arrives, advertising the SPT handler', async () => {
    const created = await open([{ id: 'trail-runner-blue-10' }]);
    expect(created.status).toBe('incomplete');
    expect(errorCodes(created.messages)).toEqual(['error:missing']);
    expect(created.messages[0]).toMatchObject({
      param: '$.fulfillment_details.address',
      resolution: 'requires_buyer_input',
    });
    const handler = created.capabilities.payment?.handlers[0];
    expect(handler).toMatchObject({
      id: 'stripe_spt',
      name: 'dev.acp.tokenized.card',
      psp: 'stripe',
      config: { network_business_profile: expect.stringMatching(/^profile_/) },
    });
    expect(created.fulfillment_options.map((o) => o.id)).toEqual(['standard', 'express']);

    const updated = await h.post(`/checkout_sessions/${created.id}`, {
      fulfillment_details: { name: 'Ada Lovelace', email: 'ada@example.com', address: CA_ADDRESS },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.status).toBe('ready_for_payment');
    expect(updated.json.messages).toEqual([]);
    expect(updated.json.selected_fulfillment_options).toEqual([
      { type: 'shipping', option_id: 'standard', item_ids: [updated.json.line_items[0].id] },
    ]);
    expect(updated.json.line_items[0].id).toBe('li_trail-runner-blue-10');
  });

  it('switches to express with the spec’s update request shape, and refuses an option it does not offer', async () => {
    const created = await open([{ id: 'beacon-400-headlamp-black' }], {
      fulfillment_details: { address: CA_ADDRESS },
    });
    const before = totalOf(created);
    const body = structuredClone(examples.update_checkout_session_request);
    body.selected_fulfillment_options[0].option_id = 'express';
    body.selected_fulfillment_options[0].item_ids = ['beacon-400-headlamp-black'];
    const updated = await h.post(`/checkout_sessions/${created.id}`, body);
    expect(updated.status).toBe(200);
    expect(updated.json.selected_fulfillment_options?.[0].option_id).toBe('express');
    expect(totalOf(updated.json)).toBeGreaterThan(before);
    body.selected_fulfillment_options[0].option_id = 'teleport';
    const refused = await h.post(`/checkout_sessions/${created.id}`, body);
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      code: 'invalid_fulfillment_option',
      param: '$.selected_fulfillment_options[0].option_id',
    });
  });

  it('is not_ready_for_payment with out_of_stock for a sold-out item, recoverable by changing the items', async () => {
    const created = await open([{ id: 'drift-hammock-blue' }], {
      fulfillment_details: { address: CA_ADDRESS },
    });
    expect(created.status).toBe('not_ready_for_payment');
    expect(created.messages).toEqual([
      expect.objectContaining({ type: 'error', code: 'out_of_stock', param: '$.line_items[0]' }),
    ]);
    expect(created.line_items[0]).toMatchObject({
      availability_status: 'out_of_stock',
      available_quantity: 0,
    });
    const fixed = await h.post(`/checkout_sessions/${created.id}`, {
      line_items: [{ id: 'trail-runner-blue-10' }],
    });
    expect(fixed.json.status).toBe('ready_for_payment');
  });

  it('reports quantity over stock, a per-order maximum, and low stock, with Aisle’s quantity extension', async () => {
    const over = await open([{ id: 'featherline-1p-tent', quantity: 3 }], {
      fulfillment_details: { address: CA_ADDRESS },
    });
    expect(over.status).toBe('not_ready_for_payment');
    expect(errorCodes(over.messages)).toEqual(['error:quantity_exceeded']);
    expect(over.line_items[0].quantity).toBe(3);
    const max = await open([{ id: 'gift-card-25', quantity: 11 }]);
    expect(errorCodes(max.messages)).toEqual(['error:maximum_exceeded']);
    const low = await open([{ id: 'featherline-1p-tent', quantity: 1 }], {
      fulfillment_details: { address: CA_ADDRESS },
    });
    expect(low.status).toBe('ready_for_payment');
    expect(errorCodes(low.messages)).toEqual(['warning:low_stock']);
  });

  it('adds up an item listed twice', async () => {
    const created = await open([{ id: 'trail-runner-blue-10' }, { id: 'trail-runner-blue-10', quantity: 2 }]);
    expect(created.line_items).toHaveLength(1);
    expect(created.line_items[0].quantity).toBe(3);
  });

  it('flags an invalid address field by field, and a country the seller does not ship to', async () => {
    const bad = await open([{ id: 'trail-runner-blue-10' }], {
      fulfillment_details: { address: { ...CA_ADDRESS, state: 'ZZ', postal_code: 'abc' } },
    });
    expect(bad.status).toBe('not_ready_for_payment');
    expect(bad.messages.map((m) => m.param)).toEqual([
      '$.fulfillment_details.address.state',
      '$.fulfillment_details.address.postal_code',
    ]);
    expect(errorCodes(bad.messages)).toEqual(['error:invalid', 'error:invalid']);
    const abroad = await open([{ id: 'trail-runner-blue-10' }], {
      fulfillment_details: { address: TOKYO_ADDRESS },
    });
    expect(errorCodes(abroad.messages)).toEqual(['error:region_restricted']);
    expect(abroad.fulfillment_options).toEqual([]);
  });

  it('sells digital goods without an address, delivered by email', async () => {
    const created = await open([{ id: 'mixing-course' }], {}, 'volt-audio');
    expect(created.status).toBe('ready_for_payment');
    expect(created.fulfillment_options).toEqual([
      expect.objectContaining({ type: 'digital', id: 'email_delivery' }),
    ]);
  });

  it('speaks Japanese when the agent asks for it, in yen with consumption tax', async () => {
    const created = await open(
      [{ id: 'brazil-cerrado-200g', quantity: 2 }],
      { locale: 'ja-JP', fulfillment_details: { address: TOKYO_ADDRESS } },
      'kissa-tokyo',
    );
    expect(created.status).toBe('ready_for_payment');
    expect(created.currency).toBe('jpy');
    expect(created.line_items[0].name).toContain('ブラジル');
    expect(created.totals.find((t) => t.type === 'tax')?.display_text).toBe('消費税');
    const far = await h.post(
      `/checkout_sessions/${created.id}`,
      { line_items: [{ id: 'gift-card-3000', quantity: 11 }] },
      { seller: 'kissa-tokyo' },
    );
    expect(far.json.messages[0].content).toMatch(/点まで/);
  });

  it('expires after six hours: the session says so and refuses changes', async () => {
    const created = await open([{ id: 'gift-card-25' }]);
    const saved = bed.clock.now;
    bed.clock.now = new Date(saved.getTime() + 7 * 3600_000);
    try {
      const read = await h.get(`/checkout_sessions/${created.id}`);
      expect(read.json.status).toBe('expired');
      expect(errorCodes(read.json.messages)).toEqual(['error:expired']);
      const update = await h.post(`/checkout_sessions/${created.id}`, { buyer: { email: 'a@b.co' } });
      expect(update.status).toBe(400);
      expect(update.json).toMatchObject({ code: 'invalid_session_state' });
    } finally {
      bed.clock.now = saved;
    }
  });

  it('cancels once (405 the second time), then refuses updates and completion', async () => {
    const created = await open([{ id: 'trail-runner-blue-10' }], {
      fulfillment_details: { address: CA_ADDRESS },
    });
    const canceled = await h.post(
      `/checkout_sessions/${created.id}/cancel`,
      examples.cancel_checkout_session_request,
    );
    expect(canceled.status).toBe(200);
    expect(canceled.json.status).toBe('canceled');
    const again = await h.post(`/checkout_sessions/${created.id}/cancel`);
    expect(again.status).toBe(405);
    expect(again.json).toMatchObject({ code: 'session_not_cancelable' });
    expect((await h.post(`/checkout_sessions/${created.id}`, { buyer: { email: 'a@b.co' } })).status).toBe(
      400,
    );
    const read = await h.get(`/checkout_sessions/${created.id}`);
    expect(read.json.status).toBe('canceled');
  });

  it('cancels with no body at all', async () => {
    const created = await open([{ id: 'gift-card-25' }]);
    const canceled = await h.call('POST', `/checkout_sessions/${created.id}/cancel`);
    expect(canceled.status).toBe(200);
  });

  it('answers 404 for a session that does not exist', async () => {
    const read = await h.get('/checkout_sessions/cs_nope');
    expect(read.status).toBe(404);
    expect(read.json).toMatchObject({ type: 'invalid_request', code: 'session_not_found' });
  });

  it('answers GET with what the last update returned', async () => {
    const created = await open([{ id: 'trail-runner-blue-10' }], {
      fulfillment_details: { address: CA_ADDRESS },
    });
    const read = await h.get(`/checkout_sessions/${created.id}`);
    expect({ ...read.json, updated_at: undefined }).toEqual({ ...created, updated_at: undefined });
  });
});
