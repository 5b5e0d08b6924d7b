import type { Message, MessageErrorCode, MessageWarningCode } from '@/lib/acp/types';

/**
 * The sentences sellers put in `messages[]`, in the session's language (English unless the
 * agent asked for Japanese with `locale`). Each case has a code an agent can act on.
 */
export type MessageLocale = 'en' | 'ja';

export function messageLocale(locale: string | undefined): MessageLocale {
  return locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

type Text = Record<MessageLocale, (v: Record<string, string | number>) => string>;

const TEXT = {
  out_of_stock: {
    en: (v) => `“${v.title}” is out of stock. Remove it or choose another option.`,
    ja: (v) => `「${v.title}」は在庫切れです。削除するか、別の商品をお選びください。`,
  },
  quantity_exceeded: {
    en: (v) => `Only ${v.available} of “${v.title}” left: lower the quantity to ${v.available} or fewer.`,
    ja: (v) => `「${v.title}」の在庫は残り${v.available}点です。数量を${v.available}以下にしてください。`,
  },
  maximum_exceeded: {
    en: (v) => `At most ${v.max} of “${v.title}” per order.`,
    ja: (v) => `「${v.title}」は1回のご注文につき${v.max}点までです。`,
  },
  low_stock: {
    en: (v) => `Only ${v.available} of “${v.title}” left in stock.`,
    ja: (v) => `「${v.title}」は残り${v.available}点です。`,
  },
  missing_address: {
    en: () => 'A shipping address is needed to ship the physical items.',
    ja: () => 'お届け先の住所を入力してください。',
  },
  invalid_state: {
    en: (v) => `“${v.value}” is not a US state code (use two letters, such as CA or NY).`,
    ja: (v) => `「${v.value}」は米国の州コードではありません（CA、NY のような2文字で入力してください）。`,
  },
  invalid_postal_code: {
    en: (v) => `“${v.value}” is not a valid postal code for ${v.country}.`,
    ja: (v) => `「${v.value}」は${v.country}の郵便番号として正しくありません。`,
  },
  invalid_country: {
    en: (v) => `“${v.value}” is not a country code (use ISO 3166-1 alpha-2, such as US or JP).`,
    ja: (v) => `「${v.value}」は国コードではありません（US、JP のような2文字で入力してください）。`,
  },
  blank: {
    en: (v) => `The address ${v.field} is empty.`,
    ja: (v) => `住所の${v.field}が空です。`,
  },
  region_restricted: {
    en: (v) => `${v.seller} does not ship to ${v.country}.`,
    ja: (v) => `${v.seller}は${v.country}への配送を行っていません。`,
  },
  payment_declined: {
    en: (v) => `The card was declined${v.reason ? ` (${v.reason})` : ''}. Try another payment method.`,
    ja: (v) =>
      `カードが承認されませんでした${v.reason ? `（${v.reason}）` : ''}。別のお支払い方法をお試しください。`,
  },
  requires_3ds: {
    en: () => 'The card issuer asks the buyer to confirm this payment (3-D Secure).',
    ja: () => 'カード発行会社による本人認証（3Dセキュア）が必要です。',
  },
  authentication_failed: {
    en: () => 'The buyer did not confirm the payment with the card issuer. Try again or use another card.',
    ja: () =>
      'カード発行会社での本人認証が完了しませんでした。もう一度お試しいただくか、別のカードをお使いください。',
  },
  price_change: {
    en: (v) => `The total changed to ${v.total} since it was shown. Review it and pay again.`,
    ja: (v) => `表示後に合計金額が${v.total}に変わりました。ご確認のうえ、もう一度お支払いください。`,
  },
  expired: {
    en: () => 'This checkout expired. Start a new one.',
    ja: () => 'このチェックアウトは有効期限が切れました。もう一度やり直してください。',
  },
} satisfies Record<string, Text>;
export type MessageText = keyof typeof TEXT;

export function text(
  key: MessageText,
  locale: MessageLocale,
  values: Record<string, string | number> = {},
): string {
  return TEXT[key][locale](values);
}

export function errorMessage(
  code: MessageErrorCode,
  content: string,
  options: {
    param?: string;
    resolution?: 'recoverable' | 'requires_buyer_input' | 'requires_buyer_review';
    severity?: 'low' | 'medium' | 'high';
  } = {},
): Message {
  return {
    type: 'error',
    code,
    severity: options.severity ?? 'high',
    resolution: options.resolution ?? 'requires_buyer_input',
    ...(options.param ? { param: options.param } : {}),
    content_type: 'plain',
    content,
  };
}

export function warningMessage(code: MessageWarningCode, content: string, param?: string): Message {
  return {
    type: 'warning',
    code,
    severity: 'low',
    resolution: 'requires_buyer_review',
    ...(param ? { param } : {}),
    content_type: 'plain',
    content,
  };
}
