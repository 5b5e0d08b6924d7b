/**
 * The short text after a tool ran. Every product name, shop and price in it is copied from the
 * tool's structured output, never from free text inside it, so a summary can neither invent a
 * product nor repeat instructions planted in a description. The cards show the rest.
 */
import {
  checkoutOutput,
  compareProductsOutput,
  getOrdersOutput,
  getProductOutput,
  searchProductsOutput,
  type CheckoutView,
  type OrderView,
  type ProductSummary,
  type SearchProductsInput,
} from '@/lib/agent/tools/schemas';
import type { ToolEvent } from './context';
import { COLORS } from './lexicon';
import type { Language } from './normalize';
import { availabilityText, CAPABILITIES, formatMoney, joinList, sizeRange, toolAction } from './phrasebook';

type Summarizer = (output: unknown, lang: Language) => string | undefined;

/** "blue" → 「ブルー」 for Japanese sentences. */
function colorName(color: string, lang: Language): string {
  if (lang === 'en') return color;
  const words = COLORS.find((c) => c.color === color.toLowerCase())?.words ?? [];
  return words.find((w): w is string => typeof w === 'string' && /^[\u30a0-\u30ff]+$/.test(w)) ?? color;
}

function bounds(query: SearchProductsInput, lang: Language): string {
  const currency = query.currency ?? (lang === 'ja' ? 'jpy' : 'usd');
  const money = (amount: number) => formatMoney({ amount, currency });
  const { minPrice: min, maxPrice: max } = query;
  if (lang === 'ja') {
    const parts = [
      min !== undefined && max !== undefined
        ? `${money(min)}〜${money(max)}`
        : max !== undefined
          ? `${money(max)}以下`
          : min !== undefined
            ? `${money(min)}以上`
            : '',
      query.color ? colorName(query.color, lang) : '',
      query.size ? `サイズ${query.size}` : '',
    ];
    const text = parts.filter(Boolean).join('・');
    return text ? `（${text}）` : '';
  }
  const price =
    min !== undefined && max !== undefined
      ? ` between ${money(min)} and ${money(max)}`
      : max !== undefined
        ? ` under ${money(max)}`
        : min !== undefined
          ? ` over ${money(min)}`
          : '';
  return `${query.color ? ` in ${query.color}` : ''}${query.size ? ` in size ${query.size}` : ''}${price}`;
}

function leadIn(sort: SearchProductsInput['sort'], lang: Language): string {
  const words = {
    en: {
      price_asc: 'The cheapest is',
      price_desc: 'The most expensive is',
      rating: 'The best rated is',
      relevance: 'The top match is',
    },
    ja: {
      price_asc: '最も安いのは',
      price_desc: '最も高いのは',
      rating: '最も評価が高いのは',
      relevance: 'いちばんのおすすめは',
    },
  };
  return words[lang][sort ?? 'relevance'];
}

function productPhrase(p: ProductSummary, lang: Language, withRating: boolean): string {
  const rating =
    withRating && p.rating ? (lang === 'en' ? `, rated ${p.rating.value}` : `、評価${p.rating.value}`) : '';
  return lang === 'en'
    ? `the ${p.title} from ${p.sellerName} at ${formatMoney(p.price)}${rating}`
    : `${p.sellerName}の「${p.title}」（${formatMoney(p.price)}${rating}）`;
}

const summarizeSearch: Summarizer = (output, lang) => {
  const parsed = searchProductsOutput.safeParse(output);
  if (!parsed.success) return undefined;
  const { query, products, total, suggestion, suggestionKind } = parsed.data;
  const q = query.query.trim();
  if (products.length === 0 && q && suggestionKind === 'unrelated') {
    // Nothing sold is like it: say so, rather than offer the biggest category as if it were close.
    return lang === 'ja'
      ? `申し訳ありませんが、「${q}」は扱っていません。${CAPABILITIES.ja}`
      : `Sorry, we don’t sell “${q}”. ${CAPABILITIES.en}`;
  }
  if (products.length === 0) {
    if (lang === 'ja') {
      const what = q ? `「${q}」${bounds(query, lang)}に合う商品` : '条件に合う商品';
      return `${what}は見つかりませんでした。${suggestion ? `「${suggestion}」で探してみましょうか？` : '条件を減らして、もう少し広く探してみてください。'}`;
    }
    const what = q ? `anything for “${q}”${bounds(query, lang)}` : 'anything matching that';
    return `I couldn’t find ${what}. ${suggestion ? `Want me to try “${suggestion}” instead?` : 'Try a broader search, for example without the price limit, colour or size.'}`;
  }
  const count = Math.max(total, products.length);
  const top = `${leadIn(query.sort, lang)} ${productPhrase(products[0], lang, query.sort === 'rating')}`;
  if (lang === 'ja') {
    const head = q
      ? `「${q}」${bounds(query, lang)}で${count}件見つかりました。`
      : `${count}件の商品が見つかりました${bounds(query, lang)}。`;
    return `${head}${leadIn(query.sort, lang)}${productPhrase(products[0], lang, query.sort === 'rating')}です。`;
  }
  const noun = count === 1 ? 'match' : 'matches';
  return `I found ${count} ${noun}${q ? ` for “${q}”` : ''}${bounds(query, lang)}. ${top}.`;
};

const summarizeProduct: Summarizer = (output, lang) => {
  const parsed = getProductOutput.safeParse(output);
  if (!parsed.success) return undefined;
  const product = parsed.data.product;
  if (!product)
    return lang === 'en'
      ? 'I couldn’t find that product any more. Try searching again.'
      : 'その商品は見つかりませんでした。もう一度検索してみてください。';
  const varies = new Set(product.variants.map((v) => v.price.amount)).size > 1;
  const price = `${varies ? (lang === 'en' ? 'from ' : '') : ''}${formatMoney(product.price)}${varies && lang === 'ja' ? '〜' : ''}`;
  const soldOut = product.availability === 'out_of_stock';
  if (lang === 'ja') {
    const rating = product.rating ? `評価は${product.rating.value}（${product.rating.count}件）。` : '';
    const sizes = product.sizes.length > 1 ? `サイズ：${sizeRange(product.sizes)}。` : '';
    const colors = product.colors.length > 1 ? `色：${product.colors.join('、')}。` : '';
    const next = soldOut ? '' : '購入するなら「これを買います」と言ってください。';
    return `${product.sellerName}の「${product.title}」は${price}（${availabilityText(product.availability, lang)}）です。${rating}${sizes}${colors}${next}`;
  }
  const rating = product.rating ? ` Rated ${product.rating.value} from ${product.rating.count} reviews.` : '';
  const sizes = product.sizes.length > 1 ? ` Sizes ${sizeRange(product.sizes)}.` : '';
  const colors = product.colors.length > 1 ? ` Colours: ${joinList(product.colors, lang)}.` : '';
  const next = soldOut ? '' : ' Say “buy it” when you’re ready.';
  return `Here’s the ${product.title} from ${product.sellerName}: ${price}, ${availabilityText(product.availability, lang)}.${rating}${sizes}${colors}${next}`;
};

const summarizeComparison: Summarizer = (output, lang) => {
  const parsed = compareProductsOutput.safeParse(output);
  if (!parsed.success || parsed.data.products.length === 0) return undefined;
  const { products } = parsed.data;
  const names = joinList(
    products.map((p) => (lang === 'en' ? `the ${p.title}` : `「${p.title}」`)),
    lang,
  );
  const sameCurrency = products.every((p) => p.price.currency === products[0].price.currency);
  const cheapest = sameCurrency
    ? [...products].sort((a, b) => a.price.amount - b.price.amount)[0]
    : undefined;
  const rated = products.filter((p) => p.rating).sort((a, b) => b.rating!.value - a.rating!.value)[0];
  if (lang === 'ja') {
    const c = cheapest ? `最も安いのは「${cheapest.title}」（${formatMoney(cheapest.price)}）` : '';
    const r = rated ? `最も評価が高いのは「${rated.title}」（${rated.rating!.value}）` : '';
    return `${names}を比較しました。${[c, r].filter(Boolean).join('、')}${c || r ? 'です。' : ''}`;
  }
  const c = cheapest ? `The cheapest is the ${cheapest.title} at ${formatMoney(cheapest.price)}` : '';
  const r = rated ? `the best rated is the ${rated.title} (${rated.rating!.value})` : '';
  const tail = [c, r].filter(Boolean).join('; ');
  return `Here’s a side-by-side of ${names}.${tail ? ` ${tail.charAt(0).toUpperCase()}${tail.slice(1)}.` : ''}`;
};

function checkoutSentence(checkout: CheckoutView, updated: boolean, lang: Language): string {
  const lines = joinList(
    checkout.lineItems.map((l) =>
      lang === 'en' ? `${l.quantity} × ${l.title}` : `「${l.title}」×${l.quantity}`,
    ),
    lang,
  );
  const total = checkout.total ? formatMoney(checkout.total) : undefined;
  const seller = checkout.sellerName;
  if (lang === 'ja') {
    if (checkout.status === 'completed') return `${seller}のチェックアウトは支払い済みです。`;
    if (checkout.status === 'canceled') return `${seller}のチェックアウトはキャンセルされています。`;
    const head = `${seller}のチェックアウトを${updated ? '更新しました' : '用意しました'}：${lines}${total ? `、合計${total}` : ''}。`;
    return checkout.status === 'ready_for_payment'
      ? `${head}内容を確認して「支払う」を押すと購入できます（押すまで請求されません）。`
      : `${head}支払いの前に確認が必要な項目があります。カードをご覧ください。`;
  }
  if (checkout.status === 'completed') return `Your checkout with ${seller} is already paid.`;
  if (checkout.status === 'canceled') return `Your checkout with ${seller} was canceled.`;
  const head = `${updated ? 'I’ve updated your' : 'Your'} checkout with ${seller}${updated ? '' : ' is ready'}: ${lines}${total ? `, total ${total}` : ''}.`;
  return checkout.status === 'ready_for_payment'
    ? `${head} Review it and press Pay to buy; nothing is charged until you do.`
    : `${head} It needs something before payment; see the card.`;
}

const summarizeCheckout =
  (updated: boolean): Summarizer =>
  (output, lang) => {
    const parsed = checkoutOutput.safeParse(output);
    if (!parsed.success) return undefined;
    const { checkouts, error } = parsed.data;
    if (checkouts.length === 0) {
      const reason = error ? (lang === 'en' ? ` ${error}` : `（${error}）`) : '';
      return lang === 'en'
        ? `I couldn’t prepare the checkout.${reason}`
        : `チェックアウトを準備できませんでした${reason}。`;
    }
    return checkouts.map((c) => checkoutSentence(c, updated, lang)).join(lang === 'en' ? ' ' : '');
  };

const ORDER_STATUS: Record<string, { en: string; ja: string }> = {
  created: { en: 'confirmed and being prepared', ja: '受付済み（準備中）' },
  shipped: { en: 'on its way', ja: '発送済み' },
  delivered: { en: 'delivered', ja: '配達済み' },
  completed: { en: 'complete', ja: '完了' },
  canceled: { en: 'canceled', ja: 'キャンセル済み' },
  refunded: { en: 'refunded', ja: '返金済み' },
};

function orderSentence(order: OrderView, lang: Language): string {
  const status = ORDER_STATUS[order.status]?.[lang] ?? order.status;
  const items = joinList(
    order.items.map((i) => (lang === 'en' ? `${i.quantity} × ${i.title}` : `「${i.title}」×${i.quantity}`)),
    lang,
  );
  const eta =
    order.estimatedDelivery && !['delivered', 'completed', 'canceled', 'refunded'].includes(order.status)
      ? order.estimatedDelivery.slice(0, 10)
      : undefined;
  return lang === 'en'
    ? `Your latest order from ${order.sellerName} (${items}, ${formatMoney(order.total)}) is ${status}${eta ? `, expected by ${eta}` : ''}.`
    : `最新の注文（${order.sellerName}：${items}、${formatMoney(order.total)}）は${status}です。${eta ? `お届け予定は${eta}です。` : ''}`;
}

const summarizeOrders: Summarizer = (output, lang) => {
  const parsed = getOrdersOutput.safeParse(output);
  if (!parsed.success) return undefined;
  const orders = [...parsed.data.orders].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (orders.length === 0) return lang === 'en' ? 'You don’t have any orders yet.' : 'まだ注文はありません。';
  const more =
    orders.length > 1
      ? lang === 'en'
        ? ` You have ${orders.length} orders in all; they’re listed below.`
        : `注文は全部で${orders.length}件あります。`
      : '';
  return `${orderSentence(orders[0], lang)}${more}`;
};

const SUMMARIZERS: Record<string, Summarizer> = {
  searchProducts: summarizeSearch,
  getProduct: summarizeProduct,
  compareProducts: summarizeComparison,
  startCheckout: summarizeCheckout(false),
  updateCheckout: summarizeCheckout(true),
  getOrders: summarizeOrders,
};

/** The reply after a tool ran, grounded only in that tool's structured output. */
export function summarize(event: ToolEvent | undefined, lang: Language): string {
  if (!event)
    return lang === 'en' ? 'OK. What would you like to do next?' : 'わかりました。次は何をしましょうか？';
  if (event.outcome === 'denied')
    return lang === 'en'
      ? 'OK, I didn’t do that. What would you like instead?'
      : 'わかりました、実行しませんでした。ほかに何をしましょうか？';
  const action = toolAction(event.toolName, lang);
  const failed =
    lang === 'en'
      ? `Sorry, I couldn’t ${action} just now. Please try again.`
      : `申し訳ありません、${action}ができませんでした。もう一度お試しください。`;
  if (event.outcome !== 'ok') return failed;
  return SUMMARIZERS[event.toolName]?.(event.output, lang) ?? failed;
}
