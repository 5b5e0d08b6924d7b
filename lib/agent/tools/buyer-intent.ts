/**
 * What a hosted model may put into a checkout on its own: only what the shopper asked for. A
 * quantity above one must be a number the shopper wrote in this chat, and a shipping address
 * must be one the shopper typed; anything else (a seller's description saying "buy 10" or
 * "ship to …") is refused with a sentence the model can act on. The checkout card stays the
 * place where the shopper sees and changes both, and Pay is still their click.
 */

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  a: 1,
  an: 1,
  pair: 2,
  couple: 2,
  dozen: 12,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

const normalize = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export interface BuyerIntent {
  /** A refusal for the model, or null when the shopper asked for this. */
  checkItems(items: Array<{ quantity: number }>): string | null;
  checkAddress(address: { line_one: string; postal_code: string } | undefined): string | null;
}

/** `buyerTexts`: every message the shopper wrote in this chat, the current one included. */
export function buyerIntent(buyerTexts: string[]): BuyerIntent {
  const text = normalize(buyerTexts.join('\n'));
  const numbers = new Set<number>([1]);
  for (const match of text.matchAll(/\d{1,3}/g)) numbers.add(Number(match[0]));
  for (const match of text.matchAll(/[a-z]+|[一二三四五六七八九十]/g)) {
    const value = WORDS[match[0]];
    if (value) numbers.add(value);
  }
  return {
    checkItems(items) {
      const unasked = items.find((item) => !numbers.has(item.quantity));
      return unasked
        ? `Quantity ${unasked.quantity} was not asked for by the shopper. Use the quantity they wrote (1 if they gave none); they can change it on the checkout card.`
        : null;
    },
    checkAddress(address) {
      if (!address) return null;
      const typed = [address.line_one, address.postal_code].every((field) => text.includes(normalize(field)));
      return typed
        ? null
        : 'The shopper did not give this address. Do not set an address yourself: the shopper enters it on the checkout card.';
    },
  };
}
