import { describe, expect, it } from 'vitest';
import { StripeApiError } from './errors';
import { parseBody, parseForm } from './form';

describe('Stripe form decoding', () => {
  it('reads indexed arrays as stripe-node sends them and bracket arrays as curl users write them', () => {
    expect(parseForm('expand[0]=latest_charge&expand[1]=customer')).toEqual({
      expand: ['latest_charge', 'customer'],
    });
    expect(parseForm('expand[]=latest_charge&expand[]=customer')).toEqual({
      expand: ['latest_charge', 'customer'],
    });
  });

  it('nests hashes to any depth Stripe uses', () => {
    const params = parseForm(
      'payment_method_data[card][number]=4242424242424242&payment_method_data[card][exp_month]=12&payment_method_data[billing_details][address][postal_code]=94107&usage_limits[max_amount]=5000',
    );
    expect(params).toEqual({
      payment_method_data: {
        card: { number: '4242424242424242', exp_month: '12' },
        billing_details: { address: { postal_code: '94107' } },
      },
      usage_limits: { max_amount: '5000' },
    });
  });

  it('keeps metadata keys as keys even when they look like indexes', () => {
    expect(parseForm('metadata[order_id]=42&metadata[0]=first')).toEqual({
      metadata: { order_id: '42', '0': 'first' },
    });
    expect(parseForm('metadata[1]=a&metadata[2]=b').metadata).toEqual({ '1': 'a', '2': 'b' });
  });

  it('decodes percent-encoded brackets and values', () => {
    expect(parseForm('metadata%5Bnote%5D=caf%C3%A9%20%26%20bar')).toEqual({
      metadata: { note: 'café & bar' },
    });
  });

  it('builds arrays of hashes', () => {
    expect(parseForm('items[0][price]=a&items[0][quantity]=1&items[1][price]=b')).toEqual({
      items: [{ price: 'a', quantity: '1' }, { price: 'b' }],
    });
  });

  it('refuses a parameter given both as a value and as a hash with a 400, not a crash', () => {
    expect(() => parseForm('card=x&card[number]=4242')).toThrow(StripeApiError);
    expect(() => parseForm('card[number]=4242&card=x')).toThrow(StripeApiError);
    expect(() => parseForm('a[b]c=1')).toThrow(StripeApiError);
  });

  it('accepts JSON bodies and refuses broken ones as a Stripe error', () => {
    expect(parseBody('{"amount":100}', 'application/json')).toEqual({ amount: 100 });
    try {
      parseBody('{', 'application/json');
      expect.unreachable();
    } catch (error) {
      expect((error as StripeApiError).status).toBe(400);
    }
  });
});
