import { z } from 'zod';
import { invalidRequest } from './errors';
import type { ParamValue, Params } from './form';

/**
 * zod building blocks for Stripe's wire format, where every leaf arrives as a string and an empty
 * string means "not set" (or "clear" on updates).
 */
const blank = (value: unknown) => (value === '' ? undefined : value);

export const intParam = z.preprocess(
  (v) => (typeof v === 'string' && /^-?\d{1,15}$/.test(v) ? Number(v) : blank(v)),
  z.number({ message: 'integer' }).int({ message: 'integer' }),
);
export const boolParam = z.preprocess(
  (v) => (v === 'true' ? true : v === 'false' ? false : blank(v)),
  z.boolean({ message: 'boolean' }),
);
export const stringParam = z.preprocess(blank, z.string().max(5000));
export const expandParam = z.array(z.string()).optional();

export const metadataParam = z.preprocess(
  (v) => (v === '' ? {} : v),
  z
    .record(
      z.string().max(40, 'metadata keys are at most 40 characters'),
      z.string().max(500, 'metadata values are at most 500 characters'),
    )
    .refine((m) => Object.keys(m).length <= 50, 'metadata has at most 50 keys'),
);

/** Currencies the emulator accepts, with the smallest charge Stripe allows in each (minor units). */
const MINIMUM_CHARGE: Record<string, number> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  jpy: 50,
  cad: 50,
  aud: 50,
  chf: 50,
  sek: 300,
  nok: 300,
  dkk: 250,
  nzd: 50,
  sgd: 50,
  hkd: 400,
  mxn: 1000,
  brl: 50,
  inr: 50,
  pln: 200,
  czk: 1500,
  krw: 500,
};
const ZERO_DECIMAL = new Set(['jpy', 'krw']);

export const currencyParam = z.preprocess(
  (v) => (typeof v === 'string' ? v.toLowerCase() : v),
  z.string().refine((c) => c in MINIMUM_CHARGE, { message: 'currency' }),
);

export const MAX_AMOUNT = 99_999_999;

export function minimumCharge(currency: string): number {
  return MINIMUM_CHARGE[currency] ?? 50;
}

export function formatMinor(amount: number, currency: string): string {
  const major = ZERO_DECIMAL.has(currency) ? String(amount) : (amount / 100).toFixed(2);
  return `${major} ${currency}`;
}

export function paramName(path: PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  return head + rest.map((p) => `[${p}]`).join('');
}

function valueAt(params: Params, path: PropertyKey[]): ParamValue | undefined {
  let node: ParamValue | undefined = params;
  for (const key of path) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = (node as Record<string, ParamValue>)[String(key)];
  }
  return node;
}

/** Validates params against a schema; the first problem becomes Stripe's 400 for that param. */
export function parseParams<T extends z.ZodType>(schema: T, params: Params): z.output<T> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  // Like Stripe, an unknown parameter is named before any problem with a known one.
  const unknown = result.error.issues.find(
    (i): i is z.core.$ZodIssueUnrecognizedKeys => i.code === 'unrecognized_keys',
  );
  if (unknown) {
    const name = paramName([...unknown.path, unknown.keys[0]]);
    throw invalidRequest(`Received unknown parameter: ${name}`, { code: 'parameter_unknown', param: name });
  }
  const issue = result.error.issues[0];
  const name = paramName(issue.path);
  const raw = valueAt(params, issue.path);
  if (raw === undefined || raw === '') {
    throw invalidRequest(`Missing required param: ${name}.`, { code: 'parameter_missing', param: name });
  }
  if (issue.message === 'integer') {
    throw invalidRequest(`Invalid integer: ${String(raw)}`, {
      code: 'parameter_invalid_integer',
      param: name,
    });
  }
  if (issue.message === 'boolean') {
    throw invalidRequest(`Invalid boolean: ${String(raw)}`, { param: name });
  }
  if (issue.message === 'currency') {
    throw invalidRequest(
      `Invalid currency: ${String(raw)}. Stripe currently supports these currencies: ${Object.keys(MINIMUM_CHARGE).join(', ')}`,
      { param: name },
    );
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const values = (issue.values as unknown[]).map(String);
    throw invalidRequest(`Invalid ${name}: must be one of ${values.join(', ')}`, { param: name });
  }
  if (typeof raw !== 'string' && issue.code === 'invalid_type' && issue.expected === 'string') {
    throw invalidRequest(`Invalid string: ${name} must be a string, not a hash or list.`, { param: name });
  }
  if (issue.code === 'invalid_type' && (issue.expected === 'object' || issue.expected === 'record')) {
    throw invalidRequest(`Invalid object: ${name} must be a hash.`, { param: name });
  }
  if (issue.code === 'invalid_type' && issue.expected === 'array') {
    throw invalidRequest(`Invalid array: ${name} must be a list.`, { param: name });
  }
  throw invalidRequest(`Invalid ${name}: ${issue.message}`, { param: name });
}
