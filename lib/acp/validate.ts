import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import checkoutBundle from './spec/2026-04-17/schema.agentic_checkout.json';
import feedBundle from './spec/2026-04-17/schema.feed.json';

/**
 * Validation against the normative JSON Schemas of ACP 2026-04-17 (Ajv, draft 2020-12).
 * Request bodies are checked against a copy of the bundle whose `Item` also allows Aisle's
 * `quantity` extension; responses against the bundle exactly as published.
 */

export const CHECKOUT_DEFS = [
  'CheckoutSession',
  'CheckoutSessionWithOrder',
  'CheckoutSessionCreateRequest',
  'CheckoutSessionUpdateRequest',
  'CheckoutSessionCompleteRequest',
  'CancelSessionRequest',
  'DiscoveryResponse',
  'Order',
  'Error',
] as const;
export type CheckoutDef = (typeof CHECKOUT_DEFS)[number];
export type AcpSchemaName = CheckoutDef | 'OrderWebhookEvent' | 'FeedUpsertProductsRequest' | 'FeedProduct';

const CHECKOUT_ID = checkoutBundle.$id;
const EXTENDED_ID = 'https://aisle.local/schemas/agentic-checkout/bundle-with-quantity.schema.json';
const REQUEST_DEFS = new Set<AcpSchemaName>(['CheckoutSessionCreateRequest', 'CheckoutSessionUpdateRequest']);

function extendedBundle() {
  const copy = structuredClone(checkoutBundle) as unknown as {
    $id: string;
    $defs: Record<string, { properties?: Record<string, unknown> }>;
  };
  copy.$id = EXTENDED_ID;
  copy.$defs.Item.properties = { ...copy.$defs.Item.properties, quantity: { type: 'integer', minimum: 1 } };
  return copy;
}

/** The order webhook body, from openapi.agentic_checkout_webhook.yaml, with `data` the bundle's Order. */
const webhookEventSchema = {
  $id: 'https://aisle.local/schemas/agentic-checkout/webhook-event.schema.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    type: { type: 'string' },
    data: {
      allOf: [{ $ref: `${CHECKOUT_ID}#/$defs/Order` }],
      required: ['type', 'checkout_session_id', 'permalink_url', 'status'],
    },
  },
  required: ['type', 'data'],
};

let ajv: Ajv2020 | undefined;
const compiled = new Map<AcpSchemaName, ValidateFunction>();

function instance(): Ajv2020 {
  if (ajv) return ajv;
  // The published bundle uses the non-standard `example` keyword and OpenAPI-style hints: not strict.
  ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(checkoutBundle);
  ajv.addSchema(extendedBundle());
  ajv.addSchema(feedBundle);
  ajv.addSchema(webhookEventSchema);
  return ajv;
}

function validator(name: AcpSchemaName): ValidateFunction {
  const existing = compiled.get(name);
  if (existing) return existing;
  const a = instance();
  let ref: string;
  if (name === 'OrderWebhookEvent') ref = webhookEventSchema.$id;
  else if (name === 'FeedUpsertProductsRequest') ref = `${feedBundle.$id}#/$defs/UpsertProductsRequest`;
  else if (name === 'FeedProduct') ref = `${feedBundle.$id}#/$defs/Product`;
  else ref = `${REQUEST_DEFS.has(name) ? EXTENDED_ID : CHECKOUT_ID}#/$defs/${name}`;
  const fn = a.getSchema(ref);
  if (!fn) throw new Error(`No ACP schema ${name}`);
  compiled.set(name, fn);
  return fn;
}

export interface SchemaIssue {
  /** RFC 9535 JSONPath of the offending value, e.g. `$.line_items[0].id`. */
  path: string;
  message: string;
}
export type ValidationResult = { ok: true } | { ok: false; issues: SchemaIssue[] };

/** `/line_items/0/id` → `$.line_items[0].id` */
export function pointerToJsonPath(pointer: string): string {
  if (!pointer) return '$';
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) =>
        /^\d+$/.test(part)
          ? `[${part}]`
          : /^[A-Za-z_][A-Za-z0-9_]*$/.test(part)
            ? `.${part}`
            : `['${part.replace(/'/g, "\\'")}']`,
      )
      .join('')
  );
}

function describe(error: ErrorObject): SchemaIssue {
  let path = pointerToJsonPath(error.instancePath);
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty?: string }).additionalProperty);
    path = `${path}.${extra}`;
    message = 'is not a known field';
  } else if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty?: string }).missingProperty);
    path = `${path}.${missing}`;
    message = 'is required';
  }
  return { path, message };
}

/** Validates a value against one of ACP's schemas; the issues name the offending field by JSONPath. */
export function validateAcp(name: AcpSchemaName, value: unknown): ValidationResult {
  const fn = validator(name);
  if (fn(value)) return { ok: true };
  return { ok: false, issues: (fn.errors ?? []).map(describe) };
}
