import type { Locale } from '@/lib/i18n/locales';

/**
 * How shoppers talk to Aisle, and what the screen must show after each turn. Written from the
 * shopper's side (phrasings heard in demos and bug reports), not from the model's rules: every
 * phrasing that ever failed is added here. Run by shopper-corpus.test.ts through the offline
 * model and the real tools against the demo sellers.
 */
export interface CorpusTurn {
  /** What the shopper types; or `buy`: Buy pressed on that card (1-based) of the latest list. */
  say?: string;
  buy?: number;
  /** The cards listed, first ones in order: "Title" or "Title [Variant]". */
  cards?: string[];
  /** How many results the reply says exist. */
  total?: number;
  /** The product card shown; `asks` when it asks for a size/colour before buying. */
  detail?: string;
  asks?: boolean;
  /** Checkout lines after this turn: "Title — Variant ×quantity". */
  checkout?: string[];
  /** Words the reply contains. */
  reply?: string | RegExp;
  /** Nothing listed, no product, no checkout: the agent only answers. */
  textOnly?: boolean;
}

export interface CorpusConversation {
  name: string;
  locale: Locale;
  turns: CorpusTurn[];
}

const HEADPHONES = [
  'OpenAir 600 Open-Back Headphones',
  'Studio M50 Monitor Headphones',
  'Aria ANC Wireless Headphones',
  'Kids Safe Headphones',
  'Swift Wireless On-Ear Headphones',
];
const EARBUDS = ['Everyday Wireless Earbuds', 'Pulse ANC Earbuds', 'Sprint Sport Earbuds'];
const TENTS = ['Basecamp 2P Tent', 'Homestead 4P Family Tent', 'Featherline 1P Ultralight Tent'];
const BOOTS = [
  'Summit Pro Leather Boot',
  'Cascade Mid GTX',
  'Ridgeback Lightweight Hiker',
  'Trailhead Waterproof Hiker',
  'Mesa Desert Boot',
];
const NOT_SOLD = /we don’t sell “[^”]+”/;
const NOT_SOLD_JA = /「[^」]+」は扱っていません/;

export const CORPUS: CorpusConversation[] = [
  {
    name: 'the README example: a size typed in the first message is the size bought',
    locale: 'en',
    turns: [
      {
        say: 'waterproof hiking boots size 10',
        cards: ['Trailhead Waterproof Hiker [Size 10]', 'Cascade Mid GTX'],
        reply: 'in size 10',
      },
      { buy: 1, checkout: ['Trailhead Waterproof Hiker — Size 10 ×1'] },
    ],
  },
  {
    name: 'Buy on a card whose colour is open asks the colour and keeps the searched size',
    locale: 'en',
    turns: [
      {
        say: 'waterproof hiking boots in size 9',
        cards: [
          'Trailhead Waterproof Hiker [Size 9]',
          'Summit Pro Leather Boot [Size 9]',
          'Cascade Mid GTX',
          'Ridgeback Lightweight Hiker',
          'Mesa Desert Boot [Size 9]',
        ],
      },
      { buy: 3, detail: 'Cascade Mid GTX', asks: true, reply: 'Which colour would you like' },
      { say: 'brown', checkout: ['Cascade Mid GTX — Brown / Size 9 ×1'] },
    ],
  },
  {
    name: 'no size said: the agent asks which, and the answers are bought',
    locale: 'en',
    turns: [
      { say: 'trail running shoes', cards: ['Trail Runner', 'Scree Dash GTX'] },
      {
        say: 'buy the first one',
        detail: 'Trail Runner',
        asks: true,
        reply: 'Which colour and size would you like for the Trail Runner?',
      },
      { say: 'blue', reply: 'Which size', textOnly: true },
      { say: '10', checkout: ['Trail Runner — Blue / Size 10 ×1'] },
    ],
  },
  {
    name: 'a quantity asked before the size survives the question',
    locale: 'en',
    turns: [
      { say: 'hiking boots', cards: BOOTS },
      { say: 'get me two of the fourth one', asks: true, reply: 'Which size' },
      { say: 'size 11', checkout: ['Trailhead Waterproof Hiker — Size 11 ×2'] },
    ],
  },
  {
    name: 'a size and colour in the buying sentence need no question',
    locale: 'en',
    turns: [
      { say: 'trail running shoes' },
      { say: 'buy the first one in black, size 9', checkout: ['Trail Runner — Black / Size 9 ×1'] },
    ],
  },
  {
    name: 'trail runners in size 11: Buy on the card asks the colour only',
    locale: 'en',
    turns: [
      {
        say: 'trail runners size 11',
        cards: ['Trail Runner', 'Scree Dash GTX', 'Ridgeback Lightweight Hiker'],
        total: 3,
      },
      { buy: 1, detail: 'Trail Runner', asks: true, reply: 'Which colour' },
      { say: 'black', checkout: ['Trail Runner — Black / Size 11 ×1'] },
    ],
  },
  {
    name: 'a colour on shown items narrows them, and the size is asked at Buy',
    locale: 'en',
    turns: [
      { say: 'rain jacket', cards: ['Stormshell Rain Jacket', 'Drizzle Packable Rain Jacket'] },
      { say: 'in red', cards: ['Stormshell Rain Jacket'], reply: 'in red' },
      { say: 'buy the first one', asks: true, reply: 'Which size would you like' },
      { say: 'M', checkout: ['Stormshell Rain Jacket — Red / Size M ×1'] },
    ],
  },
  {
    name: 'earbuds: look at one, buy it, choose the colour',
    locale: 'en',
    turns: [
      { say: 'wireless earbuds', cards: EARBUDS },
      { say: 'the second one', detail: 'Pulse ANC Earbuds', asks: false },
      { say: 'buy it', detail: 'Pulse ANC Earbuds', asks: true, reply: 'Blue, Black and White' },
      { say: 'white', checkout: ['Pulse ANC Earbuds — White ×1'] },
    ],
  },
  {
    name: 'a tent in one form is bought without a question',
    locale: 'en',
    turns: [
      { say: 'a tent for two people', cards: ['Basecamp 2P Tent'] },
      { say: 'the first one', detail: 'Basecamp 2P Tent' },
      { say: 'buy it', checkout: ['Basecamp 2P Tent ×1'] },
    ],
  },
  {
    name: 'plans in the sentence set the scene; the question is what is searched',
    locale: 'en',
    turns: [
      {
        say: "we're going camping in the mountains next week, what tent would you recommend?",
        cards: TENTS,
        reply: 'for “tent”',
      },
    ],
  },
  {
    name: 'an honest no for a thing nobody sells',
    locale: 'en',
    turns: [{ say: 'do you sell umbrellas?', cards: [], reply: NOT_SOLD }],
  },
  {
    name: 'an honest no, not a look-alike word',
    locale: 'en',
    turns: [{ say: 'do you sell bicycles?', cards: [], reply: NOT_SOLD }],
  },
  {
    name: 'typos still find the boots',
    locale: 'en',
    turns: [{ say: 'waterprof hikng boots', cards: ['Trailhead Waterproof Hiker'], total: 5 }],
  },
  {
    name: 'cheaper means cheaper than the middle of what is shown',
    locale: 'en',
    turns: [
      { say: 'hiking boots', cards: BOOTS },
      { say: 'cheaper', reply: 'under $' },
    ],
  },
  {
    name: 'an empty answer keeps the cards, and “the second one” still points at them',
    locale: 'en',
    turns: [
      { say: 'hiking boots', cards: BOOTS },
      { say: 'under $20', cards: [], reply: 'under $20.00' },
      { say: 'the second one', detail: 'Cascade Mid GTX' },
    ],
  },
  {
    name: 'picking one of two compared items by a property',
    locale: 'en',
    turns: [
      { say: 'trail running shoes' },
      { say: 'compare them', reply: 'side-by-side of the Trail Runner and the Scree Dash GTX' },
      { say: 'the lighter one', detail: 'Trail Runner' },
      { say: 'buy it', asks: true },
      { say: 'black' },
      { say: '9', checkout: ['Trail Runner — Black / Size 9 ×1'] },
    ],
  },
  {
    name: 'taking the cheaper of two compared boots',
    locale: 'en',
    turns: [
      { say: 'hiking boots' },
      { say: 'compare the first and fourth', reply: 'side-by-side' },
      { say: "I'll take the cheaper one", detail: 'Trailhead Waterproof Hiker', asks: true },
      { say: 'size 10', checkout: ['Trailhead Waterproof Hiker — Size 10 ×1'] },
    ],
  },
  {
    name: 'a property the sellers do not give is said, not searched',
    locale: 'en',
    turns: [
      { say: 'headphones', cards: HEADPHONES },
      { say: 'compare the first two' },
      { say: 'the lighter one', textOnly: true, reply: 'can’t tell which one' },
    ],
  },
  {
    name: 'everything from one seller',
    locale: 'en',
    turns: [{ say: 'everything from Volt Audio', total: 36 }],
  },
  {
    name: 'a need rather than a product',
    locale: 'en',
    turns: [
      { say: 'something warm for winter camping', cards: ['Ember Down Jacket'] },
      { say: 'the second one', detail: 'Trailhead Synthetic Sleeping Bag 35°F' },
    ],
  },
  {
    name: 'coffee by weight: the weight is asked, in the shop’s own values',
    locale: 'en',
    turns: [
      { say: 'coffee beans from Kissa Tokyo', cards: ['Panama Geisha', 'Kissa House Blend'], total: 11 },
      { say: 'the cheapest one', detail: 'Brazil Cerrado' },
      { say: 'buy two of them', asks: true, reply: '200g and 500g' },
      { say: '500g', checkout: ['Brazil Cerrado — 500g ×2'] },
    ],
  },
  {
    name: 'Japanese: the size in the first message ends in the checkout',
    locale: 'ja',
    turns: [
      { say: 'サイズ10の防水ハイキングブーツ', cards: ['Trailhead Waterproof Hiker [サイズ 10]'] },
      { buy: 1, checkout: ['Trailhead Waterproof Hiker — Size 10 ×1'], reply: '「支払う」を押すと' },
    ],
  },
  {
    name: 'Japanese: earbuds, それ, and a colour answer',
    locale: 'ja',
    turns: [
      { say: 'ワイヤレスイヤホン', cards: EARBUDS },
      { say: '2番目', detail: 'Pulse ANC Earbuds' },
      { say: 'それを買います', asks: true, reply: '色はどれにしますか' },
      { say: '白', checkout: ['Pulse ANC Earbuds — White ×1'] },
    ],
  },
  {
    name: 'Japanese: two of the first coffee, the weight asked',
    locale: 'ja',
    turns: [
      { say: 'コーヒー豆', cards: ['パナマ ゲイシャ', '喫茶東京 ハウスブレンド'], total: 11 },
      { say: '1番目を2つ買います', detail: 'パナマ ゲイシャ', asks: true, reply: '重さはどれにしますか' },
      { say: '200g', checkout: ['パナマ ゲイシャ — 200g ×2'], reply: '合計¥14,688' },
    ],
  },
  {
    name: 'Japanese: a tent in one form',
    locale: 'ja',
    turns: [
      { say: 'テント', cards: TENTS },
      { say: '1番目', detail: 'Basecamp 2P Tent' },
      { say: 'これください', checkout: ['Basecamp 2P Tent ×1'], reply: '支払う' },
    ],
  },
  {
    name: 'Japanese: an honest no',
    locale: 'ja',
    turns: [
      { say: '自転車は売っていますか？', cards: [], reply: NOT_SOLD_JA },
      { say: '傘はありますか', cards: [], reply: NOT_SOLD_JA },
    ],
  },
  {
    name: 'Japanese: cheaper than the middle card',
    locale: 'ja',
    turns: [
      { say: '5000円以下のコーヒー豆', total: 8, reply: '¥5,000以下' },
      { say: 'もっと安いの', cards: ['ブラジル セラード', '喫茶東京 ハウスブレンド', 'コロンビア ウィラ'] },
    ],
  },
  {
    name: 'Japanese: a colour on shown jackets',
    locale: 'ja',
    turns: [
      { say: 'レインジャケット', cards: ['Stormshell Rain Jacket', 'Drizzle Packable Rain Jacket'] },
      { say: '赤で', cards: ['Stormshell Rain Jacket'], reply: 'レッド' },
    ],
  },
  {
    name: 'Japanese: the cheaper of two compared headphones',
    locale: 'ja',
    turns: [
      { say: 'ヘッドホン', cards: HEADPHONES },
      { say: '最初の2つを比較して', reply: 'を比較しました' },
      { say: '安い方', detail: 'Studio M50 Monitor Headphones' },
    ],
  },
];
