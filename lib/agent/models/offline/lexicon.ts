/**
 * The offline model's vocabulary, as data. Phrases are matched against normalised text
 * (NFKC, lower case): a plain string is a literal phrase (whole words for Latin script),
 * a RegExp is used as written. Add a phrase here rather than a branch in the parser.
 */

export type Cue = string | RegExp;

export interface SellerEntry {
  id: string;
  /** Names that identify the shop on their own. */
  names: Cue[];
  /** Words that only mean this shop after "from", "at", "by" (bare "volt" could be anything). */
  shortNames: Cue[];
}

export const SELLERS: SellerEntry[] = [
  {
    id: 'summit-outfitters',
    names: ['summit outfitters', 'outdoor shop', 'outdoor store', 'outdoors shop', 'outdoors store', 'outdoor gear shop', 'outdoor gear store', 'camping store', 'camping shop', 'hiking shop', 'hiking store', 'サミットアウトフィッターズ', 'サミット・アウトフィッターズ', 'アウトドアショップ', 'アウトドア用品店', 'アウトドアの店', '登山用品店', 'サミット'],
    shortNames: ['summit', 'outfitters', 'outfitter'],
  },
  {
    id: 'volt-audio',
    names: ['volt audio', 'audio store', 'audio shop', 'electronics store', 'electronics shop', 'headphone shop', 'headphone store', 'hi-fi shop', 'ボルトオーディオ', 'ボルト・オーディオ', 'オーディオショップ', 'オーディオの店', 'オーディオ専門店', '家電店', '電器店', 'ボルト'],
    shortNames: ['volt'],
  },
  {
    id: 'kissa-tokyo',
    names: ['kissa tokyo', 'coffee shop', 'coffee store', 'coffee roaster', 'coffee roasters', 'tea shop', 'tea store', 'teaware shop', '喫茶東京', 'キッサトーキョー', 'キッサ東京', 'コーヒーショップ', 'コーヒー屋', '喫茶店', 'お茶屋', 'お茶の店', 'カフェ'],
    shortNames: ['kissa', 'cafe', 'café', 'coffee place'],
  },
];

/** Colour words → the English colour the search tool expects. */
export const COLORS: Array<{ color: string; words: Cue[] }> = [
  { color: 'black', words: ['black', '黒い', '黒色', 'ブラック', '黒'] },
  { color: 'white', words: ['white', '白い', '白色', 'ホワイト', '白'] },
  { color: 'navy', words: ['navy blue', 'navy', '紺色', 'ネイビー', '紺'] },
  { color: 'blue', words: ['blue', '青い', '青色', 'ブルー', '青'] },
  { color: 'red', words: ['red', '赤い', '赤色', 'レッド', '赤'] },
  { color: 'green', words: ['green', '緑色', 'グリーン', '緑'] },
  { color: 'olive', words: ['olive', 'オリーブ'] },
  { color: 'grey', words: ['grey', 'gray', '灰色', 'グレー', 'グレイ'] },
  { color: 'brown', words: ['brown', '茶色い', '茶色', 'ブラウン'] },
  { color: 'tan', words: ['tan', 'タン'] },
  { color: 'beige', words: ['beige', 'ベージュ'] },
  { color: 'yellow', words: ['yellow', '黄色い', '黄色', 'イエロー'] },
  { color: 'orange', words: ['orange', 'オレンジ'] },
  { color: 'pink', words: ['pink', 'ピンク'] },
  { color: 'purple', words: ['purple', '紫色', 'パープル', '紫'] },
  { color: 'silver', words: ['silver', '銀色', 'シルバー'] },
  { color: 'gold', words: ['gold', '金色', 'ゴールド'] },
];

/** Phrases that contain a colour or ordinal word but mean something else. */
export const PROTECTED: Cue[] = ['green tea', 'black tea', 'white tea', 'first aid', '緑茶', '紅茶', '白茶', '黒豆', '黒糖', '面白', '白湯', '青山', '金額', '料金'];

export const SORTS: Array<{ sort: 'price_asc' | 'price_desc' | 'rating'; words: Cue[] }> = [
  {
    sort: 'rating',
    words: ['best rated', 'best-rated', 'top rated', 'top-rated', 'highest rated', 'highly rated', 'best reviewed', 'best reviews', 'top reviewed', 'most popular', 'popular', 'best', 'highest rating', 'by rating', '評価の高い', '評価が高い', '評価の良い', '評価がいい', '高評価', '評価順', '最も評価', 'レビューの良い', 'レビューが良い', '評判の良い', '評判のいい', '人気の', '人気'],
  },
  {
    sort: 'price_asc',
    words: ['cheapest', 'lowest price', 'lowest priced', 'least expensive', 'low to high', 'sort by price', 'by price', 'price ascending', 'cheap', 'affordable', 'inexpensive', 'budget', '最も安い', '安い順', '最安値', '最安', '格安', 'お手頃な', 'お手頃', '手頃な', '安価な', '安い'],
  },
  {
    sort: 'price_desc',
    words: ['most expensive', 'priciest', 'highest price', 'highest priced', 'high to low', 'price descending', '最も高い', '高い順', '高価な', '高級な', '高級'],
  },
];

export const IN_STOCK: Cue[] = ['in stock', 'in-stock', 'available now', 'ready to ship', 'available today', '在庫あり', '在庫のある', '在庫がある', 'すぐ買える'];

/** Cues for each intent. Order of evaluation lives in intents.ts. */
export const CUES = {
  /** Anything that would move money without the buyer's own Pay press. */
  pay: ['pay', 'paying', 'payment', 'charge my card', 'charge me', 'charge it', 'complete the purchase', 'complete my purchase', 'complete the order', 'complete checkout', 'finalize', 'finalise', 'confirm the order', 'confirm my order', 'without asking', 'without confirming', 'without confirmation', 'without my confirmation', 'automatically', '支払', '払って', '払う', '払い', '決済', '確認なしで', '確認せずに', '聞かずに', '勝手に', '自動で'] as Cue[],
  orders: ['my order', 'my orders', /(?<![a-z])ord_[a-z0-9_-]+/, 'where is order', "where's order", 'status of order', 'status of my order', 'order status', 'order history', 'past orders', 'recent orders', 'previous orders', 'track', 'tracking', 'where is my', "where's my", 'has it shipped', 'did it ship', 'shipped yet', 'when will it arrive', 'when will my', 'delivery status', 'what did i buy', 'what have i bought', '注文履歴', '注文状況', '注文はどこ', '注文の状況', '注文を確認', '注文一覧', '私の注文', '僕の注文', '配送状況', '発送状況', 'いつ届', '届いた', '届きます', '発送され', '発送済', '追跡', '荷物', '購入履歴', '買ったもの', '買った商品', '何を買った', 'なにを買った'] as Cue[],
  offTopic: ['weather', 'joke', 'jokes', 'news', 'poem', 'stock market', 'sports score', 'recipe', 'translate', 'capital of', '天気', '冗談', 'ジョーク', 'ニュース', '笑わせて', '詩を', '株価', 'レシピ', '翻訳'] as Cue[],
  greeting: ['hi', 'hello', 'hey', 'hiya', 'good morning', 'good afternoon', 'good evening', 'yo', 'こんにちは', 'こんばんは', 'おはよう', 'おはようございます', 'はじめまして', 'やあ', 'もしもし'] as Cue[],
  thanks: ['thanks', 'thank you', 'thx', 'ty', 'cheers', 'ありがとう', 'ありがとうございます', 'どうも', '助かります'] as Cue[],
  ack: ['great', 'perfect', 'awesome', 'cool', 'ok', 'okay', 'nice', 'got it', 'yes', 'yeah', 'yep', 'sure', 'no', 'nope', 'please do', 'go ahead', 'do it', '了解', 'わかりました', 'いいね', 'はい', 'うん', 'いいえ', 'ええ', 'お願い', 'お願いします', 'そうして'] as Cue[],
  /** Things the agent cannot do from the chat at all. */
  unsupported: ['cancel', 'refund', 'return it', 'return my', 'exchange', 'ship to', 'my address', 'change address', 'change the address', 'キャンセル', '返品', '返金', '交換', '住所', '配送先'] as Cue[],
  help: ['help', 'what can you do', 'how does this work', 'how do i', 'who are you', 'what are you', 'what do you sell', 'what can i buy', /(?:何|なに)が?でき(?:ます|る)?(?:か|の)?/, 'ヘルプ', /使い方(?:を教えて)?/, 'どうすれば', /あなたは誰(?:ですか)?/, /何を売って(?:います|いる|る)?(?:か|の)?/] as Cue[],
  buy: ['buy', 'purchase', "i'll take", 'i will take', "i'd take", 'take it', 'take that', 'take this', 'take them', "i'll have", 'i will have', 'get me that', 'get me this', 'get me it', 'get me one', 'get me two', 'i want it', 'i want that', 'i want this', 'i want one', 'i want two', /(?<=(?<![a-z])add\b.{0,24})(?:to|in|into) (?:my |the )?(?:cart|basket|bag)(?![a-z])/, 'add it', 'add them', 'add that', 'add this', "i'll get", 'i will get', 'order it', 'order that', 'order this', 'order them', 'add to cart', 'add it to', 'add to my cart', 'checkout', 'want to order', "i'd like to order", '買', '購入', /(?<![てで])ください/, /(?<![てで])下さい/, 'カートに', '注文し', '注文する', 'にします', 'でお願いします', 'をお願いします'] as Cue[],
  compare: ['compare', 'comparison', 'vs', 'versus', 'difference between', 'differences between', 'the difference', 'which is better', 'which one is better', 'side by side', '比較', '比べ', '違い', 'どっちがいい', 'どちらがいい', 'どっちが良い', 'どちらが良い'] as Cue[],
  /** Asking for advice about buying is not a purchase: "which should I buy?" */
  advice: ['which should i', 'which one should i', 'should i buy', 'should i get', 'which would you recommend', 'which do you recommend', 'どれを買', 'どっちを買', 'どちらを買', 'どれを選', 'どっちを選', 'どちらを選', 'どれにすべき', 'どっちにすべき'] as Cue[],
  similar: ['more like', 'similar', 'something like', 'anything like', 'like that one', 'like this one', 'alternatives', 'alternative', 'other options', 'others like', 'same kind', '似た', '似てる', '似ている', '同じような', '同じ種類', '類似', '代わり', '他のもの', 'ほかのもの', '他の商品', '他のは', 'ほかのは'] as Cue[],
  cheaper: ['cheaper', 'less expensive', 'lower price', 'lower priced', 'lower-priced', 'more affordable', 'less pricey', 'もっと安い', 'より安い', 'もう少し安い', 'もうちょっと安い', '安めの', '安いのは', '安いのある', 'もっと手頃'] as Cue[],
  pricier: ['more expensive', 'pricier', 'higher end', 'higher-end', 'more premium', 'fancier', 'もっと高い', 'より高い', 'もう少し高い', '高めの', 'もっと良い', 'もっといい'] as Cue[],
  /** A question about the product in focus: answered by showing its detail card. */
  aboutIt: ['how much', 'what does it cost', 'what is the price', "what's the price", 'is it', 'does it', 'can it', 'how heavy', 'how big', 'what size', 'what material', 'いくら', '値段', '価格', '重さ', '素材', 'それは', 'これは'] as Cue[],
  detail: ['tell me about', 'tell me more', 'more about', 'more info', 'more information', 'details', 'detail', 'describe', 'info on', 'information about', 'what is the', "what's the", 'look at', 'show me the', 'について', '詳細', '詳しく', '詳しい', '教えて', 'どんな', '見せて'] as Cue[],
  express: ['express', 'expedited', 'fast shipping', 'faster shipping', 'fastest shipping', 'quick shipping', 'faster', 'quicker', 'sooner', 'overnight', 'next day', 'next-day', 'priority', '速達', 'お急ぎ', '急ぎ', '特急', '翌日', '速く', '早く', '速い配送', '早い配送'] as Cue[],
  /** Words that make a request about shipping even when no checkout exists yet. */
  shipping: ['shipping', 'delivery', 'deliver', 'ship it', '配送', '発送', '配達', 'お急ぎ便', '速達'] as Cue[],
  standard: ['standard shipping', 'regular shipping', 'normal shipping', 'standard delivery', 'cheapest shipping', 'free shipping', 'slower shipping', '通常配送', '普通配送', '通常便', '標準配送', '通常の配送', '無料配送'] as Cue[],
  oneMore: ['one more', 'another one', 'add another', 'もう1つ', 'もうひとつ', 'もう一つ', 'もう1個', 'もう一個'] as Cue[],
};

/** Words that carry no search meaning: removed from the edges of what remains of a request. */
export const FILLERS_EN = [
  'please', 'pls', 'can you', 'could you', 'would you', 'will you', 'can i see', 'can i get', 'could i see', 'show me', 'show', 'find me', 'find', 'search for', 'search',
  'look for', 'looking for', "i'm looking for", 'i am looking for', 'im looking for', 'i need', 'i want', "i'd like", 'i would like', 'need', 'want',
  'do you have', 'do you sell', 'do you carry', 'have you got', 'got any', 'is there', 'are there', 'any', 'some', 'something', 'anything', 'a pair of', 'pair of',
  'recommend', 'suggest', 'me', 'for me', 'what about', 'how about', 'and', 'also', 'only', 'just', 'actually', 'instead', 'then', 'now', 'what', 'which', 'ones', 'one',
  'items', 'products', 'options', 'stuff', 'good', 'nice', 'a', 'an', 'the', 'that', 'those', 'these', 'this', 'it', 'with', 'for', 'in', 'of', 'at', 'from', 'by', 'to', 'on',
  'are', 'is', 'there', 'you', 'have', 'i', 'hi', 'hello', 'hey', 'again', 'results', 'add', 'do they come', 'does it come', 'do they', 'does it', 'come', 'they', 'available', 'please show',
];
export const FILLERS_JA = [
  'に並べ替えて', 'で並べ替えて', '並べ替えて', 'に並べて', 'で並べて', '並べて', 'にして', 'して', 'を探しています', '探しています', 'を探してる', '探してる', 'を探して', '探して', 'を見せて', '見せて', 'が見たい', 'を見たい', '見たい', 'ください', '下さい',
  'が欲しい', 'がほしい', '欲しい', 'ほしい', 'はありますか', 'ありますか', 'はある', 'ある', 'はない', 'を教えて', '教えて', 'をお願いします', 'お願いします',
  'をおすすめして', 'のおすすめ', 'おすすめの', 'おすすめは', 'おすすめ', '何か', 'なにか', 'ですか', 'です', 'かな', 'だけ', 'のみ', 'やつ', 'もの', '物', 'こんにちは',
  'の', 'を', 'が', 'は', 'で', 'に', 'と', 'も', 'な', 'か', 'ね', 'よ', 'って', 'では', 'でも', 'は?', '他',
];

/** Words that point back at what is on screen ("it", 「これ」). */
export const DEICTIC: Cue[] = ['it', 'that', 'this', 'those', 'these', 'them', 'that one', 'this one', 'これ', 'それ', 'あれ', 'この', 'その', 'あの', 'こちら', 'そちら'];

/** Shipping option ids sent to updateCheckout; the checkout tool maps them to the seller's fulfilment options. */
export const SHIPPING_OPTION = { express: 'express', standard: 'standard' } as const;
