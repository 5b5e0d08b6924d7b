/**
 * Drives the chat the way the browser does (POST /api/chat, one message per turn, Buy on a card
 * sending the card's words) through the offline model and the real tools, and reads back what the
 * screen would show: the cards of the latest list, a product card, checkout lines and the reply.
 */
import { buyRequest, variantLabel } from '@/components/product/variant-label';
import { handleChatRequest } from '@/lib/agent/chat/handler';
import { chatRequest, readChunks, streamedText } from '@/lib/agent/chat/testing';
import type { ChatModel } from '@/lib/agent/models';
import {
  checkoutOutput,
  getProductOutput,
  searchProductsOutput,
  type ProductSummary,
} from '@/lib/agent/tools/schemas';
import { translator } from '@/lib/i18n';
import type { Locale } from '@/lib/i18n/locales';
import type { PurchaseWorld } from './purchase-world';

export interface Screen {
  /** The cards of the latest list in this turn, "Title" or "Title [Variant label]". */
  cards?: string[];
  total?: number;
  suggestion?: string;
  /** The product card shown, and whether it asks the shopper to choose. */
  detail?: { title: string; asks: boolean };
  /** Checkout lines: "Title — Variant ×2". */
  checkout?: string[];
  text: string;
  tools: string[];
}

export interface ShopperSession {
  /** Sends a message as typed. */
  say(text: string): Promise<Screen>;
  /** Presses Buy on card `position` (1-based) of the latest list. */
  buyCard(position: number): Promise<Screen>;
}

export async function openShopperSession(
  world: PurchaseWorld,
  model: ChatModel,
  locale: Locale,
  chatId: string,
): Promise<ShopperSession> {
  const { buyerId } = await world.buyer();
  const t = translator(locale, 'chat');
  let turn = 0;
  let shown: ProductSummary[] = [];

  async function say(text: string): Promise<Screen> {
    const response = await handleChatRequest(chatRequest(chatId, `${chatId}-m${++turn}`, text), {
      db: world.db,
      buyerId,
      locale,
      model,
      rateLimitPerMinute: 10_000,
      fetch: world.fetch,
    });
    if (response.status !== 200)
      throw new Error(`chat answered ${response.status}: ${await response.text()}`);
    const chunks = await readChunks(response);
    const screen: Screen = { text: streamedText(chunks), tools: [] };
    for (const chunk of chunks) {
      if (chunk.type === 'tool-input-available') screen.tools.push(chunk.toolName);
      if (chunk.type !== 'tool-output-available') continue;
      const search = searchProductsOutput.safeParse(chunk.output);
      const product = getProductOutput.safeParse(chunk.output);
      const checkout = checkoutOutput.safeParse(chunk.output);
      if (search.success) {
        shown = search.data.products;
        screen.cards = shown.map((p) => (p.variant ? `${p.title} [${variantLabel(p.variant, t)}]` : p.title));
        screen.total = search.data.total;
        screen.suggestion = search.data.suggestion;
      } else if (product.success && product.data.product) {
        screen.detail = { title: product.data.product.title, asks: false };
      } else if (checkout.success) {
        screen.checkout = checkout.data.checkouts.flatMap((c) =>
          c.lineItems.map((line) => `${line.title} ×${line.quantity}`),
        );
      }
    }
    const asked = chunks.find((c) => c.type === 'tool-input-available' && c.toolName === 'getProduct');
    if (screen.detail && asked && 'input' in asked)
      screen.detail.asks = Boolean((asked.input as { askOptions?: boolean }).askOptions);
    return screen;
  }

  return {
    say,
    buyCard(position) {
      const product = shown[position - 1];
      if (!product) throw new Error(`no card ${position} on screen`);
      return say(buyRequest(t, product, product.variant));
    },
  };
}
