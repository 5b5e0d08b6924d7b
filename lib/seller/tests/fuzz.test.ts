import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validateAcp } from '@/lib/acp/validate';
import { openSellerTestbed, sellerBaseUrl, type SellerTestbed } from '@/lib/seller/testing';
import { CA_ADDRESS, completeBody, harness } from './harness';

/**
 * 3,200 malformed requests — bad JSON, wrong types, unknown ids, huge and deeply nested bodies,
 * missing or wrong headers, odd paths and methods, NUL and unpaired surrogates in any string or
 * member name, absurd quantities — and not one answer may be a 5xx. Every error must still be
 * ACP's flat error, and nothing printed meanwhile may carry the buyer's name, phone or address.
 * The generator is seeded; a failure prints the seed.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20260417);
const REQUESTS = 3200;

/** The buyer's details every template carries: none of them may ever reach the log. */
const PII = {
  name: 'Philippa Quaritch',
  phone: '+14155550199',
  line: '742 Evergreen Terrace',
  email: 'philippa.q@example.com',
};
const PII_ADDRESS = { ...CA_ADDRESS, name: PII.name, line_one: PII.line };

const BAD_TEXT = ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\ud83d'];
const BAD_QUANTITIES = [1e9, 2 ** 31, 10_000, 1e15];

const printed: string[] = [];
const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;

let bed: SellerTestbed;
let sessionId: string;
let orderId: string;
let apiKey: string;
beforeAll(async () => {
  for (const method of consoleMethods)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(format(...args)));
  bed = await openSellerTestbed();
  apiKey = await bed.apiKey('summit-outfitters');
  const h = harness(bed);
  const created = await h.post('/checkout_sessions', {
    currency: 'usd',
    capabilities: {},
    line_items: [{ id: 'trail-runner-blue-8' }],
    fulfillment_details: { address: CA_ADDRESS },
  });
  sessionId = created.json.id;
  const other = await h.post('/checkout_sessions', {
    currency: 'usd',
    capabilities: {},
    line_items: [{ id: 'gift-card-25' }],
  });
  const token = await bed.mintSpt('summit-outfitters', { maxAmount: 2500 });
  orderId = (await h.post(`/checkout_sessions/${other.json.id}/complete`, completeBody(token))).json.order!
    .id;
});
afterAll(async () => {
  vi.restoreAllMocks();
  await bed.close();
});

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIRD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  '',
  ' ',
  'x'.repeat(6000),
  '\u0000',
  '💥',
  '<script>',
  "' or 1=1 --",
  [],
  [null],
  {},
  { $ref: '#' },
  { __proto__: { admin: true } },
  ['a', 1, null],
  'spt_' + 'z'.repeat(300),
  '../../etc/passwd',
  'NaN',
];

describe('fuzzing the ACP endpoints', () => {
  it(
    `answers ${REQUESTS} malformed requests without a single 5xx, always with a flat error (seed ${SEED})`,
    { timeout: 600_000 },
    async () => {
      const random = prng(SEED);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
      const weird = () => pick(WEIRD_VALUES);

      function mutate(value: unknown, depth = 0): unknown {
        if (depth > 4 || random() < 0.15) return weird();
        if (Array.isArray(value)) return random() < 0.2 ? [] : value.map((v) => mutate(v, depth + 1));
        if (value && typeof value === 'object') {
          const out: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(value)) {
            const roll = random();
            if (roll < 0.1) continue;
            out[roll < 0.15 ? `${k}_x` : k] = roll < 0.6 ? mutate(v, depth + 1) : v;
          }
          if (random() < 0.1) out[pick(['extra', 'quantity', 'id', 'payment_data'])] = weird();
          return out;
        }
        return random() < 0.5 ? weird() : value;
      }

      const templates = () => {
        const buyer = { first_name: PII.name, email: PII.email, phone_number: PII.phone };
        const fulfillment_details = { name: PII.name, phone_number: PII.phone, address: PII_ADDRESS };
        const create = {
          currency: 'usd',
          capabilities: {},
          line_items: [{ id: 'trail-runner-blue-8', quantity: 2 }],
          buyer,
          fulfillment_details,
          locale: 'en-US',
          order_notes: 'Leave at the door',
          metadata: { campaign: 'winter' },
        };
        const update = {
          line_items: [{ id: 'gift-card-25' }],
          selected_fulfillment_options: [{ type: 'shipping', option_id: 'express', item_ids: ['x'] }],
          buyer,
          fulfillment_details,
        };
        const complete = { ...completeBody('spt_' + Math.floor(random() * 1e9)), buyer };
        return [
          { path: '/checkout_sessions', body: create },
          { path: `/checkout_sessions/${sessionId}`, body: update },
          { path: `/checkout_sessions/${sessionId}/complete`, body: complete },
          {
            path: `/checkout_sessions/${sessionId}/cancel`,
            body: { intent_trace: { reason_code: 'other' } },
          },
          { path: `/orders/${orderId}/cancel`, body: { reason: 'x' } },
        ];
      };
      const oddPaths = [
        '/checkout_sessions/',
        '/checkout_sessions/%00',
        '/checkout_sessions/' + 'a'.repeat(500),
        '/checkout_sessions/cs_nope/complete',
        '/checkout_sessions/../orders',
        '/orders/',
        '/orders/ord_nope',
        '/orders/ord_nope/cancel',
        '/.well-known/acp.json/x',
        '/checkout_sessions/%E2%98%83',
        '/checkout_sessions/cs_1/refund',
        '//checkout_sessions',
      ];

      /** A copy of `value` with one string, member name or quantity made unacceptable. */
      function poison(value: unknown): unknown {
        const spots: { parent: Record<string, unknown> | unknown[]; key: string | number; kind: string }[] =
          [];
        const copy = structuredClone(value);
        const walk = (node: unknown) => {
          if (Array.isArray(node)) node.forEach((v, i) => (visit(node, i, v), walk(v)));
          else if (node && typeof node === 'object')
            for (const [k, v] of Object.entries(node)) {
              visit(node as Record<string, unknown>, k, v);
              spots.push({ parent: node as Record<string, unknown>, key: k, kind: 'key' });
              walk(v);
            }
        };
        const visit = (parent: Record<string, unknown> | unknown[], key: string | number, v: unknown) => {
          if (typeof v === 'string') spots.push({ parent, key, kind: 'string' });
          if (key === 'quantity') spots.push({ parent, key, kind: 'quantity' });
        };
        walk(copy);
        const spot = pick(spots);
        const bad = pick(BAD_TEXT);
        if (spot.kind === 'quantity')
          (spot.parent as Record<string, unknown>).quantity = pick(BAD_QUANTITIES);
        else if (spot.kind === 'string') (spot.parent as Record<string | number, unknown>)[spot.key] = bad;
        else {
          const parent = spot.parent as Record<string, unknown>;
          parent[`${String(spot.key)}${bad}`] = parent[spot.key];
          delete parent[spot.key];
        }
        return copy;
      }

      let count = 0;
      let poisoned = 0;
      const failures: string[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const template = pick(templates());
        let path = template.path;
        let method = 'POST';
        let body: string | undefined;
        const headers: Record<string, string> = {
          Authorization: `Bearer ${apiKey}`,
          'API-Version': '2026-04-17',
          'Idempotency-Key': `fuzz-${i}`,
          'Content-Type': 'application/json',
        };
        const kind = i % 10;
        if (kind === 0)
          body =
            JSON.stringify(template.body).slice(0, Math.floor(random() * 40)) +
            pick(['', '}', ']]', '\u0000', '\\']);
        else if (kind === 1 || kind === 2) body = JSON.stringify(mutate(template.body));
        else if (kind === 3)
          body = JSON.stringify(
            pick([
              null,
              [],
              'text',
              42,
              [template.body],
              { ...template.body, nested: JSON.parse('['.repeat(200) + ']'.repeat(200)) },
            ]),
          );
        else if (kind === 4)
          body =
            random() < 0.5
              ? JSON.stringify({ ...template.body, padding: 'x'.repeat(70_000) })
              : '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
        else if (kind === 5) {
          body = JSON.stringify(template.body);
          const drop = pick(['Authorization', 'API-Version', 'Idempotency-Key', 'Content-Type']);
          if (random() < 0.5) delete headers[drop];
          else headers[drop] = pick(['', 'Bearer', 'Basic abc', '1999-01-01', 'text/html', 'x'.repeat(300)]);
        } else if (kind === 6) {
          path = pick(oddPaths);
          method = pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
          body = method === 'GET' ? undefined : JSON.stringify(mutate(template.body));
        } else if (kind === 7) {
          body = JSON.stringify(mutate(template.body));
          headers['Idempotency-Key'] = `fuzz-shared-${i % 5}`;
        } else body = JSON.stringify(poison(template.body));
        const response = await bed.fetch(`${sellerBaseUrl('summit-outfitters')}${path}`, {
          method,
          headers,
          body,
        });
        count++;
        const text = await response.text();
        if (kind >= 8) {
          poisoned++;
          const error = response.status === 400 ? JSON.parse(text) : null;
          if (!error?.param)
            failures.push(
              `poisoned ${path} ${body} → ${response.status} without a param: ${text.slice(0, 200)}`,
            );
        }
        if (response.status >= 500)
          failures.push(
            `${method} ${path} ${body?.slice(0, 120)} → ${response.status} ${text.slice(0, 200)}`,
          );
        else if (response.status >= 400) {
          const parsed = JSON.parse(text);
          if (!validateAcp('Error', parsed).ok)
            failures.push(`${method} ${path} → ${response.status} not a flat error: ${text.slice(0, 200)}`);
        }
      }
      expect(failures, `FUZZ_SEED=${SEED}`).toEqual([]);
      expect(count).toBeGreaterThanOrEqual(3000);
      expect(poisoned).toBeGreaterThanOrEqual(600);
      const log = printed.join('\n');
      for (const secret of [PII.name, PII.phone, PII.line, PII.email, apiKey])
        expect(log, `FUZZ_SEED=${SEED}`).not.toContain(secret);
    },
  );
});
