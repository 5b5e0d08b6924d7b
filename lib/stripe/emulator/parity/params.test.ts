import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { openTestDatabase } from '@/lib/db/testing';
import { ROUTES } from '../router';
import { emulatorTestKit, type EmulatorTestKit } from '../testing';
import { readDeclarations, type Declared } from './sdk-declarations';
import { acceptedShape, type Accepted } from './zod-shape';

/**
 * Every emulated endpoint accepts only parameters the SDK (`stripe@22.7.0-beta.1`) declares for it,
 * with the same nesting, and refuses any other as Stripe does.
 */

/**
 * What Stripe.js sends to endpoints it may call with a publishable key, which the SDK (a server
 * library) does not declare: the client secret, and the card the buyer typed.
 */
const STRIPE_JS_PARAMS = [['client_secret'], ['payment_method_data', 'card']];

function withoutStripeJsParams(accepted: Accepted) {
  for (const path of STRIPE_JS_PARAMS) {
    let node: Accepted | undefined = accepted;
    for (const key of path.slice(0, -1)) node = node?.kind === 'object' ? node.fields.get(key) : undefined;
    if (node?.kind === 'object') node.fields.delete(path[path.length - 1]);
  }
}

function mismatches(accepted: Accepted, declared: Declared, name: string, out: string[]) {
  if (accepted.kind === 'leaf') {
    if (declared.kind === 'array') out.push(`${name}: the SDK declares a list`);
    else if (declared.kind === 'object' && declared.leaf.size === 0 && !declared.free)
      out.push(`${name}: the SDK declares a hash`);
    return;
  }
  if (accepted.kind === 'record') {
    if (declared.kind !== 'object' || !declared.free) out.push(`${name}: the SDK declares no free-form hash`);
    return;
  }
  if (accepted.kind === 'array') {
    if (declared.kind !== 'array') out.push(`${name}: the SDK declares no list`);
    else mismatches(accepted.element, declared.element, `${name}[]`, out);
    return;
  }
  if (declared.kind !== 'object') {
    out.push(`${name}: the SDK declares no hash`);
    return;
  }
  if (!accepted.strict) out.push(`${name}: the emulator's hash is not strict`);
  for (const [key, inner] of accepted.fields) {
    const child = name ? `${name}[${key}]` : key;
    const sdk = declared.fields.get(key);
    if (!sdk) out.push(`${child}: not declared by the SDK`);
    else mismatches(inner, sdk, child, out);
  }
}

const declaredRoutes = ROUTES.filter((route) => route.declared !== null);

describe('request parameters', () => {
  let declarations: Map<string, Declared>;
  beforeAll(() => {
    declarations = readDeclarations(declaredRoutes.map((route) => route.declared!));
  }, 180_000);

  it.each(declaredRoutes.map((route) => [`${route.method} ${route.pattern}`, route] as const))(
    '%s accepts only what the SDK declares',
    (_, route) => {
      const accepted = acceptedShape(route.params);
      if (route.publishable) withoutStripeJsParams(accepted);
      const problems: string[] = [];
      mismatches(accepted, declarations.get(route.declared!)!, '', problems);
      expect(problems).toEqual([]);
    },
  );
});

describe('unknown parameters', () => {
  let database: Database;
  let kit: EmulatorTestKit;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    kit = await emulatorTestKit(database.db);
  });
  afterAll(() => database?.close());

  it.each(ROUTES.map((route) => [`${route.method} ${route.pattern}`, route] as const))(
    '%s refuses an unknown parameter with parameter_unknown',
    async (_, route) => {
      const path = route.pattern.replace(/:\w+/g, 'xyz_123');
      const unknown = 'aisle_unknown=1';
      const response =
        route.method === 'POST'
          ? await kit.call('POST', path, { key: kit.keys.agent.secretKey, body: unknown })
          : await kit.call(route.method, `${path}?${unknown}`, { key: kit.keys.agent.secretKey });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({
        type: 'invalid_request_error',
        code: 'parameter_unknown',
        param: 'aisle_unknown',
        message: 'Received unknown parameter: aisle_unknown',
      });
    },
  );

  it('names a nested unknown parameter with its brackets', async () => {
    const response = await kit.call('POST', '/v1/customers', {
      key: kit.keys.agent.secretKey,
      body: 'shipping[name]=Ada&shipping[address][planet]=Mars',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({
      code: 'parameter_unknown',
      param: 'shipping[address][planet]',
      message: 'Received unknown parameter: shipping[address][planet]',
    });
  });
});
