import { describe, expect, it } from 'vitest';
import { SELLER_POLICIES } from '@/lib/seller/policies';
import { findCatalogItem } from '@/lib/seller/products';
import type { SessionInput } from './input';
import { quoteSession, type StockLevel } from './quote';

const now = new Date('2026-05-04T09:00:00Z'); // a Monday
const caAddress = {
  name: 'Ada Lovelace',
  line_one: '1 Market St',
  city: 'San Francisco',
  state: 'CA',
  country: 'US',
  postal_code: '94105',
};
const tokyoAddress = {
  name: '山田花子',
  line_one: '1-2-3 Jingumae',
  city: 'Shibuya-ku',
  state: 'Tokyo',
  country: 'JP',
  postal_code: '150-0001',
};

function stockFor(
  sellerId: string,
  ids: string[],
  override: Record<string, number> = {},
): Map<string, StockLevel> {
  return new Map(
    ids.map((id) => {
      const found = findCatalogItem(sellerId, id)!;
      return [
        found.variant.id,
        { price: found.variant.price, available: override[id] ?? found.variant.stock },
      ];
    }),
  );
}

function quote(
  sellerId: keyof typeof SELLER_POLICIES,
  input: SessionInput,
  override: Record<string, number> = {},
) {
  return quoteSession(
    SELLER_POLICIES[sellerId],
    sellerId,
    input,
    stockFor(
      sellerId,
      input.items.map((i) => i.id),
      override,
    ),
    now,
  );
}

const amount = (q: ReturnType<typeof quote>, type: string) => q.totals.find((t) => t.type === type)?.amount;

describe('pricing a session', () => {
  it('charges California’s base sales tax on goods, not on shipping, and ships free over $75', () => {
    const q = quote('summit-outfitters', {
      items: [{ id: 'trail-runner-blue-10', quantity: 1 }],
      fulfillmentDetails: { address: caAddress },
    });
    expect(q.readiness).toBe('ready');
    expect(amount(q, 'subtotal')).toBe(12900);
    expect(amount(q, 'fulfillment')).toBe(0);
    expect(amount(q, 'tax')).toBe(935); // 7.25% of $129.00 = $9.3525
    expect(amount(q, 'total')).toBe(12900 + 935);
    expect(q.totals.find((t) => t.type === 'tax')?.breakdown).toEqual([
      { jurisdiction: 'US-CA', rate: 0.0725, amount: 935 },
    ]);
    expect(q.selectedFulfillmentOptions).toEqual([
      { type: 'shipping', option_id: 'standard', item_ids: ['li_trail-runner-blue-10'] },
    ]);
  });

  it('charges for shipping under the free threshold and honours the chosen express option', () => {
    const input: SessionInput = {
      items: [{ id: 'trail-runner-blue-10', quantity: 1 }],
      fulfillmentDetails: { address: { ...caAddress, state: 'OR', postal_code: '97201' } },
    };
    const cheap = quote('volt-audio', { items: [{ id: 'eq-preset-pack', quantity: 1 }] });
    expect(cheap.fulfillmentOptions.map((o) => o.type)).toEqual(['digital']);
    const express = quote('summit-outfitters', { ...input, shippingOptionId: 'express' });
    expect(amount(express, 'fulfillment')).toBe(1499);
    expect(amount(express, 'tax')).toBe(0); // Oregon has no sales tax
    const option = express.fulfillmentOptions.find((o) => o.id === 'express');
    expect(option).toMatchObject({
      type: 'shipping',
      earliest_delivery_time: '2026-05-05T18:00:00.000Z',
      latest_delivery_time: '2026-05-06T18:00:00.000Z',
    });
  });

  it('applies Japan’s 8% reduced rate to coffee beans and 10% to a kettle and to shipping', () => {
    const q = quote('kissa-tokyo', {
      items: [
        { id: 'brazil-cerrado-200g', quantity: 1 },
        { id: 'gooseneck-drip-kettle-stainless', quantity: 1 },
      ],
      fulfillmentDetails: { address: tokyoAddress },
      shippingOptionId: 'express',
      locale: 'ja-JP',
    });
    const beans = findCatalogItem('kissa-tokyo', 'brazil-cerrado-200g')!.variant.price;
    expect(q.readiness).toBe('ready');
    const breakdown = q.totals.find((t) => t.type === 'tax')?.breakdown;
    expect(breakdown).toEqual([
      { jurisdiction: 'JP (8% reduced)', rate: 0.08, amount: Math.floor(beans * 0.08) },
      { jurisdiction: 'JP (10%)', rate: 0.1, amount: 680 + 120 },
    ]);
    expect(amount(q, 'fulfillment')).toBe(1200);
    expect(q.totals.find((t) => t.type === 'total')?.display_text).toBe('合計');
    expect(q.lineItems[0].name).toBe('ブラジル セラード — 200g');
  });

  it('ships abroad by EMS without Japanese consumption tax, and refuses a country it does not serve', () => {
    const abroad = quote('kissa-tokyo', {
      items: [{ id: 'gooseneck-drip-kettle-stainless', quantity: 1 }],
      fulfillmentDetails: { address: caAddress },
    });
    expect(abroad.fulfillmentOptions.map((o) => o.id)).toEqual(['international']);
    expect(amount(abroad, 'tax')).toBe(0);
    expect(amount(abroad, 'fulfillment')).toBe(3500);
    const nowhere = quote('summit-outfitters', {
      items: [{ id: 'trail-runner-blue-10', quantity: 1 }],
      fulfillmentDetails: { address: tokyoAddress },
    });
    expect(nowhere.readiness).toBe('blocked');
    expect(nowhere.messages).toEqual([
      expect.objectContaining({
        type: 'error',
        code: 'region_restricted',
        param: '$.fulfillment_details.address.country',
      }),
    ]);
  });

  it('needs an address for goods but not for a gift card, which is never taxed', () => {
    const goods = quote('summit-outfitters', { items: [{ id: 'trail-runner-blue-10', quantity: 1 }] });
    expect(goods.readiness).toBe('incomplete');
    expect(goods.messages).toEqual([
      expect.objectContaining({ code: 'missing', param: '$.fulfillment_details.address' }),
    ]);
    const gift = quote('summit-outfitters', { items: [{ id: 'gift-card-50', quantity: 2 }] });
    expect(gift.readiness).toBe('ready');
    expect(amount(gift, 'total')).toBe(10000);
    expect(gift.lineItems[0]).toMatchObject({ tax_exempt: true });
    expect(gift.selectedFulfillmentOptions).toEqual([
      { type: 'digital', option_id: 'email_delivery', item_ids: ['li_gift-card-50'] },
    ]);
  });

  it('taxes a digital download bought without an address at the seller’s home state', () => {
    const q = quote('volt-audio', { items: [{ id: 'mixing-course', quantity: 1 }] });
    expect(q.readiness).toBe('ready');
    expect(amount(q, 'tax')).toBe(Math.round(7900 * 0.0725));
  });

  it('reports an invalid state and ZIP with the field they concern', () => {
    const q = quote('summit-outfitters', {
      items: [{ id: 'trail-runner-blue-10', quantity: 1 }],
      fulfillmentDetails: { address: { ...caAddress, state: 'XX', postal_code: '9410' } },
    });
    expect(q.readiness).toBe('blocked');
    expect(q.messages.map((m) => [m.type === 'error' && m.code, m.param])).toEqual([
      ['invalid', '$.fulfillment_details.address.state'],
      ['invalid', '$.fulfillment_details.address.postal_code'],
    ]);
  });

  it('flags out-of-stock, over-stock and low-stock lines', () => {
    const out = quote('summit-outfitters', {
      items: [{ id: 'drift-hammock-blue', quantity: 1 }],
      fulfillmentDetails: { address: caAddress },
    });
    expect(out.readiness).toBe('blocked');
    expect(out.messages[0]).toMatchObject({ type: 'error', code: 'out_of_stock', param: '$.line_items[0]' });
    expect(out.lineItems[0]).toMatchObject({ availability_status: 'out_of_stock', available_quantity: 0 });

    const over = quote('summit-outfitters', {
      items: [{ id: 'featherline-1p-tent', quantity: 2 }],
      fulfillmentDetails: { address: caAddress },
    });
    expect(over.messages[0]).toMatchObject({ type: 'error', code: 'quantity_exceeded' });
    expect(over.messages[0].content).toContain('Only 1');

    const low = quote('summit-outfitters', {
      items: [{ id: 'featherline-1p-tent', quantity: 1 }],
      fulfillmentDetails: { address: caAddress },
    });
    expect(low.readiness).toBe('ready');
    expect(low.messages[0]).toMatchObject({ type: 'warning', code: 'low_stock' });

    const many = quote('summit-outfitters', { items: [{ id: 'gift-card-25', quantity: 11 }] });
    expect(many.messages[0]).toMatchObject({ type: 'error', code: 'maximum_exceeded' });
  });
});
