/**
 * Test fixtures: tool outputs shaped exactly like lib/agent/tools/schemas.ts (each is parsed
 * with the contract's schema on creation) and helpers that build AI SDK v3 prompts from them.
 * Used only by this folder's tests.
 */
import type { LanguageModelV3Message, LanguageModelV3Prompt } from '@ai-sdk/provider';
import {
  checkoutOutput,
  compareProductsOutput,
  getOrdersOutput,
  getProductOutput,
  productDetail,
  productSummary,
  searchProductsOutput,
  type CheckoutOutput,
  type GetOrdersOutput,
  type ProductDetail,
  type ProductSummary,
  type SearchProductsInput,
} from '@/lib/agent/tools/schemas';

const SELLER_NAMES: Record<string, string> = {
  'summit-outfitters': 'Summit Outfitters',
  'volt-audio': 'Volt Audio',
  'kissa-tokyo': 'Kissa Tokyo',
};

function product(
  sellerId: string,
  slug: string,
  fields: Partial<ProductSummary> & { title: string; category: string; amount: number },
): ProductSummary {
  const { amount, ...rest } = fields;
  return productSummary.parse({
    id: `${sellerId}:${slug}`,
    sellerId,
    sellerName: SELLER_NAMES[sellerId],
    image: `/products/${sellerId}/${slug}.svg`,
    price: { amount, currency: sellerId === 'kissa-tokyo' ? 'jpy' : 'usd' },
    availability: 'in_stock',
    colors: [],
    sizes: [],
    shortDescription: `${fields.title}.`,
    ...rest,
  });
}

const SHOE_SIZES = ['7', '8', '9', '10', '11', '12'];
export const P = {
  trailRunner: product('summit-outfitters', 'trail-runner', {
    title: 'Trail Runner',
    brand: 'Ridgeline',
    category: 'trail running shoes',
    amount: 12900,
    colors: ['Blue', 'Black', 'Orange'],
    sizes: SHOE_SIZES,
    rating: { value: 4.6, count: 412 },
  }),
  hiker: product('summit-outfitters', 'trailhead-wp-hiker', {
    title: 'Trailhead Waterproof Hiker',
    category: 'hiking boots',
    amount: 8900,
    colors: ['Brown', 'Grey'],
    sizes: SHOE_SIZES,
    rating: { value: 4.3, count: 96 },
  }),
  cascade: product('summit-outfitters', 'cascade-mid-gtx', {
    title: 'Cascade Mid GTX',
    category: 'hiking boots',
    amount: 17900,
    colors: ['Brown'],
    sizes: SHOE_SIZES,
    rating: { value: 4.8, count: 230 },
  }),
  tent: product('summit-outfitters', 'featherline-1p-tent', {
    title: 'Featherline 1P Ultralight Tent',
    category: 'tents',
    amount: 34900,
    availability: 'low_stock',
  }),
  firstAid: product('summit-outfitters', 'trail-first-aid-kit', {
    title: 'Trail First Aid Kit',
    category: 'first aid',
    amount: 3400,
  }),
  pulse: product('volt-audio', 'pulse-anc', {
    title: 'Pulse ANC Headphones',
    category: 'headphones',
    amount: 19900,
    colors: ['Black', 'Silver'],
    rating: { value: 4.7, count: 301 },
  }),
  aria: product('volt-audio', 'aria-earbuds', {
    title: 'Aria Wireless Earbuds',
    category: 'earbuds',
    amount: 9900,
    colors: ['White', 'Black'],
    rating: { value: 4.2, count: 88 },
  }),
  studio: product('volt-audio', 'studio-monitor', {
    title: 'Studio Monitor Headphones',
    category: 'headphones',
    amount: 14900,
    colors: ['Black', 'Blue'],
    rating: { value: 4.5, count: 150 },
  }),
  blend: product('kissa-tokyo', 'kissa-blend', {
    title: 'Kissa House Blend Coffee Beans',
    category: 'coffee beans',
    amount: 1800,
    rating: { value: 4.4, count: 75 },
  }),
  ethiopia: product('kissa-tokyo', 'ethiopia-yirgacheffe', {
    title: 'Ethiopia Yirgacheffe',
    category: 'coffee beans',
    amount: 2400,
    rating: { value: 4.9, count: 41 },
  }),
  mug: product('kissa-tokyo', 'hasami-mug', {
    title: 'Hasami Porcelain Mug',
    category: 'mugs',
    amount: 3200,
    colors: ['White', 'Blue'],
  }),
  matcha: product('kissa-tokyo', 'uji-matcha', { title: 'Uji Matcha', category: 'green tea', amount: 3500 }),
};

/** A product detail with a variant per colour × size (or one variant when it has neither). */
export function detailOf(
  summary: ProductSummary,
  description = `About the ${summary.title}.`,
): ProductDetail {
  const colors = summary.colors.length > 0 ? summary.colors : [undefined];
  const sizes = summary.sizes.length > 0 ? summary.sizes : [undefined];
  const slug = summary.id.split(':')[1];
  const variants = colors.flatMap((color) =>
    sizes.map((size) => {
      const options: Record<string, string> = {};
      if (color) options.color = color;
      if (size) options.size = size;
      const suffix = [color?.toLowerCase(), size].filter(Boolean).join('-');
      return {
        id: suffix ? `${slug}-${suffix}` : slug,
        title: Object.values(options).join(' / ') || summary.title,
        options,
        price: summary.price,
        availability: 'in_stock',
        stock: 10,
      };
    }),
  );
  return productDetail.parse({ ...summary, description, images: [summary.image], variants, attributes: {} });
}

export function searchResult(query: SearchProductsInput, products: ProductSummary[], suggestion?: string) {
  return searchProductsOutput.parse({
    query,
    products,
    total: products.length,
    ...(suggestion ? { suggestion } : {}),
  });
}
export const productResult = (detail: ProductDetail | null) => getProductOutput.parse({ product: detail });
export const compareResult = (details: ProductDetail[]) =>
  compareProductsOutput.parse({
    products: details,
    rows: [{ label: 'Price', values: details.map((d) => String(d.price.amount)) }],
  });
export const checkoutResult = (value: CheckoutOutput) => checkoutOutput.parse(value);
export const ordersResult = (value: GetOrdersOutput) => getOrdersOutput.parse(value);

export function checkoutFor(item: ProductSummary, quantity = 1, variantId?: string, id = 'chk_1') {
  const total = { amount: item.price.amount * quantity, currency: item.price.currency };
  return checkoutResult({
    checkouts: [
      {
        id,
        sellerId: item.sellerId,
        sellerName: item.sellerName,
        status: 'ready_for_payment',
        lineItems: [
          { productId: item.id, variantId, title: item.title, quantity, unitPrice: item.price, total },
        ],
        total,
        messages: [],
      },
    ],
  });
}

let callCounter = 0;
export const user = (text: string): LanguageModelV3Message => ({
  role: 'user',
  content: [{ type: 'text', text }],
});

/** An assistant tool call and its result, as AI SDK 6 puts them in the prompt. */
export function toolRound(toolName: string, input: unknown, output: unknown): LanguageModelV3Message[] {
  const toolCallId = `fixture_call_${++callCounter}`;
  return [
    { role: 'assistant', content: [{ type: 'tool-call', toolCallId, toolName, input }] },
    {
      role: 'tool',
      content: [
        { type: 'tool-result', toolCallId, toolName, output: { type: 'json', value: output as never } },
      ],
    },
  ];
}

export function prompt(
  ...messages: Array<LanguageModelV3Message | LanguageModelV3Message[]>
): LanguageModelV3Prompt {
  return [{ role: 'system', content: 'You are Aisle, a shopping agent.' }, ...messages.flat()];
}

/** A search round: the call with its input and a result listing `products`. */
export const searched = (query: SearchProductsInput, products: ProductSummary[]) =>
  toolRound('searchProducts', query, searchResult(query, products));
export const viewed = (summary: ProductSummary) =>
  toolRound('getProduct', { productId: summary.id }, productResult(detailOf(summary)));
