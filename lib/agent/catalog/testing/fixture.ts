import type { FeedProduct } from '../feed-schema';

/**
 * A fixed catalog for search tests, written as the feeds three sellers would push: 46 products,
 * two in USD and one in JPY with Japanese titles, keywords and descriptions. Deliberately close
 * to the demo sellers (lib/seller may not be imported here) but owned by these tests.
 */

interface VariantSpec {
  options?: Record<string, string>;
  price: number;
  stock?: number;
}

interface ProductSpec {
  id: string;
  title: string;
  titleJa?: string;
  brand: string;
  category: string;
  description: string;
  descriptionJa?: string;
  keywords: string[];
  rating?: [number, number];
  attributes?: Record<string, string>;
  /** Every combination of the axes becomes a variant at `price`; or list variants by hand. */
  axes?: Record<string, string[]>;
  price?: number;
  variants?: VariantSpec[];
  soldOut?: boolean;
}

const SELLERS = {
  'summit-outfitters': { name: 'Summit Outfitters', currency: 'USD' },
  'volt-audio': { name: 'Volt Audio', currency: 'USD' },
  'kissa-tokyo': { name: 'Kissa Tokyo', nameJa: '喫茶東京', currency: 'JPY' },
} as const;
export type FixtureSellerId = keyof typeof SELLERS;

function combos(axes: Record<string, string[]>): Array<Record<string, string>> {
  let out: Array<Record<string, string>> = [{}];
  for (const [key, values] of Object.entries(axes))
    out = out.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  return out;
}

function feedProduct(sellerId: FixtureSellerId, spec: ProductSpec): FeedProduct {
  const seller = SELLERS[sellerId];
  const specs: VariantSpec[] =
    spec.variants ?? combos(spec.axes ?? {}).map((options) => ({ options, price: spec.price ?? 0 }));
  return {
    id: spec.id,
    title: spec.title,
    description: { plain: spec.description },
    url: `https://aisle.test/sellers/${sellerId}/products/${spec.id}`,
    media: [
      { type: 'image', url: `https://aisle.test/products/${sellerId}/${spec.id}.svg`, alt_text: spec.title },
    ],
    brand: spec.brand,
    keywords: spec.keywords,
    ...(spec.rating ? { rating: { value: spec.rating[0], count: spec.rating[1] } } : {}),
    attributes: Object.entries(spec.attributes ?? {}).map(([name, value]) => ({ name, value })),
    ...(spec.titleJa
      ? {
          translations: {
            ja: {
              title: spec.titleJa,
              ...(spec.descriptionJa ? { description: { plain: spec.descriptionJa } } : {}),
              ...('nameJa' in seller ? { seller_name: seller.nameJa } : {}),
            },
          },
        }
      : {}),
    variants: specs.map((v, i) => {
      const options = Object.entries(v.options ?? {});
      const suffix = options.map(([, value]) => value.toLowerCase().replace(/[^a-z0-9]+/g, '-')).join('-');
      const stock = spec.soldOut ? 0 : (v.stock ?? 20);
      return {
        id: suffix ? `${spec.id}-${suffix}` : `${spec.id}-${i}`,
        title:
          options.length > 0
            ? `${spec.title} — ${options.map(([, value]) => value).join(' / ')}`
            : spec.title,
        price: { amount: v.price, currency: seller.currency },
        availability:
          stock > 0
            ? { available: true, status: stock <= 3 ? 'limited_stock' : 'in_stock' }
            : { available: false, status: 'out_of_stock' },
        inventory_quantity: stock,
        categories: [{ value: spec.category, taxonomy: 'merchant' }],
        variant_options: options.map(([name, value]) => ({
          name: name.charAt(0).toUpperCase() + name.slice(1),
          value,
        })),
        seller: { name: seller.name },
      };
    }),
  };
}

const sizes = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const APPAREL = ['S', 'M', 'L', 'XL'];

const summit: ProductSpec[] = [
  {
    id: 'trail-runner',
    title: 'Trail Runner',
    brand: 'Ridgeline',
    category: 'trail running shoes',
    description:
      'A light, cushioned trail running shoe with lugs that grip loose dirt and wet rock. The mesh upper is breathable but not waterproof.',
    keywords: ['running', 'trail', 'shoes', 'sneakers', 'lightweight'],
    rating: [4.6, 412],
    attributes: { material: 'Engineered mesh', weight: '280 g' },
    axes: { color: ['Blue', 'Black', 'Orange'], size: sizes(8, 11) },
    price: 12900,
  },
  {
    id: 'scree-dash-gtx',
    title: 'Scree Dash GTX',
    brand: 'Ridgeline',
    category: 'trail running shoes',
    description:
      'The waterproof sibling of the Trail Runner, with a Gore-Tex membrane for wet and cold seasons.',
    keywords: ['running', 'trail', 'shoes', 'waterproof', 'gore-tex'],
    rating: [4.4, 138],
    attributes: { material: 'Mesh with Gore-Tex membrane', weight: '320 g' },
    axes: { color: ['Black', 'Green'], size: sizes(8, 11) },
    price: 15900,
  },
  {
    id: 'trailhead-wp-hiker',
    title: 'Trailhead Waterproof Hiker',
    brand: 'Ridgeline',
    category: 'hiking boots',
    description:
      'An affordable mid-height hiking boot with a waterproof membrane and a grippy outsole for muddy day hikes.',
    keywords: ['boots', 'hiking', 'waterproof', 'budget'],
    rating: [4.2, 287],
    attributes: { material: 'Suede and mesh', color: 'Brown' },
    axes: { size: sizes(8, 12) },
    price: 8900,
  },
  {
    id: 'cascade-mid-gtx',
    title: 'Cascade Mid GTX',
    brand: 'Alpenwerk',
    category: 'hiking boots',
    description:
      'A versatile waterproof hiking boot with a Gore-Tex liner and a Vibram outsole, stable on multi-day trips.',
    keywords: ['boots', 'hiking', 'waterproof', 'gore-tex', 'backpacking'],
    rating: [4.7, 521],
    attributes: { material: 'Nubuck leather, Gore-Tex', weight: '610 g' },
    axes: { color: ['Brown', 'Grey'], size: sizes(9, 11) },
    price: 17900,
  },
  {
    id: 'summit-pro-leather',
    title: 'Summit Pro Leather Boot',
    brand: 'Alpenwerk',
    category: 'hiking boots',
    description: 'A full-grain leather boot for heavy loads and rough ground, resoleable for years of use.',
    keywords: ['boots', 'hiking', 'leather', 'mountaineering'],
    rating: [4.5, 96],
    attributes: { material: 'Full-grain leather' },
    axes: { size: sizes(9, 11) },
    price: 24900,
  },
  {
    id: 'mesa-desert-boot',
    title: 'Mesa Desert Boot',
    brand: 'Northfold',
    category: 'hiking boots',
    description: 'A breathable boot for hot, dry trails.',
    keywords: ['boots', 'hiking', 'desert', 'breathable'],
    rating: [4.8, 64],
    axes: { size: sizes(9, 11) },
    price: 11900,
    soldOut: true,
  },
  {
    id: 'featherline-1p-tent',
    title: 'Featherline 1P Ultralight Tent',
    brand: 'Cairn & Co.',
    category: 'tents',
    description: 'A one-person tent that packs down to the size of a water bottle.',
    keywords: ['tent', 'ultralight', 'backpacking', 'solo'],
    rating: [4.6, 88],
    variants: [{ price: 34900, stock: 1 }],
  },
  {
    id: 'basecamp-2p-tent',
    title: 'Basecamp 2P Tent',
    brand: 'Cairn & Co.',
    category: 'tents',
    description: 'A roomy two-person tent with two doors and two vestibules.',
    keywords: ['tent', 'camping', 'two person'],
    rating: [4.4, 203],
    variants: [{ price: 22900 }],
  },
  {
    id: 'alpine-down-bag-20',
    title: 'Alpine Down Sleeping Bag 20°F',
    brand: 'Halden',
    category: 'sleeping bags',
    description: 'An 800-fill down sleeping bag rated to 20°F for three-season backpacking.',
    keywords: ['sleeping bag', 'down', 'three season'],
    rating: [4.7, 150],
    axes: { size: ['Regular', 'Long'] },
    price: 29900,
  },
  {
    id: 'stormshell-rain-jacket',
    title: 'Stormshell Rain Jacket',
    brand: 'Northfold',
    category: 'rain jackets',
    description: 'A three-layer waterproof, breathable shell for all-day storms.',
    keywords: ['rain jacket', 'waterproof', 'shell', 'hardshell'],
    rating: [4.5, 310],
    axes: { color: ['Red', 'Navy', 'Green'], size: APPAREL },
    price: 17900,
  },
  {
    id: 'drizzle-packable-jacket',
    title: 'Drizzle Packable Rain Jacket',
    brand: 'Northfold',
    category: 'rain jackets',
    description: 'A light rain jacket that packs into its own pocket.',
    keywords: ['rain jacket', 'packable', 'lightweight'],
    rating: [4.1, 190],
    axes: { color: ['Yellow', 'Blue', 'Black'], size: APPAREL },
    price: 8900,
  },
  {
    id: 'ember-down-jacket',
    title: 'Ember Down Jacket',
    brand: 'Halden',
    category: 'insulated jackets',
    description: 'A warm down jacket for cold camps and winter city days.',
    keywords: ['down jacket', 'insulated', 'puffer', 'winter'],
    rating: [4.8, 402],
    axes: { color: ['Black', 'Olive', 'Red'], size: APPAREL },
    price: 22900,
  },
  {
    id: 'beacon-400-headlamp',
    title: 'Beacon 400 Headlamp',
    brand: 'Lumen Peak',
    category: 'headlamps',
    description: 'A 400-lumen headlamp with a red night mode.',
    keywords: ['headlamp', 'light', 'flashlight'],
    rating: [4.3, 510],
    axes: { color: ['Black', 'Orange'] },
    price: 3900,
  },
  {
    id: 'insulated-bottle-32',
    title: 'Insulated Bottle 32 oz',
    brand: 'Tarn',
    category: 'water bottles',
    description: 'A vacuum-insulated steel bottle that keeps water cold for a day.',
    keywords: ['water bottle', 'insulated', 'steel'],
    rating: [4.6, 820],
    axes: { color: ['Blue', 'Green', 'White', 'Black'] },
    price: 3900,
  },
  {
    id: 'merino-hiking-socks',
    title: 'Merino Hiking Socks',
    brand: 'Halden',
    category: 'socks',
    description: 'Cushioned merino wool socks that stay fresh on long hikes.',
    keywords: ['socks', 'merino', 'wool', 'hiking'],
    rating: [4.7, 640],
    axes: { color: ['Grey', 'Green'], size: APPAREL },
    price: 2400,
  },
  {
    id: 'daytripper-22-pack',
    title: 'Daytripper 22L Daypack',
    brand: 'Cairn & Co.',
    category: 'backpacks',
    description: 'A 22-litre daypack with a hydration sleeve and hip belt pockets.',
    keywords: ['backpack', 'daypack', 'hiking'],
    rating: [4.5, 260],
    axes: { color: ['Blue', 'Orange', 'Black'] },
    price: 8900,
  },
];

const volt: ProductSpec[] = [
  {
    id: 'aria-anc-headphones',
    title: 'Aria ANC Wireless Headphones',
    brand: 'Volt',
    category: 'headphones',
    description: 'Over-ear wireless headphones with adaptive noise cancelling and 40-hour battery life.',
    keywords: ['headphones', 'over-ear', 'wireless', 'bluetooth', 'noise cancelling'],
    rating: [4.6, 1320],
    attributes: { battery: '40 hours', connection: 'Bluetooth 5.3' },
    axes: { color: ['Black', 'Silver'] },
    price: 24900,
  },
  {
    id: 'studio-m50-headphones',
    title: 'Studio M50 Monitor Headphones',
    brand: 'Kestrel Audio',
    category: 'headphones',
    description: 'Closed-back wired studio headphones with a flat, honest sound for mixing.',
    keywords: ['headphones', 'studio', 'monitor', 'wired'],
    rating: [4.8, 2210],
    attributes: { connection: 'Wired, 3.5 mm' },
    variants: [{ price: 16900 }],
  },
  {
    id: 'openair-600-headphones',
    title: 'OpenAir 600 Open-Back Headphones',
    brand: 'Kestrel Audio',
    category: 'headphones',
    description: 'Open-back audiophile headphones with a wide, airy soundstage.',
    keywords: ['headphones', 'open-back', 'audiophile', 'wired'],
    rating: [4.7, 340],
    attributes: { connection: 'Wired, 6.3 mm' },
    variants: [{ price: 39900 }],
  },
  {
    id: 'kids-safe-headphones',
    title: 'Kids Safe Headphones',
    brand: 'Volt',
    category: 'headphones',
    description: 'Volume-limited headphones sized for children.',
    keywords: ['headphones', 'kids', 'children', 'volume limited'],
    rating: [4.2, 450],
    axes: { color: ['Blue', 'Pink'] },
    price: 2900,
  },
  {
    id: 'pulse-anc-earbuds',
    title: 'Pulse ANC Earbuds',
    brand: 'Volt',
    category: 'earbuds',
    description: 'True wireless earbuds with noise cancelling and a pocketable case.',
    keywords: ['earbuds', 'in-ear', 'wireless', 'noise cancelling'],
    rating: [4.5, 980],
    attributes: { battery: '8 hours (32 with case)', connection: 'Bluetooth 5.3' },
    axes: { color: ['Black', 'White'] },
    price: 17900,
  },
  {
    id: 'sprint-sport-earbuds',
    title: 'Sprint Sport Earbuds',
    brand: 'Volt',
    category: 'earbuds',
    description: 'Secure-fit waterproof earbuds for running and the gym.',
    keywords: ['earbuds', 'sport', 'running', 'waterproof', 'wireless'],
    rating: [4.3, 620],
    variants: [{ price: 7900 }],
  },
  {
    id: 'pocket-go-speaker',
    title: 'Pocket Go Bluetooth Speaker',
    brand: 'Volt',
    category: 'speakers',
    description: 'A waterproof pocket speaker with a 12-hour battery.',
    keywords: ['speaker', 'bluetooth speaker', 'portable', 'waterproof'],
    rating: [4.4, 760],
    axes: { color: ['Blue', 'Red', 'Black'] },
    price: 5900,
  },
  {
    id: 'boulder-outdoor-speaker',
    title: 'Boulder Rugged Speaker',
    brand: 'Volt',
    category: 'speakers',
    description: 'A rugged, loud speaker for camps and parties.',
    keywords: ['speaker', 'bluetooth speaker', 'rugged', 'outdoor'],
    rating: [4.5, 300],
    variants: [{ price: 14900 }],
  },
  {
    id: 'walnut-headphone-stand',
    title: 'Walnut Headphone Stand',
    brand: 'Groove Lab',
    category: 'headphone stands',
    description: 'A solid walnut stand that keeps your headphones off the desk.',
    keywords: ['headphone stand', 'stand', 'desk', 'wood'],
    rating: [4.9, 120],
    variants: [{ price: 4900 }],
  },
  {
    id: 'aux-cable',
    title: '3.5 mm Aux Cable',
    brand: 'Volt',
    category: 'cables',
    description: 'A braided 3.5 mm cable for headphones and car stereos.',
    keywords: ['cable', 'aux', 'headphone cable'],
    rating: [4.4, 150],
    variants: [{ price: 900 }],
  },
  {
    id: 'spin-belt-turntable',
    title: 'Spin Belt-Drive Turntable',
    brand: 'Groove Lab',
    category: 'turntables',
    description: 'A belt-drive record player with a built-in phono preamp.',
    keywords: ['turntable', 'record player', 'vinyl'],
    rating: [4.5, 210],
    variants: [{ price: 29900 }],
  },
  {
    id: 'podcast-usb-mic',
    title: 'Podcast USB Microphone',
    brand: 'Kestrel Audio',
    category: 'microphones',
    description: 'A USB condenser microphone for podcasts and streaming.',
    keywords: ['microphone', 'mic', 'usb', 'podcast'],
    rating: [4.6, 330],
    variants: [{ price: 12900 }],
  },
  {
    id: 'travel-charger-30w',
    title: 'Travel Charger 30 W',
    brand: 'Volt',
    category: 'chargers',
    description: 'A compact USB-C charger with folding prongs.',
    keywords: ['charger', 'usb-c', 'travel'],
    rating: [4.1, 80],
    variants: [{ price: 2900 }],
  },
  {
    id: 'travel-charger-65w',
    title: 'Travel Charger 65 W',
    brand: 'Volt',
    category: 'chargers',
    description: 'A compact USB-C charger with folding prongs.',
    keywords: ['charger', 'usb-c', 'travel'],
    rating: [4.9, 80],
    variants: [{ price: 4900 }],
    soldOut: true,
  },
];

const beans = (small: number, large: number, soldOut = false): Pick<ProductSpec, 'variants' | 'soldOut'> => ({
  variants: [
    { options: { weight: '200g' }, price: small },
    { options: { weight: '500g' }, price: large },
  ],
  soldOut,
});

const kissa: ProductSpec[] = [
  {
    id: 'ethiopia-yirgacheffe',
    title: 'Ethiopia Yirgacheffe',
    titleJa: 'エチオピア イルガチェフェ',
    brand: 'Kissa Tokyo Roastery',
    category: 'coffee beans',
    description: 'A washed Ethiopian coffee roasted light for its jasmine aroma and lemony acidity.',
    descriptionJa: 'ジャスミンの香りとレモンのような酸味を生かした浅煎りのエチオピア。',
    keywords: ['coffee', 'beans', 'light roast', 'コーヒー豆', '浅煎り'],
    rating: [4.7, 312],
    attributes: { origin: 'Ethiopia', roast: 'Light' },
    ...beans(1800, 4200),
  },
  {
    id: 'brazil-cerrado',
    title: 'Brazil Cerrado',
    titleJa: 'ブラジル セラード',
    brand: 'Kissa Tokyo Roastery',
    category: 'coffee beans',
    description: 'A nutty, chocolatey Brazilian coffee roasted medium-dark, with low acidity.',
    descriptionJa: 'ナッツとチョコレートの風味、酸味の少ない中深煎り。',
    keywords: ['coffee', 'beans', 'medium dark roast', 'コーヒー豆', '中深煎り'],
    rating: [4.4, 401],
    attributes: { origin: 'Brazil', roast: 'Medium-dark' },
    ...beans(1400, 3200),
  },
  {
    id: 'kissa-house-blend',
    title: 'Kissa House Blend',
    titleJa: '喫茶東京 ハウスブレンド',
    brand: 'Kissa Tokyo Roastery',
    category: 'coffee beans',
    description: 'Our dark-roasted house blend in the style of an old Tokyo kissaten.',
    descriptionJa: '昔ながらの喫茶店のように深煎りにしたハウスブレンド。',
    keywords: ['coffee', 'beans', 'blend', 'dark roast', 'コーヒー豆', 'ブレンド', '深煎り'],
    rating: [4.8, 689],
    attributes: { origin: 'Brazil, Sumatra', roast: 'Dark' },
    ...beans(1500, 3400),
  },
  {
    id: 'panama-geisha',
    title: 'Panama Geisha',
    titleJa: 'パナマ ゲイシャ',
    brand: 'Kissa Tokyo Roastery',
    category: 'coffee beans',
    description: 'A floral, tea-like Geisha from Boquete, roasted light.',
    descriptionJa: '花のような香りと紅茶のような口当たりのゲイシャ。',
    keywords: ['coffee', 'beans', 'geisha', 'premium', 'コーヒー豆', 'ゲイシャ'],
    rating: [4.9, 77],
    attributes: { origin: 'Panama', roast: 'Light' },
    ...beans(5800, 13800),
  },
  {
    id: 'jamaica-blue-mountain',
    title: 'Jamaica Blue Mountain No.1',
    titleJa: 'ジャマイカ ブルーマウンテン No.1',
    brand: 'Kissa Tokyo Roastery',
    category: 'coffee beans',
    description: 'A smooth, balanced classic from the Blue Mountains.',
    descriptionJa: 'なめらかでバランスの良い、ブルーマウンテンの定番。',
    keywords: ['coffee', 'beans', 'blue mountain', 'コーヒー豆', 'ブルーマウンテン'],
    rating: [4.6, 150],
    attributes: { origin: 'Jamaica', roast: 'Medium' },
    ...beans(4800, 11000, true),
  },
  {
    id: 'hand-coffee-grinder',
    title: 'Hand Coffee Grinder',
    titleJa: '手挽き コーヒーミル',
    brand: 'Sanjo Metalworks',
    category: 'coffee grinders',
    description: 'A steel burr hand grinder for coffee beans, consistent from espresso to pour-over.',
    descriptionJa: 'コーヒー豆を均一に挽ける、ステンレス刃の手挽きミル。',
    keywords: ['grinder', 'coffee grinder', 'hand grinder', 'ミル', 'コーヒーミル'],
    rating: [4.6, 233],
    variants: [{ price: 8800 }],
  },
  {
    id: 'gooseneck-drip-kettle',
    title: 'Tsubame Gooseneck Drip Kettle',
    titleJa: '燕三条 細口ドリップポット',
    brand: 'Sanjo Metalworks',
    category: 'drip kettles',
    description: 'A gooseneck kettle for a slow, steady pour-over stream.',
    descriptionJa: '細く安定した湯を注げる、燕三条のドリップポット。',
    keywords: ['kettle', 'drip kettle', 'gooseneck', 'ケトル', 'ドリップポット'],
    rating: [4.7, 188],
    variants: [
      { options: { material: 'Stainless' }, price: 6800 },
      { options: { material: 'Copper' }, price: 12800, stock: 2 },
    ],
  },
  {
    id: 'arita-cone-dripper',
    title: 'Arita Porcelain Cone Dripper',
    titleJa: '有田焼 円すいドリッパー',
    brand: 'Arita Kiln',
    category: 'pour-over drippers',
    description: 'A porcelain cone dripper that holds heat for an even extraction.',
    descriptionJa: '熱を保ち、均一に抽出できる有田焼のドリッパー。',
    keywords: ['dripper', 'pour over', 'porcelain', 'ドリッパー', '有田焼'],
    rating: [4.5, 140],
    axes: { color: ['White', 'Black', 'Blue'] },
    price: 2800,
  },
  {
    id: 'tokoname-kyusu',
    title: 'Tokoname Kyusu Teapot',
    titleJa: '常滑焼 急須',
    brand: 'Tokoname Kiln',
    category: 'teapots',
    description: 'A side-handled kyusu in Tokoname red clay for sencha.',
    descriptionJa: '煎茶のための、常滑焼の朱泥の急須。',
    keywords: ['teapot', 'kyusu', 'green tea', '急須', '常滑焼'],
    rating: [4.8, 96],
    variants: [{ price: 8800 }],
  },
  {
    id: 'banko-kyusu',
    title: 'Banko-yaki Kyusu Teapot',
    titleJa: '萬古焼 急須',
    brand: 'Yokkaichi Banko',
    category: 'teapots',
    description: 'A sturdy Banko-ware kyusu with a stainless strainer for everyday tea.',
    descriptionJa: 'ステンレスの茶こし付きで毎日使いやすい萬古焼の急須。',
    keywords: ['teapot', 'kyusu', 'green tea', '急須', '萬古焼'],
    rating: [4.5, 130],
    variants: [{ price: 5500 }],
  },
  {
    id: 'uji-ceremonial-matcha',
    title: 'Uji Ceremonial Matcha',
    titleJa: '宇治 抹茶',
    brand: 'Kissa Tokyo',
    category: 'matcha',
    description: 'Stone-ground ceremonial-grade matcha from Uji.',
    descriptionJa: '宇治の石臼挽きの抹茶。',
    keywords: ['matcha', 'green tea', 'uji', '抹茶', '宇治'],
    rating: [4.9, 210],
    variants: [
      { options: { weight: '30g' }, price: 3200 },
      { options: { weight: '100g' }, price: 9800 },
    ],
  },
  {
    id: 'matcha-starter-set',
    title: 'Matcha Starter Set',
    titleJa: '抹茶 はじめてセット',
    brand: 'Kissa Tokyo',
    category: 'matcha sets',
    description: 'A chawan bowl, a bamboo whisk, a scoop and 30 g of Uji matcha.',
    descriptionJa: '茶碗、茶筅、茶杓と宇治抹茶30gのセット。',
    keywords: ['matcha', 'gift', 'set', '抹茶', 'ギフト'],
    rating: [4.7, 98],
    variants: [{ price: 7800 }],
  },
  {
    id: 'kyoto-chawan',
    title: 'Kyoto Matcha Bowl',
    titleJa: '京都 抹茶碗',
    brand: 'Kyoto Kiln',
    category: 'teaware',
    description: 'A hand-thrown chawan for whisking matcha.',
    descriptionJa: '抹茶を点てるための手びねりの茶碗。',
    keywords: ['chawan', 'matcha bowl', 'teaware', '茶碗', '抹茶碗'],
    rating: [4.6, 54],
    axes: { color: ['Black', 'White'] },
    price: 6600,
  },
  {
    id: 'mino-mug',
    title: 'Mino Ware Mug',
    titleJa: '美濃焼 マグカップ',
    brand: 'Mino Kiln',
    category: 'mugs',
    description: 'A glazed stoneware mug for coffee or tea.',
    descriptionJa: 'コーヒーにもお茶にも使える美濃焼のマグカップ。',
    keywords: ['mug', 'cup', 'stoneware', 'マグカップ', '美濃焼'],
    rating: [4.4, 76],
    axes: { color: ['Blue', 'White', 'Grey'] },
    price: 2400,
  },
  {
    id: 'shizuoka-sencha',
    title: 'Shizuoka Fukamushi Sencha',
    titleJa: '静岡 深蒸し煎茶',
    brand: 'Kissa Tokyo',
    category: 'green tea',
    description: 'Deep-steamed sencha with a rich green colour and sweet taste.',
    descriptionJa: '濃い緑色と甘みが特徴の深蒸し煎茶。',
    keywords: ['sencha', 'green tea', 'loose leaf', '煎茶', '緑茶'],
    rating: [4.5, 143],
    variants: [
      { options: { weight: '100g' }, price: 1500 },
      { options: { weight: '200g' }, price: 2800 },
    ],
  },
  {
    id: 'cold-brew-bottle',
    title: 'Cold Brew Bottle',
    titleJa: '水出しコーヒー ボトル',
    brand: 'Kiyo',
    category: 'cold brew makers',
    description: 'A bottle with a fine mesh filter for cold brew coffee or iced tea.',
    descriptionJa: '水出しコーヒーや水出し茶が作れるボトル。',
    keywords: ['cold brew', 'iced coffee', 'bottle', '水出し', 'アイスコーヒー'],
    rating: [4.3, 88],
    variants: [{ price: 2200 }],
  },
];

export const FIXTURE_FEEDS: Record<FixtureSellerId, FeedProduct[]> = {
  'summit-outfitters': summit.map((p) => feedProduct('summit-outfitters', p)),
  'volt-audio': volt.map((p) => feedProduct('volt-audio', p)),
  'kissa-tokyo': kissa.map((p) => feedProduct('kissa-tokyo', p)),
};
