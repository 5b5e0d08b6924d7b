import { z } from 'zod';
import type { RequestContext } from '../context';
import { parseParams } from '../params';
import { expandParam, intParam, stringParam } from '../params';

/** A request's params schema (expand always allowed); build it once at module level for hot endpoints. */
export function paramsSchema<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ...shape, expand: expandParam });
}

/** Parses the request's params against a shape (or a schema made by `paramsSchema`). */
export function read<T extends z.ZodRawShape>(ctx: RequestContext, shape: T) {
  return parseParams(paramsSchema(shape), ctx.params);
}

export function readWith<S extends z.ZodType>(ctx: RequestContext, schema: S): z.output<S> {
  return parseParams(schema, ctx.params);
}

export const listShape = {
  limit: intParam.optional(),
  starting_after: stringParam.optional(),
  ending_before: stringParam.optional(),
};

/** Stripe's metadata update: given keys are set, keys set to "" are removed, `metadata=""` clears all. */
export function mergeMetadata(
  current: Record<string, string> | null | undefined,
  update: Record<string, string> | undefined,
) {
  if (update === undefined) return current ?? {};
  if (Object.keys(update).length === 0) return {};
  const merged = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export const addressShape = z
  .object({
    city: stringParam.optional(),
    country: stringParam.optional(),
    line1: stringParam.optional(),
    line2: stringParam.optional(),
    postal_code: stringParam.optional(),
    state: stringParam.optional(),
  })
  .optional();

export function address(input: z.infer<typeof addressShape>) {
  return {
    city: input?.city ?? null,
    country: input?.country ?? null,
    line1: input?.line1 ?? null,
    line2: input?.line2 ?? null,
    postal_code: input?.postal_code ?? null,
    state: input?.state ?? null,
  };
}

export const billingDetailsShape = z
  .object({
    address: addressShape,
    email: stringParam.optional(),
    name: stringParam.optional(),
    phone: stringParam.optional(),
  })
  .optional();

export function billingDetails(input: z.infer<typeof billingDetailsShape>) {
  return {
    address: address(input?.address),
    email: input?.email ?? null,
    name: input?.name ?? null,
    phone: input?.phone ?? null,
    tax_id: null,
  };
}

export const shippingShape = z
  .object({
    address: addressShape,
    name: stringParam,
    phone: stringParam.optional(),
    carrier: stringParam.optional(),
    tracking_number: stringParam.optional(),
  })
  .optional();

export function shipping(input: z.infer<typeof shippingShape>) {
  if (!input) return null;
  return {
    address: address(input.address),
    carrier: input.carrier ?? null,
    name: input.name,
    phone: input.phone ?? null,
    tracking_number: input.tracking_number ?? null,
  };
}
