/**
 * The decision table: read the latest user message against what is on screen and choose one
 * tool call or one reply. Rules run in order; the first that applies wins.
 */
import type { ProductDetail, ProductSummary, SearchProductsInput, ToolName } from '@/lib/agent/tools/schemas';
import type { Screen } from './context';
import { CUES, DEICTIC, SHIPPING_OPTION, type Cue } from './lexicon';
import {
  takeBareNumber,
  takeColor,
  takeInStock,
  takeOrdinals,
  takePrice,
  takeQuantity,
  takeSeller,
  takeSize,
  takeSort,
} from './slots';
import {
  byPartialTitle,
  choicesOf,
  chooseVariant,
  optionsFor,
  pointsByProperty,
  resolveTargets,
  statedOptions,
  summaryExcludes,
  variantFits,
  type Wanted,
} from './targets';
import { escapeRegExp, Utterance } from './utterance';

export type Say =
  | {
      key:
        | 'help'
        | 'greeting'
        | 'thanks'
        | 'ack'
        | 'cannotPay'
        | 'offTopic'
        | 'unsupported'
        | 'askWhich'
        | 'askTwo'
        | 'noCheckout'
        | 'askQuantityLine'
        | 'propertyUnknown';
    }
  | { key: 'unavailable'; tool: ToolName }
  | { key: 'optionUnavailable'; title: string; size?: string; color?: string; options: string[] }
  | { key: 'askOption'; title: string; missing: Array<{ name: string; values: string[] }> };

export type Action =
  { kind: 'tool'; toolName: ToolName; input: Record<string, unknown> } | { kind: 'say'; say: Say };

const call = (toolName: ToolName, input: Record<string, unknown>): Action => ({
  kind: 'tool',
  toolName,
  input,
});
const say = (s: Say): Action => ({ kind: 'say', say: s });

const CHANGE_QUANTITY: Cue[] = [
  'make it',
  'make that',
  'change it to',
  'change to',
  'change the quantity',
  'change quantity',
  'quantity',
  'qty',
  'instead',
  'changed my mind',
  'actually',
  'やっぱり',
  '数量',
  '個数',
  '変更',
  '変えて',
  'にして',
  /(?<=\d\s*(?:つ|個|点))で/,
];
const MORE_RESULTS: Cue[] = [
  'show me more',
  'show more',
  'more results',
  'see more',
  'load more',
  'もっと見せて',
  'もっと見たい',
  '他にもある',
  'ほかにもある',
];

interface Rule {
  name: string;
  applies: (u: Utterance, screen: Screen) => boolean;
  act: (u: Utterance, screen: Screen) => Action | undefined;
}

/** Drops empty values so tool inputs stay minimal and comparable. */
function compact<T extends Record<string, unknown>>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/** The user's own casing for the query ("Trail Runner", not "trail runner") when it can be found. */
function restoreCase(query: string, raw: string): string {
  if (!query) return query;
  const pattern = query.split(' ').map(escapeRegExp).join('[\\s\\u3000]+');
  return raw.normalize('NFKC').match(new RegExp(pattern, 'i'))?.[0] ?? query;
}

/** Search slots plus the query that remains. Cue words of other intents are not part of a query. */
export function readSearch(u: Utterance, screen: Screen): SearchProductsInput {
  for (const cues of [CUES.greeting, CUES.thanks, CUES.ack, CUES.detail, CUES.buy, CUES.similar])
    u.takeAll(cues);
  const seller = takeSeller(u, screen.sellers);
  const price = takePrice(u);
  const sort = takeSort(u);
  const size = takeSize(u);
  const color = takeColor(u);
  const inStockOnly = takeInStock(u);
  // The contract caps a query at 200 characters; a longer one would fail the tool's validation.
  const query = restoreCase(u.rest(), u.raw).slice(0, 200).trim();
  return compact({ query, seller, color, size, ...price, sort, inStockOnly }) as SearchProductsInput;
}

/** What a refinement builds on: the last search, unless it found nothing; then the one behind the cards shown. */
function refineBase(screen: Screen): SearchProductsInput | undefined {
  const last = screen.lastSearch;
  return last && last.products.length === 0 && screen.listSearch ? screen.listSearch.input : last?.input;
}

/** A new search, or a refinement of the last one when the buyer only added a constraint ("under $50"). */
function search(u: Utterance, screen: Screen): Action | undefined {
  const input = readSearch(u, screen);
  const hasSlots = Object.keys(input).some((k) => k !== 'query');
  if (!input.query && !hasSlots) return undefined;
  const base = refineBase(screen);
  if (!input.query && base) return call('searchProducts', { ...base, ...input, query: base.query });
  return call('searchProducts', { ...input, query: input.query ?? '' });
}

/**
 * "Cheaper" / "something nicer": relative to the product in focus, else to the middle of the cards
 * shown (their median price), so that there is something on the far side to find.
 */
function priceStep(u: Utterance, screen: Screen, direction: 'down' | 'up'): Action | undefined {
  const base = refineBase(screen) ?? (screen.focus ? { query: screen.focus.category } : undefined);
  if (!base) return undefined;
  const extra = readSearch(u, screen);
  const shown = screen.focus ? [screen.focus] : screen.list;
  const currency = base.currency ?? shown[0]?.price.currency;
  const prices = shown
    .filter((p) => p.price.currency === currency)
    .map((p) => (p.variant ?? p).price.amount)
    .sort((a, b) => a - b);
  if (!currency || (currency !== 'usd' && currency !== 'jpy') || prices.length === 0) return undefined;
  const reference = prices[Math.floor((prices.length - 1) / 2)];
  const input: Record<string, unknown> = { ...base, ...extra, query: extra.query || base.query, currency };
  if (direction === 'down') {
    input.maxPrice = Math.max(0, reference - 1);
    input.sort = 'price_asc';
    if (base.currency !== currency || (base.minPrice ?? 0) > (input.maxPrice as number))
      delete input.minPrice;
  } else {
    input.minPrice = reference + 1;
    input.sort = 'price_desc';
    if (base.currency !== currency || (base.maxPrice ?? Infinity) < (input.minPrice as number))
      delete input.maxPrice;
  }
  return call('searchProducts', input);
}

function buy(u: Utterance, screen: Screen): Action | undefined {
  u.takeAll(CUES.buy);
  const targets = resolveTargets(u, screen);
  const size = takeSize(u);
  const color = takeColor(u) ?? targets.color;
  // An answer to "Which size?" is an option ("10"), not a quantity: that was in the request.
  const answering = screen.asking !== undefined && !targets.by;
  const quantity = Math.min(
    20,
    takeQuantity(u) ??
      (answering ? requestedQuantity(screen.asking!.request) : undefined) ??
      (answering ? undefined : takeBareNumber(u)) ??
      1,
  );
  const partial = targets.by ? undefined : byPartialTitle(u.rest(), screen);
  const products =
    targets.products.length > 0
      ? targets.products
      : partial
        ? [partial]
        : !targets.by && screen.focus
          ? [screen.focus]
          : [];
  if (products.length === 0) {
    // "I want to buy hiking boots" with nothing in focus is a search.
    if (!targets.by && !u.has(DEICTIC) && u.rest() !== '') return search(new Utterance(u.raw), screen);
    return say({ key: 'askWhich' });
  }
  const items = [];
  for (const product of products) {
    const detail = screen.details.get(product.id);
    const choices = choicesOf(detail ?? product);
    // The size and colour searched for still hold when a card of that search is bought.
    const searched = screen.list.some((p) => p.id === product.id) ? screen.listSearch?.input : undefined;
    const said = { size: size ?? searched?.size, color: color ?? searched?.color };
    const wanted: Wanted =
      answering && screen.asking!.id === product.id
        ? answeredOptions([...screen.asking!.replies, u.raw], choices, said)
        : { ...said, options: statedOptions(u.raw, choices, false) };
    const askShown =
      screen.asking?.id === product.id ||
      screen.sinceUser.some(
        (e) => e.toolName === 'getProduct' && (e.input as { productId?: string })?.productId === product.id,
      );
    const picked = pickVariant(product, detail, wanted, askShown);
    if (picked.kind === 'act') return picked.action;
    items.push(compact({ productId: product.id, variantId: picked.variantId, quantity }));
  }
  return call('startCheckout', { items });
}

/** Everything the buyer chose in their answers so far over what they searched for, the latest answer winning. */
function answeredOptions(
  answers: string[],
  choices: Record<string, string[]>,
  searched: { size?: string; color?: string },
): Wanted {
  const wanted: Wanted = { ...searched, options: {} };
  for (const answer of answers) {
    const u = new Utterance(answer);
    const options = statedOptions(answer, choices, true);
    const size = takeSize(u) ?? options.size;
    const color = takeColor(u) ?? options.color;
    if (size) wanted.size = size;
    if (color) wanted.color = color;
    Object.assign(wanted.options!, options);
  }
  return wanted;
}

/** How many the buyer asked for in an earlier request ("buy two of the second one"). */
function requestedQuantity(request: string): number | undefined {
  const u = new Utterance(request);
  u.takeAll(CUES.buy);
  takeOrdinals(u);
  takeSize(u);
  return takeQuantity(u) ?? takeBareNumber(u);
}

/**
 * Which variant of `product` to buy: the one on its card when it fits what the buyer said, else
 * the one their words pick out. When the words leave an option open the agent asks, showing the
 * product with the values as buttons; it never guesses a size.
 */
function pickVariant(
  product: ProductSummary,
  detail: ProductDetail | undefined,
  wanted: Wanted,
  askShown: boolean,
): { kind: 'item'; variantId?: string } | { kind: 'act'; action: Action } {
  const stated = Boolean(wanted.size || wanted.color || Object.keys(wanted.options ?? {}).length > 0);
  const unavailable = (options: string[]) =>
    ({
      kind: 'act',
      action: say({
        key: 'optionUnavailable',
        title: product.title,
        size: wanted.size,
        color: wanted.color,
        options,
      }),
    }) as const;
  if (product.variant && variantFits(product.variant, wanted))
    return { kind: 'item', variantId: product.variant.id };
  if (stated && summaryExcludes(product, wanted)) return unavailable(optionsFor(product, wanted));
  const choices = choicesOf(detail ?? product);
  if (!stated && Object.keys(choices).length === 0) return { kind: 'item' };
  // Variant ids live in the product detail: fetch it, and buy on the next step.
  if (!detail)
    return { kind: 'act', action: call('getProduct', { productId: product.id, askOptions: true }) };
  const choice = chooseVariant(detail, wanted);
  if (choice.kind === 'none') return unavailable(optionsFor(detail, wanted));
  // The question comes with the product card and its options as buttons, once.
  if (choice.kind === 'ask' && !askShown)
    return { kind: 'act', action: call('getProduct', { productId: product.id, askOptions: true }) };
  if (choice.kind === 'ask')
    return { kind: 'act', action: say({ key: 'askOption', title: detail.title, missing: choice.missing }) };
  return { kind: 'item', variantId: choice.variant.id };
}

function updateCheckout(u: Utterance, screen: Screen): Action {
  const checkout = screen.checkout;
  if (!checkout) return say({ key: 'noCheckout' });
  if (u.has(CUES.express))
    return call('updateCheckout', { checkoutId: checkout.id, shippingOptionId: SHIPPING_OPTION.express });
  if (u.has(CUES.standard))
    return call('updateCheckout', { checkoutId: checkout.id, shippingOptionId: SHIPPING_OPTION.standard });
  if (checkout.lineItems.length !== 1) return say({ key: 'askQuantityLine' });
  const [line] = checkout.lineItems;
  const quantity = u.has(CUES.oneMore) ? line.quantity + 1 : readQuantityChange(u);
  if (!quantity) return say({ key: 'askQuantityLine' });
  return call('updateCheckout', {
    checkoutId: checkout.id,
    items: [
      compact({ productId: line.productId, variantId: line.variantId, quantity: Math.min(20, quantity) }),
    ],
  });
}

function compare(u: Utterance, screen: Screen): Action {
  const targets = resolveTargets(u, screen);
  let ids = targets.products.map((p) => p.id);
  if (ids.length === 1 && screen.focus && screen.focus.id !== ids[0]) ids = [screen.focus.id, ids[0]];
  if (ids.length === 0 && !targets.by) ids = screen.list.slice(0, 4).map((p) => p.id);
  if (ids.length < 2) return say({ key: 'askTwo' });
  return call('compareProducts', { productIds: ids.slice(0, 4) });
}

function similar(u: Utterance, screen: Screen): Action | undefined {
  const targets = resolveTargets(u, screen);
  const product = targets.products[0] ?? screen.focus ?? screen.list[0];
  if (!product) return undefined;
  const category = product.category.slice(0, 60);
  return call('searchProducts', { query: category, category });
}

/**
 * The new quantity in "make it 3", 「やっぱり2つで」: a change cue, a number and nothing else,
 * so "actually, show me tents under $50" is not read as a quantity of 50.
 */
function readQuantityChange(u: Utterance): number | undefined {
  if (u.takeAll(CHANGE_QUANTITY).length === 0) return undefined;
  const quantity = takeQuantity(u) ?? takeBareNumber(u);
  return quantity && u.rest() === '' ? quantity : undefined;
}

const hasQuantityChange = (u: Utterance) =>
  u.has(CUES.oneMore) || readQuantityChange(new Utterance(u.raw)) !== undefined;

const RULES: Rule[] = [
  { name: 'pay', applies: (u) => u.has(CUES.pay), act: () => say({ key: 'cannotPay' }) },
  { name: 'unsupported', applies: (u) => u.has(CUES.unsupported), act: () => say({ key: 'unsupported' }) },
  {
    name: 'orders',
    applies: (u) => u.has(CUES.orders),
    act: (u, screen) => {
      const mentioned =
        screen.orders.find((o) => u.raw.includes(o.id))?.id ?? u.raw.match(/\b(ord_[A-Za-z0-9_-]+)\b/)?.[1];
      return call('getOrders', compact({ orderId: mentioned }));
    },
  },
  { name: 'offTopic', applies: (u) => u.has(CUES.offTopic), act: () => say({ key: 'offTopic' }) },
  {
    name: 'updateCheckout',
    applies: (u, screen) =>
      screen.checkout !== undefined && (u.has(CUES.express) || u.has(CUES.standard) || hasQuantityChange(u)),
    act: updateCheckout,
  },
  { name: 'advice', applies: (u) => u.has(CUES.advice), act: compare },
  { name: 'buy', applies: (u) => u.has(CUES.buy), act: buy },
  {
    // "10", "blue", 「Mで」 after "Which size?": the purchase goes on with that choice.
    name: 'answerOption',
    applies: (_u, screen) => screen.asking !== undefined,
    act: (u, screen) => {
      const detail = screen.details.get(screen.asking!.id);
      const probe = new Utterance(u.raw);
      const stated =
        takeSize(probe) !== undefined ||
        takeColor(probe) !== undefined ||
        (detail !== undefined && Object.keys(statedOptions(u.raw, choicesOf(detail), true)).length > 0);
      return stated ? buy(u, screen) : undefined;
    },
  },
  {
    name: 'noCheckout',
    applies: (u) => u.has(CUES.shipping) || u.has(CUES.standard) || hasQuantityChange(u),
    act: () => say({ key: 'noCheckout' }),
  },
  { name: 'compare', applies: (u) => u.has(CUES.compare), act: compare },
  { name: 'similar', applies: (u) => u.has(CUES.similar), act: similar },
  {
    // "I'll take the lighter one" after a comparison picks one of the two, it does not search again.
    name: 'pickByProperty',
    applies: (u, screen) => screen.list.length >= 2 && pointsByProperty(u),
    act: (u, screen) => {
      if (u.has(CUES.buy)) return buy(u, screen);
      const targets = resolveTargets(u, screen);
      return targets.by === 'property'
        ? call('getProduct', { productId: targets.products[0].id })
        : say({ key: 'propertyUnknown' });
    },
  },
  {
    name: 'cheaper',
    applies: (u) => u.has(CUES.cheaper),
    act: (u, screen) => {
      u.takeAll(CUES.cheaper);
      return priceStep(u, screen, 'down');
    },
  },
  {
    name: 'pricier',
    applies: (u) => u.has(CUES.pricier),
    act: (u, screen) => {
      u.takeAll(CUES.pricier);
      return priceStep(u, screen, 'up');
    },
  },
  {
    name: 'moreResults',
    applies: (u, screen) => screen.listSearch !== undefined && u.has(MORE_RESULTS),
    act: (_u, screen) => {
      const last = screen.listSearch!;
      return call('searchProducts', {
        ...last.input,
        limit: Math.min(24, Math.max(last.products.length, last.input.limit ?? 0) + 8),
      });
    },
  },
  {
    // "Yes" to "Want me to try “tents” instead?"
    name: 'acceptSuggestion',
    applies: (u, screen) =>
      Boolean(screen.lastSearch?.suggestion) && screen.lastSearch!.products.length === 0 && u.has(CUES.ack),
    act: (u, screen) => {
      u.takeAll(CUES.ack);
      if (u.rest() !== '' || /\b(no|nope)\b|いいえ/.test(u.normalized)) return undefined;
      return call('searchProducts', { query: screen.lastSearch!.suggestion! });
    },
  },
  {
    name: 'smallTalk',
    applies: (u) => u.has([...CUES.help, ...CUES.greeting, ...CUES.thanks, ...CUES.ack]),
    act: (u) => {
      const help = u.takeAll(CUES.help).length > 0;
      const greeting = u.takeAll(CUES.greeting).length > 0;
      const thanks = u.takeAll(CUES.thanks).length > 0;
      u.takeAll(CUES.ack);
      if (u.rest() !== '') return undefined;
      return say({ key: help ? 'help' : greeting ? 'greeting' : thanks ? 'thanks' : 'ack' });
    },
  },
  {
    name: 'detail',
    applies: () => true,
    act: (u, screen) => {
      const asksDetail = u.has(CUES.detail);
      u.takeAll(CUES.detail);
      const targets = resolveTargets(u, screen);
      const product =
        targets.products[0] ?? (asksDetail && !targets.by ? byPartialTitle(u.rest(), screen) : undefined);
      // "The fifth one" when three cards are shown.
      if (!product && targets.by === 'position') return say({ key: 'askWhich' });
      if (!product) return undefined;
      // "Trail Runner shoes under $150" names a product but asks for a search.
      if (targets.by === 'title' && !asksDetail && readSearch(u, screen).query) return undefined;
      return call('getProduct', { productId: product.id });
    },
  },
  {
    name: 'aboutIt',
    applies: (u, screen) => screen.focus !== undefined && u.has(CUES.aboutIt),
    act: (_u, screen) => call('getProduct', { productId: screen.focus!.id }),
  },
  {
    name: 'colorRefine',
    applies: () => true,
    act: (u, screen) => {
      const targets = resolveTargets(u, screen);
      if (targets.by !== 'color' || targets.products.length > 0) return undefined;
      return call('searchProducts', { ...(refineBase(screen) ?? { query: '' }), color: targets.color });
    },
  },
  { name: 'search', applies: () => true, act: search },
];

/** Chooses what to do with the latest user message. Tools not offered are never called. */
export function decide(screen: Screen, offered: ReadonlySet<string>): Action {
  const text = screen.userText.trim();
  if (!text) return say({ key: 'help' });
  for (const rule of RULES) {
    const u = new Utterance(text);
    if (!rule.applies(u, screen)) continue;
    const action = rule.act(u, screen);
    if (!action) continue;
    if (action.kind === 'tool' && !offered.has(action.toolName))
      return say({ key: 'unavailable', tool: action.toolName });
    return action;
  }
  return say({ key: 'help' });
}
