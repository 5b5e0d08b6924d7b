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

export const CORPUS: CorpusConversation[] = [
  {
    name: 'the README example: a size typed in the first message is the size bought',
    locale: 'en',
    turns: [
      {
        say: 'waterproof hiking boots size 10',
        cards: ['Trailhead Waterproof Hiker [Size 10]', 'Cascade Mid GTX [Brown / Size 10]'],
      },
      { buy: 1, checkout: ['Trailhead Waterproof Hiker — Size 10 ×1'] },
    ],
  },
  {
    name: 'Buy on a card with a colour and a size buys that card',
    locale: 'en',
    turns: [
      {
        say: 'waterproof hiking boots in size 9',
        cards: [
          'Trailhead Waterproof Hiker [Size 9]',
          'Summit Pro Leather Boot [Size 9]',
          'Cascade Mid GTX [Brown / Size 9]',
        ],
      },
      { buy: 3, checkout: ['Cascade Mid GTX — Brown / Size 9 ×1'] },
    ],
  },
  {
    name: 'no size said: the agent asks which, and the answer is bought',
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
      { say: 'hiking boots' },
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
];
