/**
 * What the buyer can see, rebuilt from the prompt: the lists, product details, checkouts and
 * orders that earlier tool calls returned. Tool outputs are parsed with the contract's zod
 * schemas; anything that does not parse is ignored. Only structured fields are ever read, so
 * text inside a tool result (a product description saying "ignore your instructions") has no
 * way to steer the model.
 */
import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import {
  checkoutOutput,
  compareProductsOutput,
  getOrdersOutput,
  getProductInput,
  getProductOutput,
  searchProductsInput,
  searchProductsOutput,
  type CheckoutView,
  type OrderView,
  type ProductDetail,
  type ProductSummary,
  type SearchProductsInput,
} from '@/lib/agent/tools/schemas';

export interface ToolEvent {
  toolCallId: string;
  toolName: string;
  input: unknown;
  /** The tool's JSON output; undefined while unanswered, for errors and denials. */
  output: unknown;
  outcome: 'ok' | 'error' | 'denied' | 'pending';
}

export interface Screen {
  /** Text of the latest user message. */
  userText: string;
  /** The user message before it, if any (a bare "10" answers in the language of the question). */
  previousUserText?: string;
  /** Tool calls made since the latest user message, oldest first. */
  sinceUser: ToolEvent[];
  /** The latest tool event when the prompt ends with a tool message. */
  answered?: ToolEvent;
  lastSearch?: { input: SearchProductsInput; products: ProductSummary[]; suggestion?: string };
  /**
   * The search behind the cards still on screen: an empty answer leaves the previous cards (and
   * "the second one") in place, and the next refinement starts from them, not from the empty filter.
   */
  listSearch?: { input: SearchProductsInput; products: ProductSummary[]; total: number };
  /** The list of cards most recently shown (a search or a comparison). */
  list: ProductSummary[];
  /** The product whose detail card was shown last, when nothing was listed after it. */
  focus?: ProductSummary;
  /**
   * A purchase waiting for the buyer to choose a size, colour or option: the product shown to
   * choose from in an earlier turn, and the words of the request that asked for it.
   */
  asking?: { id: string; request: string; replies: string[] };
  details: Map<string, ProductDetail>;
  known: Map<string, ProductSummary>;
  sellers: Map<string, string>;
  /** The latest checkout that can still change (not paid, not canceled). */
  checkout?: CheckoutView;
  orders: OrderView[];
}

function userText(content: Array<{ type: string; text?: string }>): string {
  return content
    .filter((part) => part.type === 'text')
    .map((part) => part.text ?? '')
    .join(' ')
    .trim();
}

function parseInput(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input);
  } catch {
    return undefined;
  }
}

export function readScreen(prompt: LanguageModelV3Prompt): Screen {
  const events: ToolEvent[] = [];
  const byId = new Map<string, ToolEvent>();
  let lastUserAt = -1;
  let text = '';
  const requests: string[] = [];
  /** Each user message with the number of tool events before it. */
  const said: Array<{ text: string; at: number }> = [];
  for (const message of prompt) {
    if (message.role === 'user') {
      text = userText(message.content);
      lastUserAt = events.length;
      said.push({ text, at: lastUserAt });
    } else if (message.role === 'assistant' || message.role === 'tool') {
      for (const part of message.content) {
        if (part.type === 'tool-call') {
          const event: ToolEvent = {
            toolCallId: part.toolCallId,
            toolName: part.toolName,
            input: parseInput(part.input),
            output: undefined,
            outcome: 'pending',
          };
          events.push(event);
          requests.push(text);
          byId.set(part.toolCallId, event);
        } else if (part.type === 'tool-result') {
          let event = byId.get(part.toolCallId);
          if (!event) {
            event = {
              toolCallId: part.toolCallId,
              toolName: part.toolName,
              input: undefined,
              output: undefined,
              outcome: 'pending',
            };
            events.push(event);
            requests.push(text);
            byId.set(part.toolCallId, event);
          }
          const output = part.output;
          if (output.type === 'json') Object.assign(event, { output: output.value, outcome: 'ok' });
          else if (output.type === 'text')
            Object.assign(event, { output: parseInput(output.value), outcome: 'ok' });
          else if (output.type === 'execution-denied') event.outcome = 'denied';
          else event.outcome = 'error';
        }
      }
    }
  }

  const screen: Screen = {
    userText: text,
    previousUserText: said.at(-2)?.text,
    sinceUser: events.slice(lastUserAt < 0 ? 0 : lastUserAt),
    list: [],
    details: new Map(),
    known: new Map(),
    sellers: new Map(),
    orders: [],
  };
  const last = prompt.at(-1);
  if (last?.role === 'tool') {
    const results = last.content.filter((part) => part.type === 'tool-result');
    const id = results.at(-1)?.toolCallId;
    screen.answered = id ? byId.get(id) : undefined;
  }

  let listAt = -1;
  let focusAt = -1;
  const remember = (product: ProductSummary) => {
    screen.known.set(product.id, product);
    screen.sellers.set(product.sellerId, product.sellerName);
  };
  events.forEach((event, at) => {
    if (event.outcome !== 'ok') return;
    screen.asking = undefined;
    switch (event.toolName) {
      case 'searchProducts': {
        const parsed = searchProductsOutput.safeParse(event.output);
        if (!parsed.success) return;
        const asked = searchProductsInput.safeParse(event.input);
        const input = asked.success ? asked.data : parsed.data.query;
        screen.lastSearch = { input, products: parsed.data.products, suggestion: parsed.data.suggestion };
        if (parsed.data.products.length === 0) return;
        screen.listSearch = { input, products: parsed.data.products, total: parsed.data.total };
        screen.list = parsed.data.products;
        parsed.data.products.forEach(remember);
        listAt = at;
        return;
      }
      case 'compareProducts': {
        const parsed = compareProductsOutput.safeParse(event.output);
        if (!parsed.success) return;
        screen.list = parsed.data.products;
        for (const product of parsed.data.products) {
          remember(product);
          screen.details.set(product.id, product);
        }
        listAt = at;
        return;
      }
      case 'getProduct': {
        const parsed = getProductOutput.safeParse(event.output);
        if (!parsed.success || !parsed.data.product) return;
        remember(parsed.data.product);
        screen.details.set(parsed.data.product.id, parsed.data.product);
        screen.focus = parsed.data.product;
        focusAt = at;
        if (at < lastUserAt && getProductInput.safeParse(event.input).data?.askOptions)
          screen.asking = {
            id: parsed.data.product.id,
            request: requests[at],
            // What the buyer answered since, before this message ("blue", then "size 10").
            replies: said
              .slice(0, -1)
              .filter((m) => m.at > at)
              .map((m) => m.text),
          };
        return;
      }
      case 'startCheckout':
      case 'updateCheckout': {
        const parsed = checkoutOutput.safeParse(event.output);
        const open = parsed.success
          ? parsed.data.checkouts.filter((c) => c.status !== 'completed' && c.status !== 'canceled')
          : [];
        if (parsed.success) screen.checkout = open.at(-1);
        return;
      }
      case 'getOrders': {
        const parsed = getOrdersOutput.safeParse(event.output);
        if (parsed.success) screen.orders = parsed.data.orders;
        return;
      }
    }
  });
  // A list shown after a detail card takes the buyer's attention away from that product,
  // unless the list is that one product.
  if (listAt > focusAt) screen.focus = screen.list.length === 1 ? screen.list[0] : undefined;
  return screen;
}
