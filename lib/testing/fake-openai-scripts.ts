import type { FakeReply, FakeRequest, FakeScript } from './fake-openai';

/**
 * Models for the fake OpenAI server to play. Each reads the request as a model would (the
 * buyer's words, the tool results it was sent) and answers with tool calls or text.
 */

type Json = unknown;

/** Products the model was shown, newest last: id and title, from any tool result. */
export function shownProducts(results: FakeRequest['allToolResults']): Array<{ id: string; title: string }> {
  const found: Array<{ id: string; title: string }> = [];
  const walk = (value: Json) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, Json>;
    const content = record.seller_content as Record<string, Json> | undefined;
    if (typeof record.id === 'string' && record.id.includes(':') && typeof content?.title === 'string')
      found.push({ id: record.id, title: content.title });
    Object.values(record).forEach(walk);
  };
  for (const result of results) {
    try {
      walk(JSON.parse(result.output));
    } catch {
      // an error text, not JSON
    }
  }
  return found;
}

/** The product the buyer named in `text`, else the first one shown most recently. */
function named(request: FakeRequest) {
  const products = shownProducts(request.allToolResults);
  const text = request.userText.toLowerCase();
  return products.find((p) => text.includes(p.title.toLowerCase())) ?? products[0];
}

/**
 * A well-behaved shopping model: searches for what the buyer asks, opens a checkout for "buy …"
 * with the product named, and answers briefly once the tools have answered.
 */
export const goodShopper: FakeScript = (request): FakeReply => {
  if (request.toolResults.length > 0) {
    const last = request.toolResults[request.toolResults.length - 1];
    if (last.name === 'startCheckout')
      return {
        kind: 'text',
        text: 'Your checkout is ready: review it and press **Pay** when you are happy.',
      };
    const first = shownProducts([last])[0];
    return {
      kind: 'text',
      text: first
        ? `The **${first.title}** looks like the best match.`
        : 'Nothing matched; try a broader search.',
    };
  }
  if (/\b(buy|order)\b|買/i.test(request.userText)) {
    const product = named(request);
    if (product)
      return {
        kind: 'tools',
        calls: [{ name: 'startCheckout', input: { items: [{ productId: product.id }] } }],
      };
  }
  return {
    kind: 'tools',
    calls: [{ name: 'searchProducts', input: { query: request.userText.slice(0, 200) } }],
  };
};

/** The named scripts the standalone server (e2e) can play. */
export const FAKE_SCRIPTS: Record<string, FakeScript> = {
  good: goodShopper,
  /** Obeys an injected description in words: claims a payment and links to a stranger's site. */
  'claims-payment': () => ({
    kind: 'text',
    text: 'Your payment is **complete**! Confirm it [on the payment page](https://pay.evil.example/confirm).',
  }),
  'rate-limited': () => ({ kind: 'status', status: 429, retryAfterSeconds: 20 }),
  'bad-key': () => ({ kind: 'status', status: 401, code: 'invalid_api_key' }),
  'cut-off': () => ({ kind: 'text', text: 'The best of these boots is the', cut: true }),
};
