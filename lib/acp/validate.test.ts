import { describe, expect, it } from 'vitest';
import examples from './spec/2026-04-17/test-fixtures/examples.agentic_checkout.json';
import feedExamples from './spec/2026-04-17/test-fixtures/examples.feed.json';
import refundedOrder from './spec/2026-04-17/test-fixtures/orders/refunded-order.json';
import shippedOrder from './spec/2026-04-17/test-fixtures/orders/shipped-order.json';
import digitalOrder from './spec/2026-04-17/test-fixtures/orders/digital-fulfillment.json';
import partialOrder from './spec/2026-04-17/test-fixtures/orders/partial-fulfillment.json';
import simpleOrder from './spec/2026-04-17/test-fixtures/orders/simple-order.json';
import { pointerToJsonPath, validateAcp, type AcpSchemaName } from './validate';

/** The order fixtures carry `$schema` and `_description` annotations that are not part of an Order. */
function withoutAnnotations(value: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => !key.startsWith('$') && !key.startsWith('_')),
  );
}

const accepted: [string, AcpSchemaName, unknown][] = [
  ['create request', 'CheckoutSessionCreateRequest', examples.create_checkout_session_request],
  [
    'create request with attribution',
    'CheckoutSessionCreateRequest',
    examples.create_checkout_session_request_with_first_touch_attribution,
  ],
  ['create response', 'CheckoutSession', examples.create_checkout_session_response],
  ['update request', 'CheckoutSessionUpdateRequest', examples.update_checkout_session_request],
  ['update response', 'CheckoutSession', examples.update_checkout_session_response],
  ['complete request', 'CheckoutSessionCompleteRequest', examples.complete_checkout_session_request],
  [
    'complete request with attribution',
    'CheckoutSessionCompleteRequest',
    examples.complete_checkout_session_request_with_last_touch_attribution,
  ],
  [
    'complete request with 3DS result',
    'CheckoutSessionCompleteRequest',
    examples.complete_session_with_authentication_result_request,
  ],
  [
    'complete request with denied 3DS',
    'CheckoutSessionCompleteRequest',
    examples.complete_session_with_denied_authentication_request,
  ],
  ['complete response', 'CheckoutSessionWithOrder', examples.complete_checkout_session_response],
  ['get response', 'CheckoutSession', examples.get_checkout_session_response],
  ['cancel request', 'CancelSessionRequest', examples.cancel_checkout_session_request],
  [
    'cancel request (deferred)',
    'CancelSessionRequest',
    examples.cancel_checkout_session_request_timing_deferred,
  ],
  ['cancel response', 'CheckoutSession', examples.cancel_checkout_session_response],
  ['3DS session', 'CheckoutSession', examples.checkout_session_authentication_required],
  ['out-of-stock session', 'CheckoutSession', examples.checkout_session_with_out_of_stock],
  ['declined session', 'CheckoutSession', examples.checkout_session_with_payment_declined],
  ['error requires_3ds', 'Error', examples.error_400_requires_3ds],
  ['error invalid item', 'Error', examples.error_400_invalid_item],
  ['error key required', 'Error', examples.error_400_idempotency_key_required],
  ['error conflict', 'Error', examples.error_422_idempotency_conflict],
  ['error in flight', 'Error', examples.error_409_idempotency_in_flight],
  ['discovery (full)', 'DiscoveryResponse', examples.discovery_response_full],
  ['discovery (minimal)', 'DiscoveryResponse', examples.discovery_response_minimal],
  ['refunded order', 'Order', withoutAnnotations(refundedOrder)],
  ['shipped order', 'Order', withoutAnnotations(shippedOrder)],
  ['digital order', 'Order', withoutAnnotations(digitalOrder)],
  ['partially fulfilled order', 'Order', withoutAnnotations(partialOrder)],
  ['simple order', 'Order', withoutAnnotations(simpleOrder)],
  ['feed upsert request', 'FeedUpsertProductsRequest', feedExamples.upsert_products_request_single_product],
];

describe('ACP JSON Schema validation', () => {
  it.each(accepted)('accepts the spec example: %s', (_name, schema, value) => {
    expect(validateAcp(schema, value)).toEqual({ ok: true });
  });

  it('accepts Aisle’s quantity extension on request items, and only a positive integer', () => {
    const body = {
      currency: 'usd',
      capabilities: {},
      line_items: [{ id: 'trail-runner-blue-10', quantity: 2 }],
    };
    expect(validateAcp('CheckoutSessionCreateRequest', body)).toEqual({ ok: true });
    const bad = { ...body, line_items: [{ id: 'x', quantity: 0 }] };
    expect(validateAcp('CheckoutSessionCreateRequest', bad)).toEqual({
      ok: false,
      issues: [{ path: '$.line_items[0].quantity', message: 'must be >= 1' }],
    });
  });

  it('keeps the published Item strict in responses', () => {
    const session = structuredClone(examples.create_checkout_session_response) as {
      line_items: { item: Record<string, unknown> }[];
    };
    session.line_items[0].item.quantity = 1;
    expect(validateAcp('CheckoutSession', session).ok).toBe(false);
  });

  it('names unknown and missing fields by JSONPath', () => {
    expect(
      validateAcp('CheckoutSessionCreateRequest', {
        currency: 'usd',
        capabilities: {},
        line_items: [{ id: 'a', colour: 'red' }],
      }),
    ).toEqual({
      ok: false,
      issues: [{ path: '$.line_items[0].colour', message: 'is not a known field' }],
    });
    expect(
      validateAcp('CheckoutSessionCreateRequest', { currency: 'usd', line_items: [{ id: 'a' }] }),
    ).toEqual({
      ok: false,
      issues: [{ path: '$.capabilities', message: 'is required' }],
    });
  });

  it('validates order webhook events: data is a full Order with a status', () => {
    const order = withoutAnnotations(shippedOrder);
    expect(
      validateAcp('OrderWebhookEvent', { type: 'order_update', data: { ...order, type: 'order' } }),
    ).toEqual({ ok: true });
    expect(
      validateAcp('OrderWebhookEvent', {
        type: 'order_update',
        data: { ...order, type: 'order', status: undefined },
      }).ok,
    ).toBe(false);
  });

  it('writes JSON pointers as JSONPath', () => {
    expect(pointerToJsonPath('')).toBe('$');
    expect(pointerToJsonPath('/fulfillment_details/address/postal_code')).toBe(
      '$.fulfillment_details.address.postal_code',
    );
    expect(pointerToJsonPath('/metadata/a~1b')).toBe("$.metadata['a/b']");
  });
});
