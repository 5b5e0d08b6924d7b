import type { LanguageModelV3Message } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  TOOL_NAMES,
  compareProductsInput,
  getOrdersInput,
  getProductInput,
  searchProductsInput,
  startCheckoutInput,
  updateCheckoutInput,
  type ToolName,
} from '@/lib/agent/tools/schemas';
import type { ZodType } from 'zod';
import {
  P,
  checkoutFor,
  checkoutResult,
  compareResult,
  detailOf,
  prompt,
  searchResult,
  searched,
  toolRound,
  user,
  viewed,
} from './fixtures';
import { replyTo } from './model';
import { detectLanguage } from './normalize';

const boots = searched({ query: 'hiking boots' }, [P.hiker, P.trailRunner, P.cascade]);
const headphones = searched({ query: 'headphones' }, [P.studio, P.pulse, P.aria]);
const coffee = searched({ query: 'コーヒー豆' }, [P.blend, P.ethiopia]);
const CONTEXTS: Record<string, LanguageModelV3Message[][]> = {
  empty: [],
  boots: [boots],
  bootsViewed: [boots, viewed(P.trailRunner)],
  headphones: [headphones],
  coffee: [coffee],
  coffeeViewed: [coffee, viewed(P.ethiopia)],
  oneMug: [searched({ query: 'マグ' }, [P.mug])],
  compared: [
    boots,
    toolRound(
      'compareProducts',
      { productIds: [P.hiker.id, P.cascade.id] },
      compareResult([detailOf(P.hiker), detailOf(P.cascade)]),
    ),
  ],
  checkout: [
    boots,
    viewed(P.trailRunner),
    toolRound('startCheckout', {}, checkoutFor(P.trailRunner, 1, 'trail-runner-blue-10')),
  ],
  coffeeCheckout: [coffee, toolRound('startCheckout', {}, checkoutFor(P.blend, 2, undefined, 'chk_2'))],
  paid: [
    coffee,
    toolRound(
      'startCheckout',
      {},
      checkoutResult({
        checkouts: checkoutFor(P.blend).checkouts.map((c) => ({ ...c, status: 'completed' })),
      }),
    ),
  ],
  nothingFound: [
    toolRound(
      'searchProducts',
      { query: 'tents', color: 'purple' },
      searchResult({ query: 'tents', color: 'purple' }, [], 'tents'),
    ),
  ],
};
type Context = keyof typeof CONTEXTS;
type Expected = 'text' | [tool: string, input: Record<string, unknown>];

const INPUT_SCHEMAS: Record<ToolName, ZodType> = {
  searchProducts: searchProductsInput,
  getProduct: getProductInput,
  compareProducts: compareProductsInput,
  startCheckout: startCheckoutInput,
  updateCheckout: updateCheckoutInput,
  getOrders: getOrdersInput,
};

const ALL_TOOLS = TOOL_NAMES.map((name) => ({
  type: 'function' as const,
  name,
  inputSchema: { type: 'object' as const },
}));
const TR = P.trailRunner.id;
const HIKER = P.hiker.id;
const CASCADE = P.cascade.id;

// [what the buyer says, what is on screen, what the model must do]
const TABLE: Array<[string, Context, Expected]> = [
  // Searches: need, category, colour, size
  [
    'waterproof hiking boots size 10',
    'empty',
    ['searchProducts', { query: 'waterproof hiking boots', size: '10' }],
  ],
  ['blue headphones', 'empty', ['searchProducts', { query: 'headphones', color: 'blue' }]],
  [
    "I'm looking for a rain jacket in red under $150",
    'empty',
    ['searchProducts', { query: 'rain jacket', color: 'red', maxPrice: 15000, currency: 'usd' }],
  ],
  ['do you have any coffee beans?', 'empty', ['searchProducts', { query: 'coffee beans' }]],
  ['show me tents in stock', 'empty', ['searchProducts', { query: 'tents', inStockOnly: true }]],
  ['size M rain jacket', 'empty', ['searchProducts', { query: 'rain jacket', size: 'M' }]],
  ['green tea', 'empty', ['searchProducts', { query: 'green tea' }]],
  ['first aid kit', 'empty', ['searchProducts', { query: 'first aid kit' }]],
  ['hello, I need a tent', 'empty', ['searchProducts', { query: 'tent' }]],
  [
    '5000円以下のコーヒー豆',
    'empty',
    ['searchProducts', { query: 'コーヒー豆', maxPrice: 5000, currency: 'jpy' }],
  ],
  [
    '防水のハイキングブーツ サイズ10',
    'empty',
    ['searchProducts', { query: '防水のハイキングブーツ', size: '10' }],
  ],
  ['青いヘッドホン', 'empty', ['searchProducts', { query: 'ヘッドホン', color: 'blue' }]],
  [
    'Ｍサイズのレインジャケットを探しています',
    'empty',
    ['searchProducts', { query: 'レインジャケット', size: 'M' }],
  ],
  ['在庫のあるテント', 'empty', ['searchProducts', { query: 'テント', inStockOnly: true }]],
  ['緑茶はありますか', 'empty', ['searchProducts', { query: '緑茶' }]],
  ['黒いイヤホンが欲しい', 'empty', ['searchProducts', { query: 'イヤホン', color: 'black' }]],
  // Price bounds and currencies
  [
    'hiking boots under $100',
    'empty',
    ['searchProducts', { query: 'hiking boots', maxPrice: 10000, currency: 'usd' }],
  ],
  [
    'headphones between 50 and 80 dollars',
    'empty',
    ['searchProducts', { query: 'headphones', minPrice: 5000, maxPrice: 8000, currency: 'usd' }],
  ],
  [
    'headphones over $200',
    'empty',
    ['searchProducts', { query: 'headphones', minPrice: 20000, currency: 'usd' }],
  ],
  [
    'headphones $100-$200',
    'empty',
    ['searchProducts', { query: 'headphones', minPrice: 10000, maxPrice: 20000, currency: 'usd' }],
  ],
  ['$50 or less earbuds', 'empty', ['searchProducts', { query: 'earbuds', maxPrice: 5000, currency: 'usd' }]],
  [
    'coffee under 5000 yen',
    'empty',
    ['searchProducts', { query: 'coffee', maxPrice: 5000, currency: 'jpy' }],
  ],
  [
    '1万円以内のマグカップ',
    'empty',
    ['searchProducts', { query: 'マグカップ', maxPrice: 10000, currency: 'jpy' }],
  ],
  [
    '３０００円から５０００円のコーヒー豆',
    'empty',
    ['searchProducts', { query: 'コーヒー豆', minPrice: 3000, maxPrice: 5000, currency: 'jpy' }],
  ],
  [
    '100ドル以下のイヤホン',
    'empty',
    ['searchProducts', { query: 'イヤホン', maxPrice: 10000, currency: 'usd' }],
  ],
  [
    '5000円未満のコーヒー豆',
    'empty',
    ['searchProducts', { query: 'コーヒー豆', maxPrice: 4999, currency: 'jpy' }],
  ],
  [
    '予算は5000円でコーヒー',
    'empty',
    ['searchProducts', { query: 'コーヒー', maxPrice: 5000, currency: 'jpy' }],
  ],
  [
    '赤いレインジャケット 2万円以下',
    'empty',
    ['searchProducts', { query: 'レインジャケット', color: 'red', maxPrice: 20000, currency: 'jpy' }],
  ],
  [
    '1.5万円以上のヘッドホン',
    'empty',
    ['searchProducts', { query: 'ヘッドホン', minPrice: 15000, currency: 'jpy' }],
  ],
  ['二千円以下の抹茶', 'empty', ['searchProducts', { query: '抹茶', maxPrice: 2000, currency: 'jpy' }]],
  [
    'コーヒー豆を3000円以上5000円以下で',
    'empty',
    ['searchProducts', { query: 'コーヒー豆', minPrice: 3000, maxPrice: 5000, currency: 'jpy' }],
  ],
  [
    'headphones over $50 and under $100',
    'empty',
    ['searchProducts', { query: 'headphones', minPrice: 5000, maxPrice: 10000, currency: 'usd' }],
  ],
  // Sorting
  ['cheapest headphones', 'empty', ['searchProducts', { query: 'headphones', sort: 'price_asc' }]],
  ['most expensive tent', 'empty', ['searchProducts', { query: 'tent', sort: 'price_desc' }]],
  ['best rated headphones', 'empty', ['searchProducts', { query: 'headphones', sort: 'rating' }]],
  ['評価の高いヘッドホン', 'empty', ['searchProducts', { query: 'ヘッドホン', sort: 'rating' }]],
  ['一番安いヘッドホン', 'empty', ['searchProducts', { query: 'ヘッドホン', sort: 'price_asc' }]],
  ['安い順にコーヒー豆を見せて', 'empty', ['searchProducts', { query: 'コーヒー豆', sort: 'price_asc' }]],
  ['高い順にテントを見せて', 'empty', ['searchProducts', { query: 'テント', sort: 'price_desc' }]],
  ['人気のイヤホンを教えて', 'empty', ['searchProducts', { query: 'イヤホン', sort: 'rating' }]],
  // Sellers
  [
    'coffee beans from the coffee shop',
    'empty',
    ['searchProducts', { query: 'coffee beans', seller: 'kissa-tokyo' }],
  ],
  ['headphones at Volt Audio', 'empty', ['searchProducts', { query: 'headphones', seller: 'volt-audio' }]],
  [
    'tents from the outdoor shop',
    'empty',
    ['searchProducts', { query: 'tents', seller: 'summit-outfitters' }],
  ],
  [
    'cheapest earbuds at the audio store',
    'empty',
    ['searchProducts', { query: 'earbuds', seller: 'volt-audio', sort: 'price_asc' }],
  ],
  ['喫茶東京のコーヒー豆', 'empty', ['searchProducts', { query: 'コーヒー豆', seller: 'kissa-tokyo' }]],
  [
    'アウトドアショップのテント',
    'empty',
    ['searchProducts', { query: 'テント', seller: 'summit-outfitters' }],
  ],
  ['Volt Audioのイヤホン', 'empty', ['searchProducts', { query: 'イヤホン', seller: 'volt-audio' }]],
  ['お茶屋の急須', 'empty', ['searchProducts', { query: '急須', seller: 'kissa-tokyo' }]],
  // Refinements of the search on screen
  ['in blue?', 'boots', ['searchProducts', { query: 'hiking boots', color: 'blue' }]],
  ['under $100', 'boots', ['searchProducts', { query: 'hiking boots', maxPrice: 10000, currency: 'usd' }]],
  ['サイズ10で', 'boots', ['searchProducts', { query: 'hiking boots', size: '10' }]],
  ['do they come in black?', 'boots', ['searchProducts', { query: 'hiking boots', color: 'black' }]],
  ['黒はある？', 'boots', ['searchProducts', { query: 'hiking boots', color: 'black' }]],
  ['評価順にして', 'boots', ['searchProducts', { query: 'hiking boots', sort: 'rating' }]],
  ['もっと見せて', 'boots', ['searchProducts', { query: 'hiking boots', limit: 11 }]],
  // Follow-ups that point at the cards
  ['the second one', 'boots', ['getProduct', { productId: TR }]],
  ['2番目', 'boots', ['getProduct', { productId: TR }]],
  ['2番目の詳細を見せて', 'boots', ['getProduct', { productId: TR }]],
  ['二つ目について教えて', 'boots', ['getProduct', { productId: TR }]],
  ['最後のやつ', 'boots', ['getProduct', { productId: CASCADE }]],
  ['number 3', 'boots', ['getProduct', { productId: CASCADE }]],
  ['the blue one', 'boots', ['getProduct', { productId: TR }]],
  ['青いのは？', 'boots', ['getProduct', { productId: TR }]],
  ['シルバーのやつ', 'headphones', ['getProduct', { productId: P.pulse.id }]],
  ['how much is it?', 'bootsViewed', ['getProduct', { productId: TR }]],
  ['いくら？', 'bootsViewed', ['getProduct', { productId: TR }]],
  ['ブルーのを見せて', 'headphones', ['getProduct', { productId: P.studio.id }]],
  ['the red one', 'boots', ['searchProducts', { query: 'hiking boots', color: 'red' }]],
  ['tell me about the Trail Runner', 'boots', ['getProduct', { productId: TR }]],
  ['tell me about the Trail Runner', 'empty', ['searchProducts', { query: 'Trail Runner' }]],
  ['Trail Runnerについて教えて', 'boots', ['getProduct', { productId: TR }]],
  ['Cascade Mid GTXの詳細', 'boots', ['getProduct', { productId: CASCADE }]],
  ['tell me about the cascade', 'boots', ['getProduct', { productId: CASCADE }]],
  [
    'show me more like that',
    'bootsViewed',
    ['searchProducts', { query: 'trail running shoes', category: 'trail running shoes' }],
  ],
  [
    '似たような商品を見せて',
    'bootsViewed',
    ['searchProducts', { query: 'trail running shoes', category: 'trail running shoes' }],
  ],
  [
    'これに似たものはある？',
    'coffeeViewed',
    ['searchProducts', { query: 'coffee beans', category: 'coffee beans' }],
  ],
  [
    // Cheaper than the middle card ($129 of $89, $129, $179), so the answer is not empty by design.
    'cheaper?',
    'boots',
    ['searchProducts', { query: 'hiking boots', maxPrice: 12899, currency: 'usd', sort: 'price_asc' }],
  ],
  [
    'もっと安いのは？',
    'bootsViewed',
    ['searchProducts', { query: 'hiking boots', maxPrice: 12899, currency: 'usd', sort: 'price_asc' }],
  ],
  [
    'もっと安いのはある？',
    'coffee',
    ['searchProducts', { query: 'コーヒー豆', maxPrice: 1799, currency: 'jpy', sort: 'price_asc' }],
  ],
  [
    'もっと高いのは？',
    'boots',
    ['searchProducts', { query: 'hiking boots', minPrice: 12901, currency: 'usd', sort: 'price_desc' }],
  ],
  ['compare the first two', 'boots', ['compareProducts', { productIds: [HIKER, TR] }]],
  ['最初の2つを比較して', 'boots', ['compareProducts', { productIds: [HIKER, TR] }]],
  ['1番目と3番目を比較して', 'boots', ['compareProducts', { productIds: [HIKER, CASCADE] }]],
  [
    'Pulse ANC Headphones vs Studio Monitor Headphones',
    'headphones',
    ['compareProducts', { productIds: [P.pulse.id, P.studio.id] }],
  ],
  ['compare them', 'headphones', ['compareProducts', { productIds: [P.studio.id, P.pulse.id, P.aria.id] }]],
  ['これとの違いは？最初のやつ', 'bootsViewed', ['compareProducts', { productIds: [TR, HIKER] }]],
  ['どっちがいい？', 'coffee', ['compareProducts', { productIds: [P.blend.id, P.ethiopia.id] }]],
  ['比較して', 'empty', 'text'],
  [
    'which should I buy, the first or the third?',
    'boots',
    ['compareProducts', { productIds: [HIKER, CASCADE] }],
  ],
  ['どれを買えばいい？', 'coffee', ['compareProducts', { productIds: [P.blend.id, P.ethiopia.id] }]],
  ['2番目の方', 'compared', ['getProduct', { productId: CASCADE }]],
  ['the fifth one', 'boots', 'text'],
  ['5番目', 'coffee', 'text'],
  ['yes please', 'nothingFound', ['searchProducts', { query: 'tents' }]],
  ['はい、お願いします', 'nothingFound', ['searchProducts', { query: 'tents' }]],
  ['no', 'nothingFound', 'text'],
  // Starting a purchase
  // The Trail Runner comes in three colours and six sizes: the model asks which (the card with
  // its options as buttons), never guesses.
  ['buy it', 'bootsViewed', ['getProduct', { productId: TR, askOptions: true }]],
  ["I'll take two of those", 'bootsViewed', ['getProduct', { productId: TR, askOptions: true }]],
  [
    "I'll take two of those in blue, size 10",
    'bootsViewed',
    ['startCheckout', { items: [{ productId: TR, variantId: 'trail-runner-blue-10', quantity: 2 }] }],
  ],
  ['buy the second one in size 10', 'boots', ['getProduct', { productId: TR, askOptions: true }]],
  [
    'buy the blue one in size 10',
    'bootsViewed',
    ['startCheckout', { items: [{ productId: TR, variantId: 'trail-runner-blue-10', quantity: 1 }] }],
  ],
  [
    "I'll take it in black, size 9",
    'bootsViewed',
    ['startCheckout', { items: [{ productId: TR, variantId: 'trail-runner-black-9', quantity: 1 }] }],
  ],
  ['buy it in size 13', 'bootsViewed', 'text'],
  ['add 2 to cart', 'bootsViewed', ['getProduct', { productId: TR, askOptions: true }]],
  [
    'get me that in orange size 8',
    'bootsViewed',
    ['startCheckout', { items: [{ productId: TR, variantId: 'trail-runner-orange-8', quantity: 1 }] }],
  ],
  [
    'オレンジの8サイズで買う',
    'bootsViewed',
    ['startCheckout', { items: [{ productId: TR, variantId: 'trail-runner-orange-8', quantity: 1 }] }],
  ],
  ['buy it', 'oneMug', ['getProduct', { productId: P.mug.id, askOptions: true }]],
  ['buy it in blue', 'oneMug', ['getProduct', { productId: P.mug.id, askOptions: true }]],
  ['buy it', 'boots', 'text'],
  ['I want to buy hiking boots', 'empty', ['searchProducts', { query: 'hiking boots' }]],
  ['これを買います', 'bootsViewed', ['getProduct', { productId: TR, askOptions: true }]],
  ['2つください', 'coffeeViewed', ['startCheckout', { items: [{ productId: P.ethiopia.id, quantity: 2 }] }]],
  ['これください', 'oneMug', ['getProduct', { productId: P.mug.id, askOptions: true }]],
  [
    'それを３個買いたい',
    'coffeeViewed',
    ['startCheckout', { items: [{ productId: P.ethiopia.id, quantity: 3 }] }],
  ],
  ['2番目を購入します', 'coffee', ['startCheckout', { items: [{ productId: P.ethiopia.id, quantity: 1 }] }]],
  [
    '青の10サイズを買います',
    'bootsViewed',
    ['startCheckout', { items: [{ productId: TR, variantId: 'trail-runner-blue-10', quantity: 1 }] }],
  ],
  ['2番目をサイズ10で買います', 'boots', ['getProduct', { productId: TR, askOptions: true }]],
  [
    '最初のを2つカートに入れて',
    'coffee',
    ['startCheckout', { items: [{ productId: P.blend.id, quantity: 2 }] }],
  ],
  // Changing the checkout
  [
    'make it 3',
    'checkout',
    [
      'updateCheckout',
      { checkoutId: 'chk_1', items: [{ productId: TR, variantId: 'trail-runner-blue-10', quantity: 3 }] },
    ],
  ],
  [
    'use express shipping',
    'checkout',
    ['updateCheckout', { checkoutId: 'chk_1', shippingOptionId: 'express' }],
  ],
  [
    'standard shipping please',
    'checkout',
    ['updateCheckout', { checkoutId: 'chk_1', shippingOptionId: 'standard' }],
  ],
  [
    '3つにして',
    'coffeeCheckout',
    ['updateCheckout', { checkoutId: 'chk_2', items: [{ productId: P.blend.id, quantity: 3 }] }],
  ],
  [
    '数量を1に変更',
    'coffeeCheckout',
    ['updateCheckout', { checkoutId: 'chk_2', items: [{ productId: P.blend.id, quantity: 1 }] }],
  ],
  [
    'もう1つ追加',
    'coffeeCheckout',
    ['updateCheckout', { checkoutId: 'chk_2', items: [{ productId: P.blend.id, quantity: 3 }] }],
  ],
  ['速達にして', 'checkout', ['updateCheckout', { checkoutId: 'chk_1', shippingOptionId: 'express' }]],
  ['make it 3', 'empty', 'text'],
  [
    'can I get it faster?',
    'checkout',
    ['updateCheckout', { checkoutId: 'chk_1', shippingOptionId: 'express' }],
  ],
  [
    'I changed my mind, 4 please',
    'checkout',
    [
      'updateCheckout',
      { checkoutId: 'chk_1', items: [{ productId: TR, variantId: 'trail-runner-blue-10', quantity: 4 }] },
    ],
  ],
  [
    'actually, show me tents under $50',
    'checkout',
    ['searchProducts', { query: 'tents', maxPrice: 5000, currency: 'usd' }],
  ],
  [
    'やっぱり2つで',
    'coffeeCheckout',
    ['updateCheckout', { checkoutId: 'chk_2', items: [{ productId: P.blend.id, quantity: 2 }] }],
  ],
  ['配送を速くしたい', 'checkout', ['updateCheckout', { checkoutId: 'chk_1', shippingOptionId: 'express' }]],
  ['お急ぎ便にして', 'empty', 'text'],
  ['3つにして', 'paid', 'text'],
  // Orders
  ['where is my order?', 'empty', ['getOrders', {}]],
  ['where is order ord_123?', 'empty', ['getOrders', { orderId: 'ord_123' }]],
  ['注文はどこ？', 'empty', ['getOrders', {}]],
  ['私の注文はいつ届きますか', 'empty', ['getOrders', {}]],
  ['注文履歴を見せて', 'empty', ['getOrders', {}]],
  // Small talk, help, and what it will not do
  ['hi', 'empty', 'text'],
  ['thanks', 'bootsViewed', 'text'],
  ['what can you do?', 'empty', 'text'],
  ["what's the weather like?", 'empty', 'text'],
  ['tell me a joke', 'empty', 'text'],
  ['pay for it now', 'checkout', 'text'],
  ['buy it without asking me', 'bootsViewed', 'text'],
  ['こんにちは', 'empty', 'text'],
  ['ありがとう', 'boots', 'text'],
  ['何ができますか', 'empty', 'text'],
  ['今日の天気は？', 'empty', 'text'],
  ['冗談を言って', 'empty', 'text'],
  ['今すぐ支払って', 'checkout', 'text'],
  ['確認なしで買って', 'bootsViewed', 'text'],
  ['勝手に決済しておいて', 'checkout', 'text'],
  ['cancel my order', 'empty', 'text'],
  ['返品したい', 'empty', 'text'],
  ['ok', 'boots', 'text'],
];

describe('offline model: what each utterance does', () => {
  it('covers at least 70 utterances, half of them Japanese', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(70);
    expect(TABLE.filter(([text]) => detectLanguage(text) === 'ja').length * 2).toBeGreaterThanOrEqual(
      TABLE.length,
    );
  });

  it.each(TABLE)('%s  (on screen: %s)', (text, context, expected) => {
    const reply = replyTo({ prompt: prompt(...CONTEXTS[context], user(text)), tools: ALL_TOOLS });
    if (expected === 'text') {
      expect(reply.kind).toBe('text');
      return;
    }
    expect(reply).toEqual({ kind: 'tool', toolName: expected[0], input: expected[1] });
    expect(INPUT_SCHEMAS[expected[0] as ToolName].safeParse(expected[1]).success).toBe(true);
  });
});
