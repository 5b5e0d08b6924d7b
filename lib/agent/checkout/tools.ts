import { tool } from 'ai';
import { getOrdersForTool } from '@/lib/agent/orders/tool';
import { TOOL_DESCRIPTIONS } from '@/lib/agent/prompts';
import {
  checkoutOutput,
  getOrdersInput,
  getOrdersOutput,
  startCheckoutInput,
  updateCheckoutInput,
} from '@/lib/agent/tools/schemas';
import type { Db } from '@/lib/db/client';
import { startCheckout, updateCheckout } from './service';

export interface CheckoutToolContext {
  db: Db;
  buyerId: string;
  /** How the agent reaches sellers; the app's global fetch by default, an in-process one in tests. */
  fetch?: typeof fetch;
  locale?: string;
}

/**
 * The checkout tools the model may call: prepare and change checkouts, read orders. None of them
 * can pay — Pay is a server action behind the buyer's click — and each acts only for `buyerId`.
 */
export function buildCheckoutTools(ctx: CheckoutToolContext) {
  const deps = { db: ctx.db, buyerId: ctx.buyerId, fetch: ctx.fetch, locale: ctx.locale };
  return {
    startCheckout: tool({
      description: TOOL_DESCRIPTIONS.startCheckout,
      inputSchema: startCheckoutInput,
      outputSchema: checkoutOutput,
      execute: (input) => startCheckout(deps, input),
    }),
    updateCheckout: tool({
      description: TOOL_DESCRIPTIONS.updateCheckout,
      inputSchema: updateCheckoutInput,
      outputSchema: checkoutOutput,
      execute: (input) => updateCheckout(deps, input),
    }),
    getOrders: tool({
      description: TOOL_DESCRIPTIONS.getOrders,
      inputSchema: getOrdersInput,
      outputSchema: getOrdersOutput,
      execute: (input) => getOrdersForTool(deps, input),
    }),
  };
}
