import { tool, zodSchema, type InferUITools, type Tool } from 'ai';
import type { z } from 'zod';
import { compareCatalogProducts, getCatalogProduct, searchCatalog } from '@/lib/agent/catalog';
import { buildCheckoutTools } from '@/lib/agent/checkout/tools';
import { TOOL_DESCRIPTIONS } from '@/lib/agent/prompts';
import type { Db } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/locales';
import {
  compareProductsInput,
  compareProductsOutput,
  getProductInput,
  getProductOutput,
  searchProductsInput,
  searchProductsOutput,
} from './schemas';

/** Who the tools act for. Every tool is built per request, so nothing leaks between buyers. */
export interface AgentToolContext {
  db: Db;
  buyerId: string;
  locale: Locale;
  /** How the checkout tools reach sellers; the global fetch unless a test routes it in-process. */
  fetch?: typeof fetch;
}

/**
 * The AI SDK tools the chat model may call, built from the contract in ./schemas.ts.
 * Inputs are validated by the SDK against the zod schemas before `execute` runs; outputs are
 * the typed data the UI renders as cards (never model text).
 */
export function buildAgentTools(ctx: AgentToolContext) {
  return withConvertedInputs({
    searchProducts: tool({
      description: TOOL_DESCRIPTIONS.searchProducts,
      inputSchema: searchProductsInput,
      outputSchema: searchProductsOutput,
      execute: (input) => searchCatalog(ctx.db, input, ctx.locale),
    }),
    getProduct: tool({
      description: TOOL_DESCRIPTIONS.getProduct,
      inputSchema: getProductInput,
      outputSchema: getProductOutput,
      execute: async ({ productId }) => ({ product: await getCatalogProduct(ctx.db, productId, ctx.locale) }),
    }),
    compareProducts: tool({
      description: TOOL_DESCRIPTIONS.compareProducts,
      inputSchema: compareProductsInput,
      outputSchema: compareProductsOutput,
      execute: ({ productIds }) => compareCatalogProducts(ctx.db, productIds, ctx.locale),
    }),

    // Checkout: startCheckout / updateCheckout / getOrders (lib/agent/checkout/tools.ts). They prepare, never pay.
    ...buildCheckoutTools(ctx),
  });
}

const converted = new WeakMap<z.ZodType, ReturnType<typeof zodSchema>>();

/**
 * The SDK turns each tool's zod input schema into JSON Schema for the model every time a tool set
 * is built, about 3 ms of CPU per chat turn; the conversion is kept per schema instead.
 */
function withConvertedInputs<T extends Record<string, Tool>>(tools: T): T {
  for (const entry of Object.values(tools)) {
    const schema = entry.inputSchema as z.ZodType;
    let once = converted.get(schema);
    if (!once) converted.set(schema, (once = zodSchema(schema)));
    entry.inputSchema = once;
  }
  return tools;
}

export type AgentTools = ReturnType<typeof buildAgentTools>;
/** Tool input/output types as the UI sees them (`part.type === 'tool-searchProducts'` narrows). */
export type ChatTools = InferUITools<AgentTools>;
