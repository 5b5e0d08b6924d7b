/**
 * Every fixed sentence the offline model says, in English and Japanese, plus the small
 * formatting helpers its summaries share (money, lists, availability).
 */
import type { Money } from '@/lib/agent/tools/schemas';
import { formatMoney as formatMinorUnits } from '@/lib/money';
import type { Say } from './intents';
import type { Language } from './normalize';

/**
 * Minor units → display: {1290, usd} → "$12.90"; {3200, jpy} → "¥3,200" (yen have no decimals).
 * Always the en-US format, so Japanese sentences also read ¥3,200 and not the full-width ￥3,200.
 */
export function formatMoney(money: Money): string {
  return formatMinorUnits(money, 'en');
}

export function joinList(items: string[], lang: Language): string {
  if (lang === 'ja') return items.join('、');
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "7, 8, 9, 10, 11, 12" reads better as "7–12". */
export function sizeRange(sizes: string[]): string {
  const numeric = sizes.every((s) => /^\d+(\.5)?$/.test(s));
  return numeric && sizes.length > 3 ? `${sizes[0]}–${sizes.at(-1)}` : sizes.join(', ');
}

export function availabilityText(
  availability: 'in_stock' | 'low_stock' | 'out_of_stock',
  lang: Language,
): string {
  const words = {
    en: { in_stock: 'in stock', low_stock: 'only a few left', out_of_stock: 'sold out' },
    ja: { in_stock: '在庫あり', low_stock: '残りわずか', out_of_stock: '在庫切れ' },
  };
  return words[lang][availability];
}

/** What the agent can do and which shops it knows, said when it cannot help with something. */
export const CAPABILITIES = {
  en: 'I can search the shops (Summit Outfitters for outdoor gear, Volt Audio for audio, Kissa Tokyo for coffee and tea), show product details, compare products and prepare a checkout that you confirm with the Pay button.',
  ja: 'Summit Outfitters（アウトドア用品）、Volt Audio（オーディオ）、喫茶東京（コーヒーとお茶）の商品を探したり、詳細を表示したり、比較したり、チェックアウトを準備したりできます。購入の確定はあなたが「支払う」ボタンで行います。',
};

const TOOL_ACTIONS: Record<string, { en: string; ja: string }> = {
  searchProducts: { en: 'search', ja: '検索' },
  getProduct: { en: 'show product details', ja: '商品の詳細表示' },
  compareProducts: { en: 'compare products', ja: '商品の比較' },
  startCheckout: { en: 'prepare a checkout', ja: 'チェックアウトの準備' },
  updateCheckout: { en: 'change the checkout', ja: 'チェックアウトの変更' },
  getOrders: { en: 'look up orders', ja: '注文の確認' },
};

const OPTION_NAMES: Record<string, { en: string; ja: string }> = {
  size: { en: 'size', ja: 'サイズ' },
  color: { en: 'colour', ja: '色' },
  weight: { en: 'weight', ja: '重さ' },
  length: { en: 'length', ja: '長さ' },
  amount: { en: 'amount', ja: '金額' },
  material: { en: 'material', ja: '素材' },
};

/** An option's name in a sentence: "colour", 「サイズ」; a seller's own option name as given. */
export function optionName(name: string, lang: Language): string {
  return OPTION_NAMES[name]?.[lang] ?? name;
}

export function toolAction(tool: string, lang: Language): string {
  return TOOL_ACTIONS[tool]?.[lang] ?? tool;
}

export function renderSay(say: Say, lang: Language): string {
  const en = lang === 'en';
  switch (say.key) {
    case 'help':
      return en
        ? `${CAPABILITIES.en} Try “waterproof hiking boots under $100” or “the best rated headphones”.`
        : `${CAPABILITIES.ja}例えば「5000円以下のコーヒー豆」や「評価の高いヘッドホン」と聞いてみてください。`;
    case 'greeting':
      return en
        ? `Hi! What are you shopping for today? ${CAPABILITIES.en}`
        : `こんにちは！今日は何をお探しですか？${CAPABILITIES.ja}`;
    case 'thanks':
      return en
        ? 'You’re welcome! Is there anything else I can find for you?'
        : 'どういたしまして！ほかに探しているものはありますか？';
    case 'cannotPay':
      return en
        ? 'I can’t pay or place an order on my own. I can prepare a checkout for you; you review it and press Pay to buy. Nothing is charged until you do.'
        : '私が代わりに支払ったり、勝手に注文したりすることはできません。チェックアウトを準備しますので、内容を確認して「支払う」ボタンを押してください。押すまで請求はされません。';
    case 'ack':
      return en
        ? 'OK! Tell me what you’d like to find next, or say “buy it” when you’re ready.'
        : '承知しました。次に探したいものがあれば教えてください。買うときは「これを買います」と言ってください。';
    case 'unsupported':
      return en
        ? `Sorry, I can’t do that from the chat. ${CAPABILITIES.en}`
        : `申し訳ありませんが、それはチャットからはできません。${CAPABILITIES.ja}`;
    case 'offTopic':
      return en
        ? `Sorry, I can only help with shopping here. ${CAPABILITIES.en}`
        : `申し訳ありませんが、ここではお買い物のお手伝いだけができます。${CAPABILITIES.ja}`;
    case 'askWhich':
      return en
        ? 'Which product do you mean? You can say “the second one” or name it.'
        : 'どの商品のことですか？「2番目」のように番号か、商品名で教えてください。';
    case 'askTwo':
      return en
        ? 'Which products should I compare? For example, say “compare the first two”.'
        : 'どの商品を比較しますか？例えば「最初の2つを比較して」と言ってください。';
    case 'noCheckout':
      return en
        ? 'There is no checkout yet. Pick a product and say “buy it” to prepare one.'
        : 'まだチェックアウトがありません。商品を選んで「これを買います」と言ってください。';
    case 'askQuantityLine':
      return en ? 'Which item should I change, and to how many?' : 'どの商品をいくつに変更しますか？';
    case 'unavailable':
      return en
        ? `I can’t ${toolAction(say.tool, 'en')} here right now. ${CAPABILITIES.en}`
        : `ここでは今${toolAction(say.tool, 'ja')}ができません。${CAPABILITIES.ja}`;
    case 'propertyUnknown':
      return en
        ? 'The sellers don’t give that for every product shown, so I can’t tell which one it is. Say “the first one” or name it.'
        : '表示中の商品すべてにその情報がないため、どれのことか判断できません。「1番目」のように番号か、商品名で教えてください。';
    case 'askOption': {
      const names = say.missing.map((option) => optionName(option.name, lang));
      const lists = say.missing.map((option) =>
        option.name === 'size' ? sizeRange(option.values) : joinList(option.values, lang),
      );
      if (en) {
        const choices =
          say.missing.length === 1
            ? `It comes in ${lists[0]}.`
            : say.missing.map((_, i) => `${names[i]}: ${lists[i]}.`).join(' ');
        return `Which ${joinList(names, 'en')} would you like for the ${say.title}? ${choices} Tap one above or tell me.`;
      }
      const choices = lists.map((list, i) => `${names[i]}は${list}`).join('、');
      return `「${say.title}」の${names.join('と')}はどれにしますか？${choices}から選べます。上のボタンを押すか、入力してください。`;
    }
    case 'optionUnavailable': {
      const options = sizeRange(say.options);
      const wanted = en
        ? [say.color, say.size && `size ${say.size}`]
        : [say.color, say.size && `サイズ${say.size}`];
      const label = wanted.filter(Boolean).join(' ');
      return en
        ? `The ${say.title} isn’t available in ${label}.${options ? ` It comes in ${options}.` : ''}`
        : `「${say.title}」には${label}がありません。${options ? `選べるのは${options}です。` : ''}`;
    }
  }
}
