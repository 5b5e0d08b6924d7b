import { z } from 'zod';
import { expandParam, intParam, metadataParam, stringParam } from '../params';

/**
 * An endpoint's parameters: exactly these (and `expand`), nested hashes included. Anything else is
 * refused as Stripe refuses it, `parameter_unknown` (see `parseParams`). Built once per route.
 */
export function paramsSchema<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ ...shape, expand: expandParam });
}

/** For endpoints that take nothing but `expand`. */
export const noParams = paramsSchema({});

/** Deletions take no parameters at all, not even `expand`. */
export const deleteParams = z.strictObject({});

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
  .strictObject({
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
  .strictObject({
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

/** A customer's shipping details: no carrier or tracking number, unlike a payment's. */
export const customerShippingShape = z
  .strictObject({ address: addressShape, name: stringParam, phone: stringParam.optional() })
  .optional();

export function customerShipping(input: z.infer<typeof customerShippingShape>) {
  if (!input) return null;
  return { address: address(input.address), name: input.name, phone: input.phone ?? null };
}

export const shippingShape = z
  .strictObject({
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
