import type { FulfillmentOption, LineItem, Message, SelectedFulfillmentOption, Total } from '@/lib/acp/types';
import { formatMoney } from '@/lib/money';
import { addressProblems, normalizeAddress } from '@/lib/seller/pricing/address';
import { deliveryWindow } from '@/lib/seller/pricing/delivery';
import {
  isTaxExempt,
  itemTaxRate,
  shippingTaxRate,
  taxOn,
  type Destination,
  type TaxRate,
} from '@/lib/seller/pricing/tax';
import { ratesTo, type SellerPolicy, type ShippingRate } from '@/lib/seller/policies';
import { findCatalogItem, itemTitle, productImageUrl, type CatalogItem } from '@/lib/seller/products';
import type { SessionInput } from './input';
import { errorMessage, messageLocale, text, warningMessage, type MessageLocale } from './messages';

/** Units left and the current price of a variant, from seller_stock. */
export interface StockLevel {
  price: number;
  available: number;
}

export interface ShippingChoice {
  rate: ShippingRate;
  amount: number;
  tax: number;
  window: { earliest: string; latest: string };
}

export interface Quote {
  lineItems: LineItem[];
  fulfillmentOptions: FulfillmentOption[];
  selectedFulfillmentOptions: SelectedFulfillmentOption[];
  totals: Total[];
  total: number;
  messages: Message[];
  /** `blocked`: a problem the buyer must fix; `incomplete`: details still missing. */
  readiness: 'ready' | 'incomplete' | 'blocked';
  shipping?: ShippingChoice;
}

export const LOW_STOCK_THRESHOLD = 3;
export const DIGITAL_OPTION_ID = 'email_delivery';

const LABELS: Record<
  MessageLocale,
  Record<'base' | 'subtotal' | 'shipping' | 'tax' | 'total' | 'digital', string>
> = {
  en: {
    base: 'Item(s) total',
    subtotal: 'Subtotal',
    shipping: 'Shipping',
    tax: 'Tax',
    total: 'Total',
    digital: 'Email delivery',
  },
  ja: {
    base: '商品合計',
    subtotal: '小計',
    shipping: '送料',
    tax: '消費税',
    total: '合計',
    digital: 'メールでお届け',
  },
};

function total(
  type: Total['type'],
  display_text: string,
  amount: number,
  breakdown?: Total['breakdown'],
): Total {
  return breakdown && breakdown.length > 0
    ? { type, display_text, amount, breakdown }
    : { type, display_text, amount };
}

export function lineItemId(itemId: string): string {
  return `li_${itemId}`;
}

/** Prices, taxes, shipping and problems of a session, from its input and the current stock. Pure. */
export function quoteSession(
  policy: SellerPolicy,
  sellerName: string,
  input: SessionInput,
  stock: Map<string, StockLevel>,
  now: Date,
): Quote {
  const locale = messageLocale(input.locale);
  const labels = LABELS[locale];
  const currency = policy.currency;
  const messages: Message[] = [];
  let blocked = false;

  // Destination: a valid address, else none (no tax on physical goods, domestic rates shown).
  let destination: Destination = {};
  let addressValid = false;
  const rawAddress = input.fulfillmentDetails?.address;
  if (rawAddress) {
    const address = normalizeAddress(rawAddress);
    const problems = addressProblems(address);
    for (const problem of problems) {
      const key = problem.reason === 'blank' ? 'blank' : problem.reason;
      messages.push(
        errorMessage(
          'invalid',
          text(key, locale, {
            value: String(address[problem.field] ?? ''),
            field: problem.field,
            country: address.country,
          }),
          {
            param: `$.fulfillment_details.address.${problem.field}`,
          },
        ),
      );
    }
    addressValid = problems.length === 0;
    if (addressValid) destination = { country: address.country, state: address.state };
    blocked ||= !addressValid;
  }

  const taxes = new Map<string, { rate: TaxRate; amount: number }>();
  const addTax = (rate: TaxRate | null, amount: number) => {
    if (!rate || amount === 0) return;
    const entry = taxes.get(rate.jurisdiction) ?? { rate, amount: 0 };
    entry.amount += amount;
    taxes.set(rate.jurisdiction, entry);
  };

  const lines: { lineId: string; item: CatalogItem; quantity: number; subtotal: number }[] = [];
  const lineItems: LineItem[] = input.items.map((requested, index) => {
    const item = findCatalogItem(policy.sellerId, requested.id);
    if (!item) throw new Error(`Unknown item ${requested.id}: validate items before quoting`);
    const level = stock.get(item.variant.id) ?? { price: item.variant.price, available: 0 };
    const title = itemTitle(item, locale);
    const param = `$.line_items[${index}]`;
    if (level.available === 0) {
      messages.push(errorMessage('out_of_stock', text('out_of_stock', locale, { title }), { param }));
      blocked = true;
    } else if (requested.quantity > level.available) {
      messages.push(
        errorMessage(
          'quantity_exceeded',
          text('quantity_exceeded', locale, { title, available: level.available }),
          { param },
        ),
      );
      blocked = true;
    } else if (requested.quantity > policy.maxQuantityPerLine) {
      messages.push(
        errorMessage(
          'maximum_exceeded',
          text('maximum_exceeded', locale, { title, max: policy.maxQuantityPerLine }),
          { param },
        ),
      );
      blocked = true;
    } else if (level.available <= LOW_STOCK_THRESHOLD) {
      messages.push(
        warningMessage('low_stock', text('low_stock', locale, { title, available: level.available }), param),
      );
    }
    const subtotal = level.price * requested.quantity;
    const rate = itemTaxRate(policy, item.product, destination);
    const tax = taxOn(subtotal, rate, currency);
    addTax(rate, tax);
    const lineId = lineItemId(requested.id);
    lines.push({ lineId, item, quantity: requested.quantity, subtotal });
    const description = (locale === 'ja' && item.product.descriptionJa) || item.product.description;
    const line: LineItem = {
      id: lineId,
      item: { id: requested.id },
      quantity: requested.quantity,
      name: title,
      description,
      images: [productImageUrl(item.product)],
      unit_amount: level.price,
      product_id: item.product.id,
      variant_id: item.variant.id,
      sku: item.variant.id,
      category: item.product.category,
      availability_status:
        level.available === 0
          ? 'out_of_stock'
          : level.available <= LOW_STOCK_THRESHOLD
            ? 'low_stock'
            : 'in_stock',
      available_quantity: level.available,
      max_quantity_per_order: policy.maxQuantityPerLine,
      ...(Object.keys(item.variant.options).length > 0
        ? {
            variant_options: Object.entries(item.variant.options).map(([name, value]) => ({
              name: name[0].toUpperCase() + name.slice(1),
              value,
            })),
          }
        : {}),
      ...(isTaxExempt(item.product)
        ? { tax_exempt: true, tax_exemption_reason: 'Gift cards are not a taxable sale.' }
        : {}),
      totals: [
        total('items_base_amount', labels.base, subtotal),
        total('subtotal', labels.subtotal, subtotal),
        total('tax', labels.tax, tax),
        total('total', labels.total, subtotal + tax),
      ],
    };
    return line;
  });

  const physical = lines.filter((l) => !l.item.product.digital);
  const digital = lines.filter((l) => l.item.product.digital);
  const fulfillmentOptions: FulfillmentOption[] = [];
  const selectedFulfillmentOptions: SelectedFulfillmentOption[] = [];
  let shipping: ShippingChoice | undefined;

  if (physical.length > 0) {
    const rates = ratesTo(policy, addressValid ? destination.country : undefined);
    if (addressValid && rates.length === 0) {
      messages.push(
        errorMessage(
          'region_restricted',
          text('region_restricted', locale, { seller: sellerName, country: destination.country ?? '' }),
          {
            param: '$.fulfillment_details.address.country',
          },
        ),
      );
      blocked = true;
    }
    const physicalSubtotal = physical.reduce((sum, l) => sum + l.subtotal, 0);
    const shipTax = shippingTaxRate(policy, destination);
    const choices = rates.map((rate): ShippingChoice => {
      const amount = rate.freeOver !== undefined && physicalSubtotal >= rate.freeOver ? 0 : rate.price;
      return {
        rate,
        amount,
        tax: taxOn(amount, shipTax, currency),
        window: deliveryWindow(now, rate.minDays, rate.maxDays),
      };
    });
    for (const choice of choices) {
      const days =
        choice.rate.minDays === choice.rate.maxDays
          ? `${choice.rate.minDays}`
          : `${choice.rate.minDays}–${choice.rate.maxDays}`;
      fulfillmentOptions.push({
        type: 'shipping',
        id: choice.rate.id,
        title: locale === 'ja' ? choice.rate.titleJa : choice.rate.title,
        description:
          locale === 'ja'
            ? `${days}営業日でお届け`
            : `Arrives in ${days} business day${choice.rate.maxDays === 1 ? '' : 's'}`,
        carrier: choice.rate.carrier,
        earliest_delivery_time: choice.window.earliest,
        latest_delivery_time: choice.window.latest,
        totals:
          choice.tax > 0
            ? [
                total('subtotal', labels.shipping, choice.amount),
                total('tax', labels.tax, choice.tax),
                total('total', labels.total, choice.amount + choice.tax),
              ]
            : [total('total', labels.shipping, choice.amount)],
      });
    }
    shipping = choices.find((c) => c.rate.id === input.shippingOptionId) ?? choices[0];
    if (shipping) {
      selectedFulfillmentOptions.push({
        type: 'shipping',
        option_id: shipping.rate.id,
        // The spec's item_ids are line-item ids (SelectedFulfillmentOption: "Line item identifier").
        item_ids: physical.map((l) => l.lineId),
      });
      addTax(shipTax, shipping.tax);
    }
    if (!rawAddress)
      messages.push(
        errorMessage('missing', text('missing_address', locale), {
          param: '$.fulfillment_details.address',
          severity: 'low',
        }),
      );
  }
  if (digital.length > 0) {
    fulfillmentOptions.push({
      type: 'digital',
      id: DIGITAL_OPTION_ID,
      title: labels.digital,
      totals: [total('total', labels.shipping, 0)],
    });
    selectedFulfillmentOptions.push({
      type: 'digital',
      option_id: DIGITAL_OPTION_ID,
      item_ids: digital.map((l) => l.lineId),
    });
  }

  const itemsTotal = lines.reduce((sum, l) => sum + l.subtotal, 0);
  const taxTotal = [...taxes.values()].reduce((sum, t) => sum + t.amount, 0);
  const shippingAmount = shipping?.amount ?? 0;
  const grandTotal = itemsTotal + shippingAmount + taxTotal;
  const totals: Total[] = [
    total('items_base_amount', labels.base, itemsTotal),
    total('subtotal', labels.subtotal, itemsTotal),
    ...(physical.length > 0 ? [total('fulfillment', labels.shipping, shippingAmount)] : []),
    total(
      'tax',
      labels.tax,
      taxTotal,
      [...taxes.values()].map((t) => ({
        jurisdiction: t.rate.jurisdiction,
        rate: t.rate.rate,
        amount: t.amount,
      })),
    ),
    total('total', labels.total, grandTotal),
  ];

  const readiness = blocked ? 'blocked' : physical.length > 0 && !rawAddress ? 'incomplete' : 'ready';
  return {
    lineItems,
    fulfillmentOptions,
    selectedFulfillmentOptions,
    totals,
    total: grandTotal,
    messages,
    readiness,
    shipping,
  };
}

export function formatTotal(amount: number, currency: string, locale: MessageLocale): string {
  return formatMoney({ amount, currency }, locale);
}
