import type Stripe from 'stripe';
import type { CheckoutSession, Order } from '@/lib/acp/types';

/**
 * A minimal ACP seller for the agent's tests: one fixed-price item per line, a flat shipping option,
 * idempotency by key, and a real charge of the SPT through the seller's Stripe client (the
 * emulator). Faults can be injected to prove the agent's retries: a complete whose answer is
 * lost after the charge went through, or a seller that does not answer at all.
 */
export interface FakeSellerOptions {
  id: string;
  stripe: Stripe;
  /** The seller's Stripe network business profile, named in its payment handler as a real seller does. */
  networkBusinessProfile: string;
  currency?: string;
  unitAmount?: number;
  /** Stock per item id; an item without an entry is unlimited. */
  stock?: Record<string, number>;
}

export interface FakeSeller {
  fetch: typeof fetch;
  baseUrl: string;
  /** PaymentIntents the seller created (each a charge attempt). */
  charges: Stripe.PaymentIntent[];
  /** Completes that reached the seller, replays excluded. */
  completes: number;
  faults: { loseNextCompleteAnswer?: boolean; down?: boolean; delayCompleteMs?: number };
  setPrice(amount: number): void;
  setStock(itemId: string, units: number): void;
}

interface StoredSession {
  id: string;
  items: { id: string; quantity: number }[];
  address?: unknown;
  shipping: string;
  status: CheckoutSession['status'];
  order?: Order;
  message?: { code: string; content: string };
}

export function createFakeSeller(options: FakeSellerOptions): FakeSeller {
  const baseUrl = `http://fake-seller.test/sellers/${options.id}`;
  const currency = options.currency ?? 'usd';
  let unit = options.unitAmount ?? 2500;
  const stock = { ...(options.stock ?? {}) };
  const sessions = new Map<string, StoredSession>();
  const replies = new Map<string, { status: number; body: unknown }>();
  const charges: Stripe.PaymentIntent[] = [];
  let counter = 0;

  const shippingCost = () => (currency === 'jpy' ? 600 : 500);
  function view(s: StoredSession): CheckoutSession {
    const lines = s.items.map((item, i) => ({
      id: `li_${i}`,
      item: { id: item.id },
      quantity: item.quantity,
      name: `Item ${item.id}`,
      images: [`/products/${options.id}/${item.id}.svg`],
      unit_amount: unit,
      totals: [{ type: 'total' as const, display_text: 'Total', amount: unit * item.quantity }],
    }));
    const subtotal = lines.reduce((sum, l) => sum + unit * l.quantity, 0);
    const soldOut = s.items.find((item) => item.id in stock && stock[item.id] < item.quantity);
    const messages: CheckoutSession['messages'] = [];
    if (soldOut && s.status !== 'completed')
      messages.push({
        type: 'error',
        code: 'out_of_stock',
        content_type: 'plain',
        content: `${soldOut.id} is out of stock.`,
      });
    if (s.message)
      messages.push({
        type: 'error',
        code: s.message.code,
        content_type: 'plain',
        content: s.message.content,
      });
    const status =
      s.status === 'completed' || s.status === 'authentication_required'
        ? s.status
        : soldOut
          ? 'not_ready_for_payment'
          : 'ready_for_payment';
    return {
      id: s.id,
      capabilities: {
        payment: {
          handlers: [
            {
              id: 'card_tokenized',
              name: 'dev.acp.tokenized.card',
              version: '2026-01-22',
              spec: 'https://acp.dev/handlers/tokenized.card',
              requires_delegate_payment: true,
              requires_pci_compliance: false,
              psp: 'stripe',
              config_schema: 'x',
              instrument_schemas: ['x'],
              config: { network_business_profile: options.networkBusinessProfile },
            },
          ],
        },
      },
      status,
      currency,
      line_items: lines,
      fulfillment_options: [
        {
          type: 'shipping',
          id: 'standard',
          title: 'Standard',
          totals: [{ type: 'total', display_text: 'Shipping', amount: shippingCost() }],
        },
      ],
      selected_fulfillment_options: [
        { type: 'shipping', option_id: s.shipping, item_ids: s.items.map((i) => i.id) },
      ],
      totals: [
        { type: 'subtotal', display_text: 'Subtotal', amount: subtotal },
        { type: 'fulfillment', display_text: 'Shipping', amount: shippingCost() },
        { type: 'total', display_text: 'Total', amount: subtotal + shippingCost() },
      ],
      messages,
      links: [],
      ...(s.order ? { order: s.order } : {}),
      ...(s.address ? { fulfillment_details: { address: s.address as never } } : {}),
    };
  }

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  async function complete(
    s: StoredSession,
    body: { payment_data?: { instrument?: { credential?: { token?: string } } } },
    key: string,
  ): Promise<{ status: number; body: unknown }> {
    const token = body.payment_data?.instrument?.credential?.token;
    if (!token)
      return { status: 400, body: { type: 'invalid_request', code: 'missing', message: 'token required' } };
    const session = view(s);
    if (session.status !== 'ready_for_payment') return { status: 200, body: session };
    const total = session.totals.find((t) => t.type === 'total')!.amount;
    s.message = undefined;
    try {
      const intent = await options.stripe.paymentIntents.create(
        {
          amount: total,
          currency,
          confirm: true,
          payment_method_data: { type: 'card', shared_payment_granted_token: token } as never,
        },
        { idempotencyKey: `fake:${key}` },
      );
      charges.push(intent);
      if (intent.status === 'requires_action') {
        s.status = 'authentication_required';
        return { status: 200, body: view(s) };
      }
      for (const item of s.items) if (item.id in stock) stock[item.id] -= item.quantity;
      s.status = 'completed';
      s.order = {
        id: `ord_${s.id}`,
        checkout_session_id: s.id,
        permalink_url: `${baseUrl}/orders/ord_${s.id}`,
        status: 'created',
        line_items: s.items.map((item, i) => ({
          id: `li_${i}`,
          title: `Item ${item.id}`,
          quantity: { ordered: item.quantity, current: item.quantity },
          unit_price: unit,
        })),
        totals: session.totals,
      };
      return {
        status: 200,
        body: {
          ...view(s),
          metadata: {
            payment_intent: {
              id: intent.id,
              status: intent.status,
              amount: intent.amount,
              currency: intent.currency,
            },
          },
        },
      };
    } catch (error) {
      const e = error as { statusCode?: number; code?: string; message?: string };
      if (e.statusCode === 402) {
        s.message = { code: 'payment_declined', content: e.message ?? 'Declined.' };
        return { status: 200, body: view(s) };
      }
      return {
        status: 400,
        body: { type: 'invalid_request', code: e.code ?? 'token_refused', message: e.message ?? 'Refused.' },
      };
    }
  }

  const seller: FakeSeller = {
    baseUrl,
    charges,
    completes: 0,
    faults: {},
    setPrice: (amount) => void (unit = amount),
    setStock: (itemId, units) => void (stock[itemId] = units),
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (seller.faults.down) throw new TypeError('fetch failed: connection refused');
      const path = new URL(request.url).pathname.replace(new URL(baseUrl).pathname, '');
      const key = request.headers.get('idempotency-key') ?? '';
      if (request.method === 'POST' && replies.has(key)) {
        const reply = replies.get(key)!;
        return new Response(JSON.stringify(reply.body), {
          status: reply.status,
          headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' },
        });
      }
      const body = request.method === 'POST' ? await request.json() : undefined;
      const match = path.match(/^\/checkout_sessions(?:\/([^/]+))?(\/complete)?$/);
      if (!match) return json(404, { type: 'invalid_request', code: 'not_found', message: 'no route' });
      let reply: { status: number; body: unknown };
      if (!match[1]) {
        const s: StoredSession = {
          id: `cs_${options.id}_${++counter}`,
          items: body.line_items.map((i: { id: string; quantity?: number }) => ({
            id: i.id,
            quantity: i.quantity ?? 1,
          })),
          shipping: 'standard',
          status: 'ready_for_payment',
          address: body.fulfillment_details?.address,
        };
        sessions.set(s.id, s);
        reply = { status: 201, body: view(s) };
      } else {
        const s = sessions.get(match[1]);
        if (!s) return json(404, { type: 'invalid_request', code: 'not_found', message: 'no session' });
        if (request.method === 'GET') return json(200, view(s));
        if (match[2]) {
          seller.completes++;
          if (seller.faults.delayCompleteMs)
            await new Promise((resolve) => setTimeout(resolve, seller.faults.delayCompleteMs));
          reply = await complete(s, body, key);
          if (seller.faults.loseNextCompleteAnswer) {
            seller.faults.loseNextCompleteAnswer = false;
            replies.set(key, reply);
            throw new TypeError('fetch failed: socket hang up');
          }
        } else {
          if (body.line_items)
            s.items = body.line_items.map((i: { id: string; quantity?: number }) => ({
              id: i.id,
              quantity: i.quantity ?? 1,
            }));
          if (body.fulfillment_details?.address) s.address = body.fulfillment_details.address;
          reply = { status: 200, body: view(s) };
        }
      }
      if (request.method === 'POST') replies.set(key, reply);
      return json(reply.status, reply.body);
    }) as typeof fetch,
  };
  return seller;
}
