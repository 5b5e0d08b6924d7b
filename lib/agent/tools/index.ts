import { tool, zodSchema, type InferUITools, type Tool } from 'ai';
import type { z } from 'zod';
import { compareCatalogProducts, getCatalogProduct, searchCatalog } from '@/lib/agent/catalog';
import { buildCheckoutTools } from '@/lib/agent/checkout/tools';
import { TOOL_DESCRIPTIONS } from '@/lib/agent/prompts';
import type { Db } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/locales';
import type { BuyerIntent } from './buyer-intent';
import {
  compareProductsInput,
  compareProductsOutput,
  getProductInput,
  getProductOutput,
  searchProductsInput,
  searchProductsOutput,
  type CheckoutOutput,
} from './schemas';
import {
  checkoutForModel,
  comparisonForModel,
  ordersForModel,
  productForModel,
  searchForModel,
} from './seller-content';

/** Who the tools act for. Every tool is built per request, so nothing leaks between buyers. */
export interface AgentToolContext {
  db: Db;
  buyerId: string;
  locale: Locale;
  /** How the checkout tools reach sellers; the global fetch unless a test routes it in-process. */
  fetch?: typeof fetch;
  /**
   * Set for a hosted model (a guest): it is shown seller text only as quoted `seller_content`
   * (./seller-content.ts) and may put into a checkout only what the shopper asked for. The
   * offline model is the app's own code and reads only the structured fields of the outputs.
   */
  guest?: BuyerIntent;
}

const json =
  <T>(view: (output: T) => object) =>
  ({ output }: { output: T }) => ({
    type: 'json' as const,
    value: view(output) as never,
  });

/** The same tool, refusing inputs the shopper did not ask for before it runs. */
function guarded<I>(
  base: Tool<I, CheckoutOutput>,
  check: (input: I) => string | null,
): Tool<I, CheckoutOutput> {
  const execute = base.execute!;
  return {
    ...base,
    execute: (input, options) => {
      const refusal = check(input);
      return refusal ? { checkouts: [], error: refusal } : execute(input, options);
    },
    toModelOutput: json(checkoutForModel),
  };
}

/**
 * The AI SDK tools the chat model may call, built from the contract in ./schemas.ts.
 * Inputs are validated by the SDK against the zod schemas before `execute` runs; outputs are
 * the typed data the UI renders as cards (never model text).
 */
export function buildAgentTools(ctx: AgentToolContext) {
  const quoted = ctx.guest !== undefined;
  const checkout = buildCheckoutTools(ctx);
  const intent = ctx.guest;
  return withConvertedInputs({
    searchProducts: tool({
      description: TOOL_DESCRIPTIONS.searchProducts,
      inputSchema: searchProductsInput,
      outputSchema: searchProductsOutput,
      execute: (input) => searchCatalog(ctx.db, input, ctx.locale),
      ...(quoted ? { toModelOutput: json(searchForModel) } : {}),
    }),
    getProduct: tool({
      description: TOOL_DESCRIPTIONS.getProduct,
      inputSchema: getProductInput,
      outputSchema: getProductOutput,
      execute: async ({ productId }) => ({ product: await getCatalogProduct(ctx.db, productId, ctx.locale) }),
      ...(quoted ? { toModelOutput: json(productForModel) } : {}),
    }),
    compareProducts: tool({
      description: TOOL_DESCRIPTIONS.compareProducts,
      inputSchema: compareProductsInput,
      outputSchema: compareProductsOutput,
      execute: ({ productIds }) => compareCatalogProducts(ctx.db, productIds, ctx.locale),
      ...(quoted ? { toModelOutput: json(comparisonForModel) } : {}),
    }),

    // Checkout: startCheckout / updateCheckout / getOrders (lib/agent/checkout/tools.ts). They prepare, never pay.
    ...(intent
      ? {
          startCheckout: guarded(checkout.startCheckout, (input) => intent.checkItems(input.items)),
          updateCheckout: guarded(
            checkout.updateCheckout,
            (input) => intent.checkItems(input.items ?? []) ?? intent.checkAddress(input.address),
          ),
          getOrders: { ...checkout.getOrders, toModelOutput: json(ordersForModel) },
        }
      : checkout),
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
