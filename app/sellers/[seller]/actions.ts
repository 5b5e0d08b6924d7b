'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/db/client';
import { restockVariant } from '@/lib/seller/inventory';
import {
  markOrderDelivered,
  markOrderShipped,
  refundOrder,
  type OrderActionResult,
} from '@/lib/seller/orders/actions';

export interface OrderActionState {
  error: string | null;
}

type Run = (sellerId: string, orderId: string) => Promise<OrderActionResult>;

async function perform(form: FormData, run: Run): Promise<OrderActionState> {
  const sellerId = String(form.get('seller') ?? '');
  const orderId = String(form.get('order') ?? '');
  if (!/^[a-z0-9-]{1,60}$/.test(sellerId) || !/^[A-Za-z0-9_]{1,100}$/.test(orderId))
    return { error: 'Unknown order.' };
  const result = await run(sellerId, orderId);
  revalidatePath(`/sellers/${sellerId}`);
  return { error: result.ok ? null : result.message };
}

/** Dashboard buttons: each change is saved with its order_update webhook to the agent. */
export async function shipOrderAction(_state: OrderActionState, form: FormData): Promise<OrderActionState> {
  return perform(form, async (sellerId, orderId) =>
    markOrderShipped({ db: await getDb() }, sellerId, orderId),
  );
}

export async function deliverOrderAction(
  _state: OrderActionState,
  form: FormData,
): Promise<OrderActionState> {
  return perform(form, async (sellerId, orderId) =>
    markOrderDelivered({ db: await getDb() }, sellerId, orderId),
  );
}

export async function refundOrderAction(_state: OrderActionState, form: FormData): Promise<OrderActionState> {
  return perform(form, async (sellerId, orderId) =>
    refundOrder({ db: await getDb() }, sellerId, orderId, { reason: 'requested_by_customer' }),
  );
}

/** Stock button: ten more units of a variant, pushed to the agent's catalog. */
export async function restockAction(form: FormData): Promise<void> {
  const sellerId = String(form.get('seller') ?? '');
  const variantId = String(form.get('variant') ?? '');
  if (!/^[a-z0-9-]{1,60}$/.test(sellerId) || !/^[A-Za-z0-9_-]{1,120}$/.test(variantId)) return;
  await restockVariant({ db: await getDb() }, sellerId, variantId, 10);
  revalidatePath(`/sellers/${sellerId}`);
}
