import { grid, productsOf, single } from './build';
import type { CatalogVariant, SellerCatalog } from './types';

const p = productsOf('kissa-tokyo');

/** Beans are sold by weight; prices are yen, and JPY has no minor unit below the yen. */
function beans(
  id: string,
  price200: number,
  price500: number,
  stock?: Record<string, number>,
  soldOut?: boolean,
): CatalogVariant[] {
  return grid(id, {
    price: (o) => (o.weight === '200g' ? price200 : price500),
    axes: { weight: ['200g', '500g'] },
    stock,
    soldOut,
  });
}

/*
 * Products tests lean on:
 *   brazil-cerrado, kissa-house-blend   coffee beans under ¥5,000 in both weights
 *   panama-geisha                       coffee beans over ¥5,000
 *   jamaica-blue-mountain               sold out: every variant at 0
 */
export const kissaTokyo: SellerCatalog = {
  seller: {
    id: 'kissa-tokyo',
    name: 'Kissa Tokyo',
    nameJa: '喫茶東京',
    tagline: 'Coffee roasted in Tokyo, and the tools to brew it and tea at home.',
    taglineJa: '東京で焙煎したコーヒーと、家で淹れるための道具とお茶。',
    currency: 'jpy',
    country: 'JP',
    accentColor: '#8a4b2a',
    logo: '/products/kissa-tokyo/logo.svg',
  },
  products: [
    p({
      id: 'ethiopia-yirgacheffe',
      title: 'Ethiopia Yirgacheffe',
      titleJa: 'エチオピア イルガチェフェ',
      brand: 'Kissa Tokyo Roastery',
      category: 'coffee beans',
      description:
        'A washed Ethiopian coffee, roasted light to keep its jasmine aroma and lemony acidity. Best as pour-over; it can taste sharp as espresso.',
      descriptionJa:
        'ジャスミンの香りとレモンのような酸味を生かすため、浅煎りに仕上げたエチオピアのウォッシュト。ハンドドリップ向きで、エスプレッソにすると酸が立ちすぎることがあります。',
      tags: [
        'coffee',
        'beans',
        'light roast',
        'ethiopia',
        'single origin',
        'コーヒー豆',
        '浅煎り',
        'エチオピア',
      ],
      rating: { value: 4.7, count: 312 },
      attributes: {
        origin: 'Yirgacheffe, Ethiopia',
        roast: 'Light',
        process: 'Washed',
        notes: 'Jasmine, lemon, black tea',
      },
      variants: beans('ethiopia-yirgacheffe', 1800, 4200),
    }),
    p({
      id: 'kenya-nyeri',
      title: 'Kenya Nyeri AA',
      titleJa: 'ケニア ニエリ AA',
      brand: 'Kissa Tokyo Roastery',
      category: 'coffee beans',
      description:
        'A bright, juicy Kenyan coffee with blackcurrant and grapefruit notes, roasted medium-light. Lovely iced.',
      descriptionJa:
        'カシスやグレープフルーツを思わせる、果汁感のあるケニア産。中浅煎りで、アイスコーヒーにもよく合います。',
      tags: [
        'coffee',
        'beans',
        'kenya',
        'medium light roast',
        'single origin',
        'コーヒー豆',
        'ケニア',
        '中浅煎り',
      ],
      rating: { value: 4.6, count: 154 },
      attributes: {
        origin: 'Nyeri, Kenya',
        roast: 'Medium-light',
        process: 'Washed',
        notes: 'Blackcurrant, grapefruit',
      },
      variants: beans('kenya-nyeri', 2000, 4600),
    }),
    p({
      id: 'colombia-huila',
      title: 'Colombia Huila',
      titleJa: 'コロンビア ウィラ',
      brand: 'Kissa Tokyo Roastery',
      category: 'coffee beans',
      description:
        'A balanced medium roast with caramel sweetness and a gentle red-apple acidity. Easy to like, easy to brew.',
      descriptionJa:
        'キャラメルのような甘さと、りんごのような穏やかな酸味。バランスの良い中煎りで、どんな淹れ方でもおいしく飲めます。',
      tags: [
        'coffee',
        'beans',
        'colombia',
        'medium roast',
        'single origin',
        'コーヒー豆',
        'コロンビア',
        '中煎り',
      ],
      rating: { value: 4.5, count: 268 },
      attributes: {
        origin: 'Huila, Colombia',
        roast: 'Medium',
        process: 'Washed',
        notes: 'Caramel, red apple',
      },
      variants: beans('colombia-huila', 1600, 3700),
    }),
    p({
      id: 'brazil-cerrado',
      title: 'Brazil Cerrado',
      titleJa: 'ブラジル セラード',
      brand: 'Kissa Tokyo Roastery',
      category: 'coffee beans',
      description:
        'A nutty, chocolatey Brazilian coffee roasted medium-dark, with low acidity. A good everyday cup and a friendly base for milk.',
      descriptionJa:
        'ナッツとチョコレートの風味が豊かな、酸味の少ないブラジル産。中深煎りで、毎日の一杯やカフェオレに向いています。',
      tags: [
        'coffee',
        'beans',
        'brazil',
        'medium dark roast',
        'low acidity',
        'コーヒー豆',
        'ブラジル',
        '中深煎り',
      ],
      rating: { value: 4.4, count: 401 },
      attributes: {
        origin: 'Cerrado Mineiro, Brazil',
        roast: 'Medium-dark',
        process: 'Natural',
        notes: 'Hazelnut, milk chocolate',
      },
      variants: beans('brazil-cerrado', 1400, 3200),
    }),
    p({
      id: 'kissa-house-blend',
      title: 'Kissa House Blend',
      titleJa: '喫茶東京 ハウスブレンド',
      brand: 'Kissa Tokyo Roastery',
      category: 'coffee beans',
      description:
        'Our house blend of Brazilian and Sumatran beans, roasted dark in the style of an old Tokyo kissaten. Bitter-sweet and full-bodied; superb with a slice of cake.',
      descriptionJa:
        'ブラジルとスマトラの豆を合わせ、昔ながらの東京の喫茶店のように深煎りにしたハウスブレンド。ほろ苦くコクがあり、ケーキとよく合います。',
      tags: ['coffee', 'beans', 'blend', 'dark roast', 'house blend', 'コーヒー豆', 'ブレンド', '深煎り'],
      rating: { value: 4.8, count: 689 },
      attributes: { origin: 'Brazil, Sumatra', roast: 'Dark', notes: 'Dark chocolate, cedar' },
      variants: beans('kissa-house-blend', 1500, 3400, { '500g': 2 }),
    }),
    p({
      id: 'guatemala-antigua',
      title: 'Guatemala Antigua',
      titleJa: 'グアテマラ アンティグア',
      brand: 'Kissa Tokyo Roastery',
      category: 'coffee beans',
      description:
        'A medium roast from volcanic soil around Antigua, with cocoa, orange peel and a clean finish. Equally good as pour-over or in a French press.',
      descriptionJa:
        'アンティグアの火山性土壌で育った豆を中煎りに。ココアとオレンジピールの風味があり、後味はすっきりしています。ハンドドリップでもフレンチプレスでもおいしく淹れられます。',
      tags: ['coffee', 'beans', 'guatemala', 'medium roast', 'コーヒー豆', 'グアテマラ', '中煎り'],
      rating: { value: 4.5, count: 122 },
      attributes: {
        origin: 'Antigua, Guatemala',
        roast: 'Medium',
        process: 'Washed',
        notes: 'Cocoa, orange peel',
      },
      variants: beans('guatemala-antigua', 1700, 3900),
    }),
    p({
      id: 'sumatra-mandheling',
      title: 'Sumatra Mandheling',
      titleJa: 'スマトラ マンデリン',
      brand: 'Kissa Tokyo Roastery',
      category: 'coffee beans',
      description:
        'An earthy, heavy-bodied Indonesian coffee roasted dark, with herbal and spicy notes. A classic of Japanese coffee shops.',
      descriptionJa:
        '土やハーブ、スパイスを感じる、重厚なコクのインドネシア産を深煎りに。日本の喫茶店で長く愛されてきた定番です。',
      tags: ['coffee', 'beans', 'sumatra', 'mandheling', 'dark roast', 'コーヒー豆', 'マンデリン', '深煎り'],
      attributes: {
        origin: 'North Sumatra, Indonesia',
        roast: 'Dark',
        process: 'Wet-hulled',
        notes: 'Herbs, cedar, spice',
      },
      variants: beans('sumatra-mandheling', 1700, 3900),
    }),
    p({
      id: 'decaf-mexico',
      title: 'Decaf Mexico (Mountain Water)',
      titleJa: 'デカフェ メキシコ（マウンテンウォーター製法）',
      brand: 'Kissa Tokyo Roastery',
      category: 'coffee beans',
      description:
        'A Mexican coffee decaffeinated with water rather than chemical solvents, roasted medium. Sweet and mellow, for an evening cup.',
      descriptionJa:
        '薬品を使わず水でカフェインを取り除いたメキシコ産を中煎りに。甘くまろやかで、夜の一杯にどうぞ。',
      tags: [
        'coffee',
        'beans',
        'decaf',
        'decaffeinated',
        'mexico',
        'コーヒー豆',
        'デカフェ',
        'カフェインレス',
      ],
      rating: { value: 4.3, count: 97 },
      attributes: {
        origin: 'Chiapas, Mexico',
        roast: 'Medium',
        process: 'Mountain Water decaf',
        notes: 'Brown sugar, almond',
      },
      variants: beans('decaf-mexico', 1800, 4100),
    }),
    p({
      id: 'panama-geisha',
      title: 'Panama Geisha',
      titleJa: 'パナマ ゲイシャ',
      brand: 'Kissa Tokyo Roastery',
      category: 'coffee beans',
      description:
        'A rare Geisha variety from Boquete, roasted light: floral, with peach and bergamot. An occasion coffee; brew it carefully as pour-over.',
      descriptionJa:
        'ボケテ産の希少なゲイシャ種を浅煎りに。花のような香りに桃とベルガモットの風味。特別な日に、ハンドドリップで丁寧に淹れてください。',
      tags: [
        'coffee',
        'beans',
        'geisha',
        'gesha',
        'panama',
        'light roast',
        'premium',
        'コーヒー豆',
        'ゲイシャ',
        '浅煎り',
      ],
      rating: { value: 4.9, count: 64 },
      attributes: {
        origin: 'Boquete, Panama',
        roast: 'Light',
        process: 'Washed',
        notes: 'Jasmine, peach, bergamot',
      },
      variants: beans('panama-geisha', 6800, 16000, { '500g': 3 }),
    }),
    p({
      id: 'jamaica-blue-mountain',
      title: 'Jamaica Blue Mountain No.1',
      titleJa: 'ジャマイカ ブルーマウンテン No.1',
      brand: 'Kissa Tokyo Roastery',
      category: 'coffee beans',
      description:
        'Blue Mountain No.1 from Jamaica, roasted medium: smooth, mild and very clean. Sold out until the next harvest arrives.',
      descriptionJa:
        'ジャマイカ産ブルーマウンテンNo.1を中煎りに。なめらかで穏やか、雑味のない味わいです。次の収穫が届くまで売り切れです。',
      tags: [
        'coffee',
        'beans',
        'blue mountain',
        'jamaica',
        'premium',
        'コーヒー豆',
        'ブルーマウンテン',
        '中煎り',
      ],
      rating: { value: 4.7, count: 133 },
      attributes: {
        origin: 'Blue Mountains, Jamaica',
        roast: 'Medium',
        process: 'Washed',
        notes: 'Mild, clean, nutty',
      },
      variants: beans('jamaica-blue-mountain', 7500, 17500, undefined, true),
    }),
    p({
      id: 'hawaii-kona',
      title: 'Hawaii Kona Extra Fancy',
      titleJa: 'ハワイ コナ エクストラファンシー',
      brand: 'Kissa Tokyo Roastery',
      category: 'coffee beans',
      description:
        'Top-grade Kona beans with a silky body and notes of macadamia and brown sugar, roasted medium. Mild rather than bold, for those who like a gentle cup.',
      descriptionJa:
        '最高等級のコナを中煎りに。シルクのような口当たりで、マカダミアナッツと黒糖のような風味があります。力強さより穏やかさが持ち味で、やさしい味わいがお好きな方に。',
      tags: ['coffee', 'beans', 'kona', 'hawaii', 'premium', 'コーヒー豆', 'コナ', '中煎り'],
      rating: { value: 4.6, count: 81 },
      attributes: {
        origin: 'Kona, Hawaii',
        roast: 'Medium',
        process: 'Washed',
        notes: 'Macadamia, brown sugar',
      },
      variants: beans('hawaii-kona', 5800, 13500),
    }),
    p({
      id: 'drip-bag-sampler',
      title: 'Drip Bag Sampler (10 bags)',
      titleJa: 'ドリップバッグ 飲み比べセット（10袋）',
      brand: 'Kissa Tokyo Roastery',
      category: 'drip bags',
      description:
        'Ten single-serve drip bags, two each of five of our coffees. Hang one on a cup and pour hot water: no equipment needed.',
      descriptionJa:
        '当店のコーヒー5種を2袋ずつ詰め合わせた、1杯分のドリップバッグ10袋。カップに掛けてお湯を注ぐだけで、道具はいりません。',
      tags: ['coffee', 'drip bags', 'sampler', 'gift', 'ドリップバッグ', '飲み比べ', 'ギフト'],
      rating: { value: 4.6, count: 245 },
      attributes: { contents: '10 x 10 g drip bags', roast: 'Assorted' },
      variants: single('drip-bag-sampler', 1800),
    }),
    p({
      id: 'gooseneck-drip-kettle',
      title: 'Tsubame Gooseneck Drip Kettle',
      titleJa: '燕三条 細口ドリップポット',
      brand: 'Sanjo Metalworks',
      category: 'drip kettles',
      description:
        'A 0.9 L stovetop pour-over kettle made in Tsubame-Sanjo, with a slim spout for a slow, steady stream. Works on gas and induction; the copper version is gas only.',
      descriptionJa:
        '燕三条で作られた容量0.9Lの細口ドリップポット。細い注ぎ口で、ゆっくり安定した湯量を注げます。ステンレスはガス・IH対応、銅はガス火専用です。',
      tags: [
        'kettle',
        'drip kettle',
        'gooseneck',
        'pour over',
        'stovetop',
        'ケトル',
        'ドリップポット',
        '細口',
        '燕三条',
      ],
      rating: { value: 4.7, count: 188 },
      attributes: { capacity: '0.9 L', origin: 'Tsubame-Sanjo, Niigata' },
      variants: grid('gooseneck-drip-kettle', {
        price: (o) => (o.material === 'Stainless' ? 6800 : 12800),
        axes: { material: ['Stainless', 'Copper'] },
        stock: { copper: 2 },
      }),
    }),
    p({
      id: 'electric-drip-kettle',
      title: 'Electric Gooseneck Kettle',
      titleJa: '温度調節 電気ドリップケトル',
      brand: 'Kiyo',
      category: 'drip kettles',
      description:
        'An 0.8 L electric pour-over kettle that holds a set temperature from 60 to 100°C. Handy for light roasts and green tea alike. Japanese 100 V plug.',
      descriptionJa:
        '60〜100℃で温度を設定・保温できる、容量0.8Lの電気ドリップケトル。浅煎りのコーヒーにも緑茶にも便利です。日本国内100V仕様。',
      tags: [
        'kettle',
        'electric kettle',
        'gooseneck',
        'temperature control',
        'ケトル',
        '電気ケトル',
        '温度調節',
      ],
      rating: { value: 4.5, count: 276 },
      attributes: { capacity: '0.8 L', power: '100 V, 1000 W' },
      variants: grid('electric-drip-kettle', { price: 14800, axes: { color: ['Black', 'White'] } }),
    }),
    p({
      id: 'arita-cone-dripper',
      title: 'Arita Porcelain Cone Dripper',
      titleJa: '有田焼 円すいドリッパー',
      brand: 'Arita Kiln',
      category: 'pour-over drippers',
      description:
        'A cone dripper in Arita porcelain with spiral ribs for an even flow, brewing one to four cups. Porcelain holds heat well once pre-warmed. Uses cone paper filters.',
      descriptionJa:
        '有田焼の円すいドリッパー。らせん状のリブでお湯が均一に落ち、1〜4杯分を淹れられます。湯通しして温めておくと温度が安定します。円すい形のペーパーフィルターを使います。',
      tags: ['dripper', 'pour over', 'cone', 'porcelain', 'arita', 'ドリッパー', '有田焼', 'ハンドドリップ'],
      rating: { value: 4.7, count: 204 },
      attributes: { material: 'Porcelain', origin: 'Arita, Saga', capacity: '1-4 cups' },
      variants: grid('arita-cone-dripper', { price: 2800, axes: { color: ['White', 'Black', 'Blue'] } }),
    }),
    p({
      id: 'glass-dripper',
      title: 'Heatproof Glass Dripper',
      titleJa: '耐熱ガラス ドリッパー',
      brand: 'Kiyo',
      category: 'pour-over drippers',
      description:
        'A clear heatproof glass cone dripper with a wooden collar, so you can watch the bloom. Glass is more fragile than porcelain.',
      descriptionJa:
        '木製のホルダーが付いた、透明な耐熱ガラスの円すいドリッパー。蒸らしの様子を眺めながら淹れられます。陶磁器より割れやすいのでご注意ください。',
      tags: ['dripper', 'pour over', 'glass', 'ドリッパー', '耐熱ガラス', 'ハンドドリップ'],
      rating: { value: 4.4, count: 119 },
      attributes: { material: 'Borosilicate glass, olive wood', capacity: '1-4 cups', color: 'Clear' },
      variants: single('glass-dripper', 2200),
    }),
    p({
      id: 'flat-bottom-dripper',
      title: 'Stainless Flat-Bottom Dripper',
      titleJa: 'ステンレス 台形ドリッパー',
      brand: 'Sanjo Metalworks',
      category: 'pour-over drippers',
      description:
        'An unbreakable stainless flat-bottom dripper that forgives uneven pouring, making it a good first dripper. Uses wave-style filters.',
      descriptionJa:
        '割れないステンレス製の台形ドリッパー。注ぎ方が多少乱れても味が安定しやすく、初めての一台におすすめです。ウェーブ型フィルターを使います。',
      tags: [
        'dripper',
        'pour over',
        'flat bottom',
        'stainless',
        'ドリッパー',
        'ステンレス',
        'ハンドドリップ',
      ],
      rating: { value: 4.5, count: 87 },
      attributes: { material: 'Stainless steel', capacity: '1-2 cups', color: 'Silver' },
      variants: single('flat-bottom-dripper', 3300),
    }),
    p({
      id: 'cone-paper-filters',
      title: 'Cone Paper Filters (100)',
      titleJa: '円すい ペーパーフィルター（100枚）',
      brand: 'Kiyo',
      category: 'coffee filters',
      description:
        'One hundred unbleached cone paper filters. Rinse with hot water first to remove any papery taste.',
      descriptionJa:
        '無漂白の円すい形ペーパーフィルター100枚入り。紙の匂いが気になる場合は、先にお湯でリンスしてください。',
      tags: ['filters', 'paper filters', 'pour over', 'フィルター', 'ペーパーフィルター'],
      attributes: { material: 'Unbleached paper', color: 'Brown' },
      variants: grid('cone-paper-filters', { price: 550, axes: { size: ['1-2 cups', '1-4 cups'] } }),
    }),
    p({
      id: 'hand-coffee-grinder',
      title: 'Hand Coffee Grinder',
      titleJa: '手挽き コーヒーミル',
      brand: 'Sanjo Metalworks',
      category: 'coffee grinders',
      description:
        'A hand grinder with stainless conical burrs and stepped adjustment, grinding 20 g for pour-over in about 40 seconds. Even enough for espresso, with some effort.',
      descriptionJa:
        'ステンレス製コニカル刃と段階調整付きの手挽きミル。ハンドドリップ用の20gを約40秒で挽けます。力は要りますが、エスプレッソ用の細挽きにも対応します。',
      tags: ['grinder', 'coffee grinder', 'hand grinder', 'burr', 'manual', 'ミル', 'コーヒーミル', '手挽き'],
      rating: { value: 4.8, count: 163 },
      attributes: { burrs: 'Stainless conical', capacity: '30 g', color: 'Silver' },
      variants: single('hand-coffee-grinder', 12800),
    }),
    p({
      id: 'electric-burr-grinder',
      title: 'Electric Flat-Burr Grinder',
      titleJa: '電動 フラット刃グラインダー',
      brand: 'Kiyo',
      category: 'coffee grinders',
      description:
        'A quiet electric grinder with 64 mm flat burrs and 40 grind settings, from espresso to French press. Retains very little ground coffee.',
      descriptionJa:
        '64mmのフラット刃と40段階の粒度調整を備えた、静かな電動グラインダー。エスプレッソからフレンチプレスまで対応し、粉残りもごくわずかです。',
      tags: ['grinder', 'coffee grinder', 'electric', 'flat burr', 'グラインダー', '電動ミル'],
      rating: { value: 4.6, count: 72 },
      attributes: { burrs: '64 mm flat', settings: '40', power: '100 V' },
      variants: grid('electric-burr-grinder', {
        price: 29800,
        axes: { color: ['Black', 'White'] },
        stock: { white: 1 },
      }),
    }),
    p({
      id: 'ceramic-hand-mill',
      title: 'Ceramic Hand Mill',
      titleJa: 'セラミック 手挽きミル',
      brand: 'Kiyo',
      category: 'coffee grinders',
      description:
        'An inexpensive, compact hand mill with ceramic burrs and a glass catch jar. Fine for a cup or two a day; the grind is less even than steel burrs.',
      descriptionJa:
        'セラミック刃とガラス容器の、手頃でコンパクトな手挽きミル。1日1〜2杯なら十分です。粒度のそろい方はステンレス刃に一歩譲ります。',
      tags: ['grinder', 'coffee grinder', 'hand grinder', 'ceramic', 'budget', 'ミル', '手挽き'],
      rating: { value: 4.1, count: 310 },
      attributes: { burrs: 'Ceramic', capacity: '24 g', color: 'Black' },
      variants: single('ceramic-hand-mill', 4500),
    }),
    p({
      id: 'drip-scale',
      title: 'Drip Scale with Timer',
      titleJa: 'タイマー付き ドリップスケール',
      brand: 'Kiyo',
      category: 'coffee scales',
      description:
        'A slim scale that weighs to 0.1 g with a built-in timer, for repeatable pour-overs. Charges over USB-C.',
      descriptionJa:
        '0.1g単位で量れるタイマー付きの薄型スケール。毎回同じ味のハンドドリップに役立ちます。USB-Cで充電できます。',
      tags: ['scale', 'coffee scale', 'timer', 'pour over', 'スケール', 'はかり'],
      rating: { value: 4.5, count: 141 },
      attributes: { precision: '0.1 g', capacity: '2 kg', color: 'Black' },
      variants: single('drip-scale', 4800),
    }),
    p({
      id: 'cold-brew-bottle',
      title: 'Cold Brew Bottle',
      titleJa: '水出しコーヒー ボトル',
      brand: 'Kiyo',
      category: 'cold brew makers',
      description:
        'A 1 L heatproof glass bottle with a fine mesh filter for cold-brew coffee or iced tea. Steep overnight in the fridge.',
      descriptionJa:
        '目の細かいフィルター付きの、容量1Lの耐熱ガラスボトル。水出しコーヒーや水出し茶に。冷蔵庫で一晩置くだけです。',
      tags: ['cold brew', 'iced coffee', 'bottle', 'iced tea', '水出し', 'アイスコーヒー', '水出し茶'],
      attributes: { capacity: '1 L', material: 'Heatproof glass', color: 'Clear' },
      variants: single('cold-brew-bottle', 2500),
    }),
    p({
      id: 'mino-mug',
      title: 'Mino-yaki Mug',
      titleJa: '美濃焼 マグカップ',
      brand: 'Tajimi Pottery',
      category: 'mugs',
      description:
        'A 300 ml stoneware mug from Gifu with a soft, hand-dipped glaze; each one is slightly different. Microwave and dishwasher safe.',
      descriptionJa:
        '岐阜で作られた容量300mlの美濃焼マグ。手掛けの柔らかな釉薬で、一つひとつ表情が異なります。電子レンジ・食洗機に対応しています。',
      tags: ['mug', 'cup', 'stoneware', 'mino ware', 'マグカップ', '美濃焼', '器'],
      rating: { value: 4.7, count: 226 },
      attributes: { capacity: '300 ml', material: 'Stoneware', origin: 'Tajimi, Gifu' },
      variants: grid('mino-mug', { price: 2400, axes: { color: ['Blue', 'White', 'Grey'] } }),
    }),
    p({
      id: 'hasami-cup-saucer',
      title: 'Hasami Porcelain Cup & Saucer',
      titleJa: '波佐見焼 カップ＆ソーサー',
      brand: 'Hasami Works',
      category: 'cups',
      description:
        'A 180 ml porcelain cup and saucer in the classic kissaten shape, with a thin rim. Stacks neatly.',
      descriptionJa:
        '喫茶店らしい定番の形をした、容量180mlの波佐見焼カップ＆ソーサー。口当たりの薄い縁で、重ねて収納できます。',
      tags: ['cup', 'saucer', 'coffee cup', 'porcelain', 'hasami', 'カップ', 'ソーサー', '波佐見焼'],
      rating: { value: 4.6, count: 98 },
      attributes: { capacity: '180 ml', material: 'Porcelain', origin: 'Hasami, Nagasaki' },
      variants: grid('hasami-cup-saucer', { price: 3200, axes: { color: ['White', 'Green'] } }),
    }),
    p({
      id: 'hagi-yunomi',
      title: 'Hagi-yaki Yunomi Teacup',
      titleJa: '萩焼 湯呑み',
      brand: 'Hagi Kiln',
      category: 'cups',
      description:
        'A handmade Hagi-ware teacup with a soft, porous glaze that slowly changes colour with use, a quality prized in Japan. Hand wash only.',
      descriptionJa:
        '手づくりの萩焼の湯呑み。やわらかな釉薬は使うほどに色合いが変わり、「萩の七化け」と呼ばれて親しまれています。手洗いでお使いください。',
      tags: ['teacup', 'yunomi', 'cup', 'hagi ware', 'handmade', '湯呑み', '萩焼', '器'],
      attributes: { capacity: '200 ml', material: 'Stoneware', origin: 'Hagi, Yamaguchi', color: 'Pink' },
      variants: single('hagi-yunomi', 2200),
    }),
    p({
      id: 'tokoname-kyusu',
      title: 'Tokoname Kyusu Teapot',
      titleJa: '常滑焼 急須',
      brand: 'Tokoname Kiln',
      category: 'teapots',
      description:
        'A 300 ml side-handled kyusu in Tokoname red clay, with a fine clay mesh that lets sencha leaves unfurl. The unglazed clay mellows tea over time; rinse with water only.',
      descriptionJa:
        '常滑の朱泥で作られた、容量300mlの横手の急須。陶製の細かな茶こしで、煎茶の茶葉がよく開きます。無釉の土がお茶の味をまろやかにするので、洗剤を使わずお湯だけで洗ってください。',
      tags: ['teapot', 'kyusu', 'tokoname', 'clay', 'green tea', '急須', '常滑焼', '朱泥'],
      rating: { value: 4.9, count: 143 },
      attributes: {
        capacity: '300 ml',
        material: 'Red clay (shudei)',
        origin: 'Tokoname, Aichi',
        color: 'Red',
      },
      variants: single('tokoname-kyusu', 8800),
    }),
    p({
      id: 'banko-kyusu',
      title: 'Banko-yaki Kyusu Teapot',
      titleJa: '萬古焼 急須',
      brand: 'Yokkaichi Banko',
      category: 'teapots',
      description:
        'A sturdy 350 ml Banko-ware kyusu with a removable stainless strainer, easy to clean and good for everyday tea. The thick clay holds heat, so the pot stays warm for a second infusion.',
      descriptionJa:
        '取り外せるステンレスの茶こしが付いた、容量350mlの丈夫な萬古焼の急須。お手入れがしやすく、毎日のお茶にぴったりです。厚手の土が熱を保つので、二煎目まで温かく淹れられます。',
      tags: ['teapot', 'kyusu', 'banko', 'green tea', '急須', '萬古焼'],
      rating: { value: 4.5, count: 88 },
      attributes: { capacity: '350 ml', material: 'Stoneware', origin: 'Yokkaichi, Mie', color: 'Purple' },
      variants: single('banko-kyusu', 5500),
    }),
    p({
      id: 'nambu-tetsubin',
      title: 'Nambu Cast Iron Tetsubin',
      titleJa: '南部鉄器 鉄瓶',
      brand: 'Morioka Ironworks',
      category: 'teapots',
      description:
        'A 1.2 L cast-iron kettle from Iwate for boiling water on the stove; many say it softens the taste of water. Heavy, and it rusts if left wet, so dry it over low heat after use.',
      descriptionJa:
        '岩手で作られた容量1.2Lの南部鉄器の鉄瓶。直火でお湯を沸かすと、まろやかな味になると言われます。重く、濡れたままだと錆びるので、使用後は弱火で乾かしてください。',
      tags: ['tetsubin', 'cast iron', 'kettle', 'nambu', 'teapot', '鉄瓶', '南部鉄器', 'やかん'],
      rating: { value: 4.8, count: 57 },
      attributes: { capacity: '1.2 L', material: 'Cast iron', origin: 'Morioka, Iwate', color: 'Black' },
      variants: single('nambu-tetsubin', 16500, 2),
    }),
    p({
      id: 'matcha-starter-set',
      title: 'Matcha Starter Set',
      titleJa: '抹茶 はじめてセット',
      brand: 'Kissa Tokyo',
      category: 'matcha sets',
      description:
        'Everything to whisk matcha at home: a chawan bowl, a bamboo chasen whisk, a chashaku scoop and 30 g of Uji matcha, with a printed guide. A thoughtful gift for anyone curious about matcha.',
      descriptionJa:
        'ご自宅で抹茶を点てるための一式。茶碗、竹の茶筅、茶杓、宇治抹茶30gに、点て方の説明書が付いています。抹茶に興味のある方への贈り物にもおすすめです。',
      tags: ['matcha', 'matcha set', 'tea ceremony', 'whisk', 'gift', '抹茶', '抹茶セット', '茶道', 'ギフト'],
      rating: { value: 4.7, count: 201 },
      attributes: { contents: 'Chawan, chasen, chashaku, 30 g matcha', color: 'Green' },
      variants: single('matcha-starter-set', 9800),
    }),
    p({
      id: 'kyoto-chawan',
      title: 'Kyo-yaki Matcha Bowl',
      titleJa: '京焼 抹茶碗',
      brand: 'Kiyomizu Kiln',
      category: 'matcha bowls',
      description:
        'A hand-thrown Kyoto matcha bowl, wide enough to whisk a good foam and comfortable in both hands. Each bowl is thrown by hand, so size and glaze vary a little.',
      descriptionJa:
        '京都でろくろ挽きされた抹茶碗。泡をきれいに点てやすい広さで、両手になじむ形です。一つひとつ手作りのため、大きさや釉薬の表情が少しずつ異なります。',
      tags: ['matcha bowl', 'chawan', 'matcha', 'kyoto', '抹茶碗', '茶碗', '京焼'],
      rating: { value: 4.8, count: 46 },
      attributes: { material: 'Stoneware', origin: 'Kyoto' },
      variants: grid('kyoto-chawan', {
        price: 6600,
        axes: { color: ['Black', 'White'] },
        stock: { black: 3 },
      }),
    }),
    p({
      id: 'takayama-chasen',
      title: 'Takayama Bamboo Chasen',
      titleJa: '高山 茶筅',
      brand: 'Takayama Chasen',
      category: 'matcha whisks',
      description:
        'A 100-prong bamboo whisk hand-carved in Takayama, Nara. Soak it in warm water before whisking so the tines do not snap.',
      descriptionJa:
        '奈良・高山で手作りされた百本立ての竹の茶筅。穂先が折れないよう、使う前にぬるま湯に浸けてください。',
      tags: ['chasen', 'whisk', 'matcha', 'bamboo', '茶筅', '抹茶', '高山'],
      rating: { value: 4.6, count: 93 },
      attributes: { material: 'Bamboo', origin: 'Takayama, Nara', prongs: '100' },
      variants: single('takayama-chasen', 2800),
    }),
    p({
      id: 'uji-ceremonial-matcha',
      title: 'Uji Ceremonial Matcha',
      titleJa: '宇治抹茶（一番茶）',
      brand: 'Uji Chaen',
      category: 'matcha',
      description:
        'Stone-ground first-harvest matcha from Uji, sweet and vivid green with little bitterness. Keep it in the fridge once opened and use within a month.',
      descriptionJa:
        '宇治の一番茶を石臼で挽いた抹茶。鮮やかな緑色で甘みがあり、苦みは控えめです。開封後は冷蔵庫で保存し、1か月以内にお召し上がりください。',
      tags: ['matcha', 'green tea', 'uji', 'ceremonial', '抹茶', '宇治', '緑茶'],
      rating: { value: 4.8, count: 178 },
      attributes: { origin: 'Uji, Kyoto', harvest: 'First flush', color: 'Green' },
      variants: grid('uji-ceremonial-matcha', {
        price: (o) => (o.weight === '30g' ? 3200 : 9800),
        axes: { weight: ['30g', '100g'] },
      }),
    }),
    p({
      id: 'shizuoka-fukamushi-sencha',
      title: 'Shizuoka Fukamushi Sencha',
      titleJa: '静岡 深蒸し煎茶',
      brand: 'Makinohara Tea Farm',
      category: 'green tea',
      description:
        'A deep-steamed sencha from Makinohara with a rich green cup and a sweet, full flavour. Brew at 70 to 80°C for about a minute.',
      descriptionJa:
        '牧之原の深蒸し煎茶。濃い緑色の水色で、甘みのある豊かな味わいです。70〜80℃のお湯で1分ほど淹れてください。',
      tags: ['sencha', 'green tea', 'loose leaf', 'shizuoka', '煎茶', '深蒸し', '緑茶', '静岡'],
      rating: { value: 4.6, count: 230 },
      attributes: { origin: 'Makinohara, Shizuoka', steaming: 'Deep', color: 'Green' },
      variants: grid('shizuoka-fukamushi-sencha', {
        price: (o) => (o.weight === '100g' ? 1500 : 2800),
        axes: { weight: ['100g', '200g'] },
      }),
    }),
    p({
      id: 'yame-gyokuro',
      title: 'Yame Gyokuro',
      titleJa: '八女 玉露',
      brand: 'Yame Tea Garden',
      category: 'green tea',
      description:
        'Shade-grown gyokuro from Yame with deep umami and a sweet, brothy finish. Brew small amounts at 50 to 60°C for two minutes.',
      descriptionJa:
        '八女で被覆栽培された玉露。深い旨みと甘く濃厚な余韻があります。50〜60℃のお湯で少量ずつ、2分ほどかけて淹れてください。',
      tags: ['gyokuro', 'green tea', 'loose leaf', 'premium', '玉露', '八女', '緑茶'],
      rating: { value: 4.9, count: 76 },
      attributes: { origin: 'Yame, Fukuoka', cultivation: 'Shade-grown', color: 'Green' },
      variants: grid('yame-gyokuro', {
        price: (o) => (o.weight === '50g' ? 3800 : 7200),
        axes: { weight: ['50g', '100g'] },
        stock: { '100g': 2 },
      }),
    }),
    p({
      id: 'kyoto-hojicha',
      title: 'Kyoto Hojicha',
      titleJa: '京都 ほうじ茶',
      brand: 'Uji Chaen',
      category: 'roasted tea',
      description:
        'Roasted green tea with a toasty, caramel aroma and very little caffeine. Good after dinner or as a latte.',
      descriptionJa:
        '香ばしくキャラメルのような香りの焙じ茶で、カフェインはごく少なめ。夕食後の一杯や、ほうじ茶ラテにどうぞ。',
      tags: ['hojicha', 'roasted tea', 'low caffeine', 'loose leaf', 'ほうじ茶', '焙じ茶', '京都'],
      rating: { value: 4.5, count: 164 },
      attributes: { origin: 'Kyoto', weight: '100 g', color: 'Brown' },
      variants: single('kyoto-hojicha', 1200),
    }),
    p({
      id: 'copper-tea-caddy',
      title: 'Hand-made Copper Tea Caddy',
      titleJa: '手づくり 銅の茶筒',
      brand: 'Kyoto Chazutsu',
      category: 'tea caddies',
      description:
        'An airtight copper tea caddy made by hand in Kyoto; the lid slides shut under its own weight. The copper darkens to a warm brown over the years.',
      descriptionJa:
        '京都で手作りされた、気密性の高い銅の茶筒。蓋は自らの重みで静かに閉まります。年月とともに銅が深い茶色へと変わっていきます。',
      tags: ['tea caddy', 'tea tin', 'canister', 'copper', 'storage', '茶筒', '銅', '保存容器'],
      rating: { value: 4.9, count: 38 },
      attributes: { capacity: '200 g of tea', material: 'Copper', origin: 'Kyoto', color: 'Copper' },
      variants: single('copper-tea-caddy', 9800),
    }),
    p({
      id: 'gift-card',
      title: 'Kissa Tokyo Gift Card',
      titleJa: '喫茶東京 ギフトカード',
      brand: 'Kissa Tokyo',
      category: 'gift cards',
      description:
        'A digital gift card delivered by email, usable on anything in our shop. It never expires.',
      descriptionJa:
        'メールでお届けするデジタルギフトカードです。当店のすべての商品にお使いいただけ、有効期限はありません。',
      tags: ['gift card', 'gift', 'voucher', 'ギフトカード', 'ギフト', 'プレゼント'],
      digital: true,
      attributes: { delivery: 'Email' },
      variants: grid('gift-card', {
        price: (o) => Number(o.amount.replace(/\D/g, '')),
        axes: { amount: ['¥3,000', '¥5,000', '¥10,000'] },
        stock: { '3000': 999, '5000': 999, '10000': 999 },
      }),
    }),
  ],
};
