/**
 * Whether an answer's text says a payment went through or an order was placed. The model can
 * never pay (only the buyer's Pay button can), so such a sentence is either about an order a
 * getOrders result showed, or untrue; the chat adds a notice beside an untrue one.
 */
const ENGLISH =
  /\b(payment|paid|charge[sd]?|purchase|order)\b[^.!?\n]{0,40}\b(complete[sd]?|successful(ly)?|succeeded|confirmed|processed|placed|went through|done)\b|\b(you|i|we)('ve| have| are| were)? (been |now )?(paid|charged|purchased|ordered)\b/i;
const JAPANESE = /(支払|決済|購入|注文)[^。！？\n]{0,20}(完了|済|確定|成功|しました)/;

export function claimsPaymentOrOrder(text: string): boolean {
  return ENGLISH.test(text) || JAPANESE.test(text);
}
