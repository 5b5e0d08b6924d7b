import { z } from 'zod';

/**
 * The contract between the chat model (offline or OpenAI) and the agent's tools.
 * Inputs are what a model may send; outputs are what the UI renders as cards.
 * Money is always integer minor units beside a lowercase ISO currency.
 */

export const money = z.object({ amount: z.number().int(), currency: z.string().length(3) });
export type Money = z.infer<typeof money>;

/**
 * Ids a model sends back: catalog, variant, checkout and order ids are short. Tool inputs are
 * strict objects, so a misspelt or invented field is refused with an error the model can read
 * and correct, instead of being dropped without a word.
 */
const toolId = z.string().min(1).max(200);

export const searchProductsInput = z
  .object({
    query: z
      .string()
      .max(200)
      .describe(
        'What the shopper wants, in their words: need, product type, brand, material. Empty to browse.',
      ),
    category: z
      .string()
      .max(60)
      .optional()
      .describe('A product category such as "boots", "headphones", "coffee beans".'),
    seller: z
      .string()
      .max(60)
      .optional()
      .describe('A seller id or part of its name, when the shopper asks for one shop.'),
    color: z.string().max(30).optional().describe('A colour the shopper asked for, in English.'),
    size: z.string().max(20).optional().describe('A size the shopper asked for, e.g. "10", "M".'),
    minPrice: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Lower price bound in minor units of `currency` (cents for usd, yen for jpy).'),
    maxPrice: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Upper price bound in minor units of `currency` (cents for usd, yen for jpy).'),
    currency: z
      .enum(['usd', 'jpy'])
      .optional()
      .describe('Currency of the price bounds; only items priced in it are bounded.'),
    sort: z.enum(['relevance', 'price_asc', 'price_desc', 'rating']).optional(),
    inStockOnly: z.boolean().optional(),
    limit: z.number().int().min(1).max(24).optional(),
  })
  .strict();
export type SearchProductsInput = z.infer<typeof searchProductsInput>;

export const variantSummary = z.object({
  id: z.string(),
  title: z.string(),
  /** e.g. { size: "10", color: "Blue" } */
  options: z.record(z.string(), z.string()),
  price: money,
  availability: z.enum(['in_stock', 'low_stock', 'out_of_stock']),
  stock: z.number().int(),
  /** The variant's own picture (a colour), when the seller sent one. */
  image: z.string().optional(),
});
export type VariantSummary = z.infer<typeof variantSummary>;

export const productSummary = z.object({
  id: z.string().describe('The catalog id: "<sellerId>:<productId>".'),
  sellerId: z.string(),
  sellerName: z.string(),
  title: z.string(),
  brand: z.string().optional(),
  category: z.string(),
  image: z.string(),
  price: money.describe('The lowest variant price.'),
  availability: z.enum(['in_stock', 'low_stock', 'out_of_stock']),
  rating: z.object({ value: z.number(), count: z.number().int() }).optional(),
  colors: z.array(z.string()),
  sizes: z.array(z.string()),
  shortDescription: z.string(),
  options: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe('What the shopper must choose before buying: each option with two or more values.'),
  variant: variantSummary
    .optional()
    .describe(
      'The variant matching the size, colour or options the shopper asked for: the card shows it and Buy buys it (pass its id as variantId).',
    ),
});
export type ProductSummary = z.infer<typeof productSummary>;

export const searchProductsOutput = z.object({
  query: searchProductsInput,
  products: z.array(productSummary),
  total: z.number().int(),
  /** Set when nothing matched: a broader search the UI can offer. */
  suggestion: z.string().optional(),
  /**
   * How the suggestion relates to what was asked: the same words without the filters, fewer of
   * the words, a spelling correction, or (`unrelated`) only the biggest category, because nothing
   * sold is like it: then the honest answer is "we don't sell that".
   */
  suggestionKind: z.enum(['without_filters', 'fewer_words', 'spelling', 'unrelated']).optional(),
});
export type SuggestionKind = NonNullable<z.infer<typeof searchProductsOutput>['suggestionKind']>;
export type SearchProductsOutput = z.infer<typeof searchProductsOutput>;

export const getProductInput = z
  .object({
    productId: toolId.describe('A catalog id from a previous tool result.'),
    askOptions: z
      .boolean()
      .optional()
      .describe(
        'True when the shopper wants to buy but has not chosen the size, colour or other option yet: the card asks for it, with the values as buttons.',
      ),
  })
  .strict();
export const productDetail = productSummary.extend({
  description: z.string(),
  images: z.array(z.string()),
  variants: z.array(variantSummary),
  attributes: z.record(z.string(), z.string()),
  url: z.string().optional(),
});
export type ProductDetail = z.infer<typeof productDetail>;
export const getProductOutput = z.object({ product: productDetail.nullable() });
export type GetProductOutput = z.infer<typeof getProductOutput>;

export const compareProductsInput = z
  .object({
    productIds: z.array(toolId).min(2).max(4).describe('Two to four catalog ids from previous tool results.'),
  })
  .strict();
export const compareProductsOutput = z.object({
  products: z.array(productDetail),
  /** Rows of the comparison table: a label and one value per product, in order. */
  rows: z.array(z.object({ label: z.string(), values: z.array(z.string()) })),
});
export type CompareProductsOutput = z.infer<typeof compareProductsOutput>;

export const checkoutItemInput = z
  .object({
    productId: toolId,
    variantId: toolId
      .optional()
      .describe(
        "The variant to buy: the card's `variant.id`, or the one matching the size/colour the shopper chose. Omit only when the product has one variant; when an option is unknown, ask the shopper instead of picking.",
      ),
    quantity: z.number().int().min(1).max(20).default(1),
  })
  .strict();
export const startCheckoutInput = z
  .object({
    items: z
      .array(checkoutItemInput)
      .min(1)
      .max(10)
      .describe('Items to put in a checkout. Items from different sellers become separate checkouts.'),
  })
  .strict();
export type StartCheckoutInput = z.infer<typeof startCheckoutInput>;

export const updateCheckoutInput = z
  .object({
    checkoutId: toolId,
    items: z.array(checkoutItemInput).max(10).optional(),
    shippingOptionId: toolId.optional(),
    address: z
      .object({
        name: z.string().max(200),
        line_one: z.string().max(200),
        line_two: z.string().max(200).optional(),
        city: z.string().max(100),
        state: z.string().max(100).optional(),
        postal_code: z.string().max(20),
        country: z.string().length(2),
      })
      .strict()
      .optional(),
  })
  .strict();
export type UpdateCheckoutInput = z.infer<typeof updateCheckoutInput>;

export const getOrdersInput = z.object({ orderId: toolId.optional() }).strict();

/** Tool names, shared by the models, the route and the UI. */
export const TOOL_NAMES = [
  'searchProducts',
  'getProduct',
  'compareProducts',
  'startCheckout',
  'updateCheckout',
  'getOrders',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** What the checkout tools return: the seller's ACP session as the buyer will see it, one per seller. */
export const checkoutView = z.object({
  id: z.string().describe("The agent's checkout id (not the seller's session id)."),
  sellerId: z.string(),
  sellerName: z.string(),
  status: z
    .string()
    .describe('The ACP session status, e.g. ready_for_payment, not_ready_for_payment, completed, canceled.'),
  lineItems: z.array(
    z.object({
      productId: z.string(),
      variantId: z.string().optional(),
      title: z.string(),
      image: z.string().optional(),
      quantity: z.number().int(),
      unitPrice: money,
      total: money,
    }),
  ),
  total: money.nullable(),
  messages: z.array(z.object({ type: z.string(), code: z.string().optional(), text: z.string() })),
});
export type CheckoutView = z.infer<typeof checkoutView>;
export const checkoutOutput = z.object({ checkouts: z.array(checkoutView), error: z.string().optional() });
export type CheckoutOutput = z.infer<typeof checkoutOutput>;

export const orderView = z.object({
  id: z.string(),
  sellerName: z.string(),
  status: z.string().describe('created, shipped, delivered, completed, canceled, refunded'),
  items: z.array(z.object({ title: z.string(), quantity: z.number().int() })),
  total: money,
  createdAt: z.string(),
  updatedAt: z.string(),
  estimatedDelivery: z.string().optional(),
});
export type OrderView = z.infer<typeof orderView>;
export const getOrdersOutput = z.object({ orders: z.array(orderView) });
export type GetOrdersOutput = z.infer<typeof getOrdersOutput>;
