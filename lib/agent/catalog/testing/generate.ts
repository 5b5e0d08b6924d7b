import type { FeedProduct } from '../feed-schema';

/**
 * A large, deterministic, plausible catalog for benchmarks: three sellers (two in USD, one in JPY
 * with Japanese text), categories with real product nouns, brands, colours, sizes and stock, so
 * search has the vocabulary and the skew of a real one.
 */

interface CategorySpec {
  noun: string;
  category: string;
  ja?: string;
  axes?: Record<string, string[]>;
  price: [number, number];
}

interface SellerSpec {
  sellerId: string;
  name: string;
  nameJa?: string;
  currency: 'USD' | 'JPY';
  brands: string[];
  adjectives: string[];
  adjectivesJa?: string[];
  materials: string[];
  categories: CategorySpec[];
}

const COLORS = ['Black', 'White', 'Blue', 'Red', 'Green', 'Grey', 'Navy', 'Orange', 'Olive', 'Brown'];
const SHOE = ['7', '8', '9', '10', '11', '12'];
const APPAREL = ['S', 'M', 'L', 'XL'];

export const GENERATED_SELLERS: SellerSpec[] = [
  {
    sellerId: 'summit-outfitters',
    name: 'Summit Outfitters',
    currency: 'USD',
    brands: [
      'Ridgeline',
      'Alpenwerk',
      'Northfold',
      'Cairn & Co.',
      'Halden',
      'Lumen Peak',
      'Tarn',
      'Embercraft',
    ],
    adjectives: [
      'Ultralight',
      'Waterproof',
      'Insulated',
      'Packable',
      'Rugged',
      'Breathable',
      'Alpine',
      'Trail',
      'Expedition',
      'Summit',
    ],
    materials: [
      'ripstop nylon',
      'merino wool',
      'Gore-Tex',
      'recycled polyester',
      'full-grain leather',
      'aluminium',
      'titanium',
      'down',
    ],
    categories: [
      { noun: 'Hiking Boot', category: 'hiking boots', axes: { size: SHOE }, price: [8900, 26900] },
      {
        noun: 'Trail Shoe',
        category: 'trail running shoes',
        axes: { color: COLORS, size: SHOE },
        price: [9900, 17900],
      },
      { noun: 'Tent', category: 'tents', price: [14900, 59900] },
      {
        noun: 'Sleeping Bag',
        category: 'sleeping bags',
        axes: { size: ['Regular', 'Long'] },
        price: [9900, 39900],
      },
      {
        noun: 'Rain Jacket',
        category: 'rain jackets',
        axes: { color: COLORS, size: APPAREL },
        price: [6900, 29900],
      },
      { noun: 'Backpack', category: 'backpacks', axes: { color: COLORS }, price: [4900, 27900] },
      { noun: 'Headlamp', category: 'headlamps', price: [1900, 8900] },
      { noun: 'Hiking Socks', category: 'socks', axes: { size: APPAREL }, price: [1400, 2900] },
      { noun: 'Water Bottle', category: 'water bottles', axes: { color: COLORS }, price: [1900, 4900] },
      { noun: 'Trekking Poles', category: 'trekking poles', price: [5900, 18900] },
    ],
  },
  {
    sellerId: 'volt-audio',
    name: 'Volt Audio',
    currency: 'USD',
    brands: [
      'Volt',
      'Kestrel Audio',
      'Groove Lab',
      'Volt Academy',
      'Sonora',
      'Pulsewave',
      'Aether',
      'Monolith',
    ],
    adjectives: [
      'Wireless',
      'Noise Cancelling',
      'Studio',
      'Portable',
      'Bluetooth',
      'Hi-Fi',
      'Compact',
      'Pro',
      'Reference',
      'Smart',
    ],
    materials: [
      'aluminium',
      'walnut',
      'memory foam',
      'braided nylon',
      'ABS plastic',
      'steel',
      'silicone',
      'carbon fibre',
    ],
    categories: [
      { noun: 'Headphones', category: 'headphones', axes: { color: COLORS }, price: [2900, 49900] },
      { noun: 'Earbuds', category: 'earbuds', axes: { color: COLORS }, price: [2900, 27900] },
      { noun: 'Speaker', category: 'speakers', axes: { color: COLORS }, price: [3900, 69900] },
      { noun: 'Turntable', category: 'turntables', price: [14900, 89900] },
      { noun: 'Microphone', category: 'microphones', price: [4900, 39900] },
      { noun: 'Cable', category: 'cables', axes: { length: ['1 m', '2 m', '5 m'] }, price: [900, 4900] },
      { noun: 'Charger', category: 'chargers', price: [1900, 7900] },
      { noun: 'Amplifier', category: 'amplifiers', price: [9900, 129900] },
      { noun: 'Soundbar', category: 'soundbars', price: [14900, 99900] },
      { noun: 'DAC', category: 'dacs', price: [4900, 59900] },
    ],
  },
  {
    sellerId: 'kissa-tokyo',
    name: 'Kissa Tokyo',
    nameJa: '喫茶東京',
    currency: 'JPY',
    brands: [
      'Kissa Tokyo Roastery',
      'Sanjo Metalworks',
      'Arita Kiln',
      'Tokoname Kiln',
      'Kiyo',
      'Mino Kiln',
      'Uji Tea Garden',
      'Yame Tea',
    ],
    adjectives: [
      'Single Origin',
      'House',
      'Premium',
      'Handmade',
      'Classic',
      'Seasonal',
      'Organic',
      'Traditional',
      'Dark Roast',
      'Light Roast',
    ],
    adjectivesJa: [
      'シングルオリジン',
      'ハウス',
      'プレミアム',
      '手作り',
      '定番',
      '季節の',
      '有機',
      '伝統の',
      '深煎り',
      '浅煎り',
    ],
    materials: [
      'porcelain',
      'stoneware',
      'stainless steel',
      'copper',
      'glass',
      'red clay',
      'cast iron',
      'bamboo',
    ],
    categories: [
      {
        noun: 'Coffee Beans',
        category: 'coffee beans',
        ja: 'コーヒー豆',
        axes: { weight: ['200g', '500g'] },
        price: [1200, 6800],
      },
      { noun: 'Kyusu Teapot', category: 'teapots', ja: '急須', price: [3800, 18800] },
      {
        noun: 'Matcha',
        category: 'matcha',
        ja: '抹茶',
        axes: { weight: ['30g', '100g'] },
        price: [1800, 9800],
      },
      {
        noun: 'Green Tea',
        category: 'green tea',
        ja: '緑茶',
        axes: { weight: ['100g', '200g'] },
        price: [900, 4800],
      },
      {
        noun: 'Dripper',
        category: 'pour-over drippers',
        ja: 'ドリッパー',
        axes: { color: ['White', 'Black', 'Blue'] },
        price: [1800, 6800],
      },
      { noun: 'Drip Kettle', category: 'drip kettles', ja: 'ドリップポット', price: [4800, 16800] },
      { noun: 'Coffee Grinder', category: 'coffee grinders', ja: 'コーヒーミル', price: [3800, 39800] },
      {
        noun: 'Mug',
        category: 'mugs',
        ja: 'マグカップ',
        axes: { color: ['Blue', 'White', 'Grey'] },
        price: [1600, 4800],
      },
      {
        noun: 'Tea Bowl',
        category: 'teaware',
        ja: '茶碗',
        axes: { color: ['Black', 'White'] },
        price: [2800, 12800],
      },
      { noun: 'Paper Filters', category: 'coffee filters', ja: 'ペーパーフィルター', price: [300, 900] },
    ],
  },
];

const SYLLABLES = [
  'ka',
  'ri',
  'to',
  'ne',
  'sa',
  'mo',
  'lu',
  'ven',
  'dor',
  'ax',
  'il',
  'ro',
  'sen',
  'ta',
  'mi',
  'zu',
  'or',
  'el',
];
const KATAKANA = [
  'カ',
  'リ',
  'ト',
  'ネ',
  'サ',
  'モ',
  'ル',
  'ベン',
  'ドル',
  'アク',
  'イル',
  'ロ',
  'セン',
  'タ',
  'ミ',
  'ズ',
  'オル',
  'エル',
];

/** A small linear congruential generator: the same catalog on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    some: <T>(items: readonly T[], count: number): T[] => [...items].sort(() => next() - 0.5).slice(0, count),
  };
}

export function generateCatalog(total: number, seed = 42): Record<string, FeedProduct[]> {
  const rng = generator(seed);
  const out: Record<string, FeedProduct[]> = {};
  for (const [s, seller] of GENERATED_SELLERS.entries()) {
    const count =
      Math.floor(total / GENERATED_SELLERS.length) + (s < total % GENERATED_SELLERS.length ? 1 : 0);
    out[seller.sellerId] = Array.from({ length: count }, (_, i) => {
      const c = rng.pick(seller.categories);
      const a = rng.int(0, seller.adjectives.length - 1);
      const parts = [rng.int(0, SYLLABLES.length - 1), rng.int(0, SYLLABLES.length - 1)];
      const model = parts.map((p) => SYLLABLES[p]).join('');
      const modelName = `${model.charAt(0).toUpperCase()}${model.slice(1)} ${rng.int(1, 99) * 10}`;
      const title = `${seller.adjectives[a]} ${modelName} ${c.noun}`;
      const brand = rng.pick(seller.brands);
      const material = rng.pick(seller.materials);
      const id = `${c.category.replace(/[^a-z]+/g, '-')}-${model}-${i}`;
      const axes = Object.entries(c.axes ?? {}).map(
        ([name, values]) => [name, rng.some(values, rng.int(1, Math.min(3, values.length)))] as const,
      );
      let combos: Array<Record<string, string>> = [{}];
      for (const [name, values] of axes)
        combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value })));
      const base = Math.round(rng.int(c.price[0], c.price[1]) / 100) * 100;
      const soldOut = rng.next() < 0.05;
      const ja =
        seller.currency === 'JPY' && c.ja
          ? {
              ja: {
                title: `${seller.adjectivesJa![a]} ${parts.map((p) => KATAKANA[p]).join('')} ${c.ja}`,
                description: { plain: `${material}を使った${c.ja}。毎日の一杯に。` },
                seller_name: seller.nameJa,
              },
            }
          : undefined;
      return {
        id,
        title,
        description: {
          plain: `${title} by ${brand}, made with ${material}. A ${seller.adjectives[rng.int(0, seller.adjectives.length - 1)].toLowerCase()} choice for everyday use, built to last and easy to care for.`,
        },
        url: `https://aisle.test/sellers/${seller.sellerId}/products/${id}`,
        media: [{ type: 'image', url: `https://aisle.test/products/${seller.sellerId}/${id}.svg` }],
        brand,
        rating: { value: Math.round((3 + rng.next() * 2) * 10) / 10, count: rng.int(0, 2000) },
        keywords: [c.category, seller.adjectives[a].toLowerCase(), material, ...(c.ja ? [c.ja] : [])],
        attributes: [
          { name: 'material', value: material },
          { name: 'weight', value: `${rng.int(50, 3000)} g` },
        ],
        ...(ja ? { translations: ja } : {}),
        variants: combos.map((options, v) => {
          const stock = soldOut ? 0 : rng.int(0, 60);
          // The second weight on offer is the bigger bag, at twice the price.
          const price = options.weight && c.axes?.weight?.indexOf(options.weight) === 1 ? base * 2 : base;
          return {
            id: `${id}-v${v}`,
            title: Object.values(options).join(' / ') || title,
            price: { amount: price, currency: seller.currency },
            availability:
              stock > 0
                ? { available: true, status: 'in_stock' }
                : { available: false, status: 'out_of_stock' },
            inventory_quantity: stock,
            categories: [{ value: c.category, taxonomy: 'merchant' }],
            variant_options: Object.entries(options).map(([name, value]) => ({ name, value })),
            seller: { name: seller.name },
          };
        }),
      } satisfies FeedProduct;
    });
  }
  return out;
}
