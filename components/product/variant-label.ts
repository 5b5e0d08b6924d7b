import type { ProductSummary, VariantSummary } from '@/lib/agent/tools/schemas';
import type { Translator } from '@/lib/i18n';

/**
 * A variant as a shopper reads it on a card or in a Buy message: "Blue / Size 10", 「Blue / サイズ 10」.
 * Built from the options, since a seller's variant title often repeats the product title.
 */
export function variantLabel(variant: VariantSummary, t: Translator<'chat'>): string {
  const parts = Object.entries(variant.options).map(([name, value]) =>
    name === 'size' ? `${t('size')} ${value}` : value,
  );
  return parts.length > 0 ? parts.join(' / ') : variant.title;
}

/**
 * What Buy sends to the chat: the product and, when it has options, the variant in words
 * ("Buy Trail Runner (Blue / Size 10)"), which the offline and the real model both read.
 */
export function buyRequest(t: Translator<'chat'>, product: ProductSummary, variant?: VariantSummary): string {
  return variant && Object.keys(variant.options).length > 0
    ? t('askBuyVariant', { title: product.title, variant: variantLabel(variant, t) })
    : t('askBuy', { title: product.title });
}
