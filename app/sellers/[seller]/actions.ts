'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/db/client';
import { getT } from '@/lib/i18n/server';
import { mayOperate } from '@/lib/operator/session';
import { AgentKeyRequest, issueAgentKey, revokeAgentKey, rotateAgentKey } from '@/lib/seller/agents';
import { findSeller } from '@/lib/seller/context';
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
  if (!(await mayOperate(`seller:${sellerId}`))) return { error: (await getT('operator'))('notSignedIn') };
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
  if (!(await mayOperate(`seller:${sellerId}`))) return;
  await restockVariant({ db: await getDb() }, sellerId, variantId, 10);
  revalidatePath(`/sellers/${sellerId}`);
}

export interface AgentKeyActionState {
  error: string | null;
  /** Shown once, right after issuing or rotating. */
  apiKey?: string;
  webhookSecret?: string;
}

/** The seller, when the form names one and this browser may operate it. */
async function operatedSeller(form: FormData): Promise<string | null> {
  const seller = findSeller(String(form.get('seller') ?? ''));
  return seller && (await mayOperate(`seller:${seller.id}`)) ? seller.id : null;
}

const blank = (value: FormDataEntryValue | null) => {
  const text = String(value ?? '').trim();
  return text === '' ? undefined : text;
};

/** Agents page: a key for another agent, with where its order webhooks go. */
export async function issueAgentKeyAction(
  _state: AgentKeyActionState,
  form: FormData,
): Promise<AgentKeyActionState> {
  const sellerId = await operatedSeller(form);
  if (!sellerId) return { error: (await getT('operator'))('notSignedIn') };
  const parsed = AgentKeyRequest.safeParse({
    label: String(form.get('label') ?? ''),
    webhook_url: blank(form.get('webhook_url')),
    webhook_secret: blank(form.get('webhook_secret')),
  });
  if (!parsed.success) {
    const field = parsed.error.issues[0].path[0];
    const t = await getT('seller');
    return {
      error: t(
        field === 'webhook_url'
          ? 'invalidWebhookUrl'
          : field === 'webhook_secret'
            ? 'invalidWebhookSecret'
            : 'invalidLabel',
      ),
    };
  }
  const issued = await issueAgentKey(await getDb(), sellerId, {
    label: parsed.data.label,
    webhookUrl: parsed.data.webhook_url,
    webhookSecret: parsed.data.webhook_secret,
  });
  revalidatePath(`/sellers/${sellerId}/agents`);
  return {
    error: null,
    apiKey: issued.apiKey,
    ...(issued.webhookSecret ? { webhookSecret: issued.webhookSecret } : {}),
  };
}

export async function revokeAgentKeyAction(
  _state: AgentKeyActionState,
  form: FormData,
): Promise<AgentKeyActionState> {
  const sellerId = await operatedSeller(form);
  if (!sellerId) return { error: (await getT('operator'))('notSignedIn') };
  const revoked = await revokeAgentKey(await getDb(), sellerId, String(form.get('key') ?? '').slice(0, 40));
  revalidatePath(`/sellers/${sellerId}/agents`);
  return { error: revoked ? null : (await getT('seller'))('keyNotFound') };
}

export async function rotateAgentKeyAction(
  _state: AgentKeyActionState,
  form: FormData,
): Promise<AgentKeyActionState> {
  const sellerId = await operatedSeller(form);
  if (!sellerId) return { error: (await getT('operator'))('notSignedIn') };
  const rotated = await rotateAgentKey(await getDb(), sellerId, String(form.get('key') ?? '').slice(0, 40));
  revalidatePath(`/sellers/${sellerId}/agents`);
  return rotated ? { error: null, apiKey: rotated.apiKey } : { error: (await getT('seller'))('keyNotFound') };
}
