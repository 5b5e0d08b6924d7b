import { APPAREL_SIZES, grid, productsOf, single, sizeRange } from './build';
import type { SellerCatalog } from './types';

const p = productsOf('summit-outfitters');
const SHOE_SIZES = sizeRange(7, 12);

/*
 * Products tests lean on:
 *   trail-runner          "Trail Runner": Blue/Black/Orange x sizes 7-12 (trail-runner-blue-10 exists)
 *   trailhead-wp-hiker    the waterproof hiking boot under $100
 *   featherline-1p-tent   one variant, stock exactly 1: the "last unit" product
 *   drift-hammock         sold out: every variant at 0
 */
export const summitOutfitters: SellerCatalog = {
  seller: {
    id: 'summit-outfitters',
    name: 'Summit Outfitters',
    tagline: 'Trail-tested gear for hikers, campers and runners.',
    currency: 'usd',
    country: 'US',
    accentColor: '#2f6b4f',
    logo: '/products/summit-outfitters/logo.svg',
  },
  products: [
    p({
      id: 'trail-runner',
      title: 'Trail Runner',
      brand: 'Ridgeline',
      category: 'trail running shoes',
      description:
        'A light, cushioned trail running shoe with a 4 mm drop and 5 mm lugs that grip on loose dirt and wet rock. The mesh upper drains and dries quickly but is not waterproof. Runs true to size.',
      tags: ['running', 'trail', 'shoes', 'sneakers', 'lightweight', 'breathable'],
      rating: { value: 4.6, count: 412 },
      attributes: { material: 'Engineered mesh, EVA midsole', weight: '280 g (size 9)', drop: '4 mm' },
      variants: grid('trail-runner', {
        price: 12900,
        axes: { color: ['Blue', 'Black', 'Orange'], size: SHOE_SIZES },
        stock: { 'orange-12': 2, 'black-7': 3 },
      }),
    }),
    p({
      id: 'scree-dash-gtx',
      title: 'Scree Dash GTX',
      brand: 'Ridgeline',
      category: 'trail running shoes',
      description:
        'The waterproof sibling of the Trail Runner, with a Gore-Tex membrane and a firmer rock plate. Warmer and a little heavier, so best for wet or cold seasons.',
      tags: ['running', 'trail', 'shoes', 'waterproof', 'gore-tex', 'winter'],
      rating: { value: 4.4, count: 138 },
      attributes: { material: 'Mesh with Gore-Tex membrane', weight: '320 g (size 9)', drop: '6 mm' },
      variants: grid('scree-dash-gtx', {
        price: 15900,
        axes: { color: ['Black', 'Green'], size: SHOE_SIZES },
      }),
    }),
    p({
      id: 'trailhead-wp-hiker',
      title: 'Trailhead Waterproof Hiker',
      brand: 'Ridgeline',
      category: 'hiking boots',
      description:
        'An affordable mid-height hiking boot with a waterproof membrane and a grippy rubber outsole. Fine for day hikes and muddy trails; the foam midsole softens with heavy loads over long distances.',
      tags: ['boots', 'hiking', 'waterproof', 'mid', 'budget', 'day hiking'],
      rating: { value: 4.2, count: 287 },
      attributes: {
        material: 'Suede and mesh, waterproof membrane',
        weight: '540 g (size 9)',
        color: 'Brown',
      },
      variants: grid('trailhead-wp-hiker', { price: 8900, axes: { size: SHOE_SIZES }, stock: { '12': 1 } }),
    }),
    p({
      id: 'cascade-mid-gtx',
      title: 'Cascade Mid GTX',
      brand: 'Alpenwerk',
      category: 'hiking boots',
      description:
        'A versatile waterproof hiking boot with a Gore-Tex liner, a supportive heel counter and a Vibram outsole. Comfortable out of the box and stable on multi-day trips with a moderate pack.',
      tags: ['boots', 'hiking', 'waterproof', 'gore-tex', 'vibram', 'backpacking'],
      rating: { value: 4.7, count: 521 },
      attributes: {
        material: 'Nubuck leather, Gore-Tex',
        weight: '610 g (size 9)',
        outsole: 'Vibram Megagrip',
      },
      variants: grid('cascade-mid-gtx', {
        price: 17900,
        axes: { color: ['Brown', 'Grey'], size: SHOE_SIZES },
      }),
    }),
    p({
      id: 'summit-pro-leather',
      title: 'Summit Pro Leather Boot',
      brand: 'Alpenwerk',
      category: 'hiking boots',
      description:
        'A full-grain leather backpacking boot, waterproof and resoleable, built for heavy loads and rough terrain. Stiff at first: plan on a few short walks to break it in.',
      tags: ['boots', 'hiking', 'waterproof', 'leather', 'backpacking', 'mountaineering'],
      rating: { value: 4.8, count: 196 },
      attributes: {
        material: 'Full-grain leather, waterproof liner',
        weight: '820 g (size 9)',
        color: 'Brown',
      },
      variants: grid('summit-pro-leather', { price: 24900, axes: { size: SHOE_SIZES }, stock: { '10': 2 } }),
    }),
    p({
      id: 'ridgeback-light-hiker',
      title: 'Ridgeback Lightweight Hiker',
      brand: 'Northfold',
      category: 'hiking boots',
      description:
        'A low-cut waterproof hiking shoe that feels closer to a trail runner than a boot. Good for fast day hikes; less ankle support than a mid boot.',
      tags: ['boots', 'hiking', 'waterproof', 'low', 'lightweight', 'shoes'],
      rating: { value: 4.3, count: 174 },
      attributes: { material: 'Synthetic upper, waterproof membrane', weight: '430 g (size 9)' },
      variants: grid('ridgeback-light-hiker', {
        price: 13900,
        axes: { color: ['Grey', 'Blue'], size: SHOE_SIZES },
      }),
    }),
    p({
      id: 'mesa-desert-boot',
      title: 'Mesa Desert Boot',
      brand: 'Northfold',
      category: 'hiking boots',
      description:
        'A breathable mid boot for hot, dry trails, with mesh panels and no waterproof liner so feet stay cool. It will soak through in streams or heavy rain.',
      tags: ['boots', 'hiking', 'breathable', 'desert', 'summer'],
      rating: { value: 4.1, count: 63 },
      attributes: { material: 'Suede and nylon mesh', weight: '500 g (size 9)', color: 'Tan' },
      variants: grid('mesa-desert-boot', { price: 11900, axes: { size: SHOE_SIZES } }),
    }),
    p({
      id: 'featherline-1p-tent',
      title: 'Featherline 1P Ultralight Tent',
      brand: 'Cairn & Co.',
      category: 'tents',
      description:
        'A single-wall, one-person shelter that pitches with trekking poles and weighs under a kilogram. Roomy for one and quick to set up; condensation builds on still, humid nights. Poles not included.',
      tags: ['tent', 'ultralight', 'backpacking', 'solo', '1 person', 'shelter'],
      rating: { value: 4.5, count: 58 },
      attributes: { capacity: '1 person', weight: '890 g', material: 'Silnylon', color: 'Green' },
      variants: single('featherline-1p-tent', 34900, 1),
    }),
    p({
      id: 'basecamp-2p-tent',
      title: 'Basecamp 2P Tent',
      brand: 'Cairn & Co.',
      category: 'tents',
      description:
        'A freestanding two-person backpacking tent with two doors, two vestibules and aluminium poles. A good all-round three-season tent at a sensible weight.',
      tags: ['tent', 'backpacking', '2 person', 'freestanding', 'three season', 'camping'],
      rating: { value: 4.6, count: 344 },
      attributes: { capacity: '2 people', weight: '1.9 kg', seasons: '3', color: 'Orange' },
      variants: single('basecamp-2p-tent', 27900, 14),
    }),
    p({
      id: 'homestead-4p-tent',
      title: 'Homestead 4P Family Tent',
      brand: 'Cairn & Co.',
      category: 'tents',
      description:
        'A tall dome tent for car camping with near-vertical walls, a room divider and big mesh windows. Too heavy for backpacking at over six kilograms.',
      tags: ['tent', 'family', 'car camping', '4 person', 'camping'],
      rating: { value: 4.4, count: 119 },
      attributes: { capacity: '4 people', weight: '6.3 kg', seasons: '3', color: 'Blue' },
      variants: single('homestead-4p-tent', 42900, 6),
    }),
    p({
      id: 'alpine-down-bag-20',
      title: 'Alpine Down Sleeping Bag 20°F',
      brand: 'Halden',
      category: 'sleeping bags',
      description:
        'A mummy bag filled with 800-fill responsibly sourced down, comfortable to about 30°F and rated to 20°F. Packs to the size of a loaf of bread. Keep it dry: down loses warmth when wet.',
      tags: ['sleeping bag', 'down', 'mummy', 'backpacking', 'warm', 'lightweight'],
      rating: { value: 4.7, count: 203 },
      attributes: { fill: '800-fill down', temperature: '20°F / -7°C', weight: '900 g', color: 'Red' },
      variants: grid('alpine-down-bag-20', { price: 29900, axes: { size: ['Regular', 'Long'] } }),
    }),
    p({
      id: 'trailhead-synthetic-bag-35',
      title: 'Trailhead Synthetic Sleeping Bag 35°F',
      brand: 'Halden',
      category: 'sleeping bags',
      description:
        'A synthetic-fill bag for summer camping that stays warm when damp and is easy to wash. Bulkier than down, but a fraction of the price.',
      tags: ['sleeping bag', 'synthetic', 'summer', 'camping', 'budget'],
      rating: { value: 4.2, count: 156 },
      attributes: { fill: 'Synthetic', temperature: '35°F / 2°C', weight: '1.3 kg', color: 'Blue' },
      variants: single('trailhead-synthetic-bag-35', 11900),
    }),
    p({
      id: 'loft-insulated-pad',
      title: 'Loft Insulated Sleeping Pad',
      brand: 'Halden',
      category: 'sleeping pads',
      description:
        'An inflatable sleeping pad, 7 cm thick, with an R-value of 4.2 for three-season use. Comes with a pump sack; a little crinkly when you roll over.',
      tags: ['sleeping pad', 'mattress', 'inflatable', 'insulated', 'backpacking'],
      rating: { value: 4.5, count: 98 },
      attributes: { 'r-value': '4.2', weight: '480 g', thickness: '7 cm', color: 'Yellow' },
      variants: grid('loft-insulated-pad', { price: 14900, axes: { size: ['Regular', 'Long Wide'] } }),
    }),
    p({
      id: 'stormshell-rain-jacket',
      title: 'Stormshell Rain Jacket',
      brand: 'Northfold',
      category: 'rain jackets',
      description:
        'A three-layer waterproof, breathable shell with pit zips and a helmet-compatible hood. Built for all-day rain on the trail. Cut with room for a fleece underneath.',
      tags: ['jacket', 'rain jacket', 'waterproof', 'shell', 'hardshell', 'breathable'],
      rating: { value: 4.6, count: 267 },
      attributes: { material: '3-layer recycled nylon', weight: '390 g (M)', waterproofing: '20,000 mm' },
      variants: grid('stormshell-rain-jacket', {
        price: 17900,
        axes: { color: ['Red', 'Navy', 'Green'], size: APPAREL_SIZES },
        stock: { 'red-s': 2 },
      }),
    }),
    p({
      id: 'drizzle-packable-jacket',
      title: 'Drizzle Packable Rain Jacket',
      brand: 'Northfold',
      category: 'rain jackets',
      description:
        'A 2.5-layer rain jacket that stuffs into its own pocket. Keeps off showers on day hikes and commutes; less breathable than a three-layer shell on steep climbs.',
      tags: ['jacket', 'rain jacket', 'waterproof', 'packable', 'lightweight'],
      rating: { value: 4.1, count: 189 },
      attributes: { material: '2.5-layer nylon', weight: '240 g (M)' },
      variants: grid('drizzle-packable-jacket', {
        price: 8900,
        axes: { color: ['Yellow', 'Blue', 'Black'], size: APPAREL_SIZES },
      }),
    }),
    p({
      id: 'ember-down-jacket',
      title: 'Ember Down Jacket',
      brand: 'Halden',
      category: 'insulated jackets',
      description:
        'A warm, packable puffer with 700-fill down and a water-repellent face fabric. Ideal for cold camps and winter walks; wear a shell over it in real rain.',
      tags: ['jacket', 'down jacket', 'puffer', 'insulated', 'winter', 'warm'],
      rating: { value: 4.7, count: 311 },
      attributes: { fill: '700-fill down', weight: '360 g (M)' },
      variants: grid('ember-down-jacket', {
        price: 22900,
        axes: { color: ['Black', 'Olive', 'Red'], size: APPAREL_SIZES },
        stock: { 'olive-xl': 1 },
      }),
    }),
    p({
      id: 'thermal-synthetic-hoodie',
      title: 'Thermal Synthetic Hoodie',
      brand: 'Halden',
      category: 'insulated jackets',
      description:
        'A hooded insulated jacket with synthetic fill that keeps insulating when damp. Breathes well enough to wear on the move in cold weather.',
      tags: ['jacket', 'insulated', 'hoodie', 'synthetic', 'winter'],
      rating: { value: 4.4, count: 88 },
      attributes: { fill: 'Synthetic 60 g/m²', weight: '420 g (M)' },
      variants: grid('thermal-synthetic-hoodie', {
        price: 18900,
        axes: { color: ['Blue', 'Grey'], size: APPAREL_SIZES },
      }),
    }),
    p({
      id: 'grid-fleece-pullover',
      title: 'Grid Fleece Pullover',
      brand: 'Northfold',
      category: 'fleece',
      description:
        'A quarter-zip grid fleece that traps warmth and dries fast. A dependable mid layer under a shell or on its own on cool mornings.',
      tags: ['fleece', 'pullover', 'mid layer', 'sweater'],
      attributes: { material: 'Recycled polyester grid fleece', weight: '280 g (M)' },
      variants: grid('grid-fleece-pullover', {
        price: 6900,
        axes: { color: ['Orange', 'Grey', 'Navy'], size: APPAREL_SIZES },
      }),
    }),
    p({
      id: 'daytripper-22-pack',
      title: 'Daytripper 22L Daypack',
      brand: 'Cairn & Co.',
      category: 'backpacks',
      description:
        'A 22-litre daypack with a ventilated mesh back, hip belt pockets and a hydration sleeve. Holds a layer, lunch and water for a full day out.',
      tags: ['backpack', 'daypack', 'hiking', 'pack', 'day hiking'],
      rating: { value: 4.5, count: 402 },
      attributes: { capacity: '22 L', weight: '850 g' },
      variants: grid('daytripper-22-pack', { price: 8900, axes: { color: ['Blue', 'Orange', 'Black'] } }),
    }),
    p({
      id: 'traverse-55-pack',
      title: 'Traverse 55L Backpacking Pack',
      brand: 'Cairn & Co.',
      category: 'backpacks',
      description:
        'A 55-litre pack for multi-day trips with an adjustable back length, a load-lifting frame and a removable lid. Carries up to about 18 kg comfortably.',
      tags: ['backpack', 'backpacking', 'pack', 'multi-day', 'trekking'],
      rating: { value: 4.6, count: 177 },
      attributes: { capacity: '55 L', weight: '1.7 kg', color: 'Green' },
      variants: grid('traverse-55-pack', { price: 24900, axes: { size: ['S', 'M', 'L'] }, stock: { l: 3 } }),
    }),
    p({
      id: 'hydro-12-vest',
      title: 'Hydro 12L Running Vest',
      brand: 'Ridgeline',
      category: 'backpacks',
      description:
        'A snug running vest with two 500 ml soft flasks up front and room for a jacket behind. Bounce-free at a run.',
      tags: ['hydration pack', 'running vest', 'trail running', 'backpack'],
      rating: { value: 4.3, count: 72 },
      attributes: { capacity: '12 L', weight: '310 g', color: 'Black' },
      variants: grid('hydro-12-vest', { price: 9900, axes: { size: ['S/M', 'L/XL'] } }),
    }),
    p({
      id: 'beacon-400-headlamp',
      title: 'Beacon 400 Headlamp',
      brand: 'Lumen Peak',
      category: 'headlamps',
      description:
        'A 400-lumen headlamp running on three AAA batteries, with a red night mode and a lock to stop it turning on in your pack. Simple and reliable.',
      tags: ['headlamp', 'flashlight', 'light', 'camping', 'batteries'],
      rating: { value: 4.4, count: 530 },
      attributes: { output: '400 lumens', power: '3 x AAA', weight: '86 g' },
      variants: grid('beacon-400-headlamp', { price: 3900, axes: { color: ['Black', 'Orange'] } }),
    }),
    p({
      id: 'beacon-900r-headlamp',
      title: 'Beacon 900R Rechargeable Headlamp',
      brand: 'Lumen Peak',
      category: 'headlamps',
      description:
        'A bright 900-lumen headlamp with a USB-C rechargeable battery and a rear red light for road running. About 5 hours on medium.',
      tags: ['headlamp', 'rechargeable', 'usb-c', 'running', 'light'],
      rating: { value: 4.6, count: 141 },
      attributes: { output: '900 lumens', power: 'USB-C rechargeable', weight: '110 g', color: 'Blue' },
      variants: single('beacon-900r-headlamp', 7900),
    }),
    p({
      id: 'carbon-trekking-poles',
      title: 'Carbon Trekking Poles',
      brand: 'Alpenwerk',
      category: 'trekking poles',
      description:
        'A pair of three-section carbon poles with cork grips and quick flick locks. Light and stiff; carbon can snap under a hard sideways load where aluminium would bend.',
      tags: ['trekking poles', 'hiking poles', 'carbon', 'lightweight'],
      rating: { value: 4.7, count: 96 },
      attributes: {
        material: 'Carbon fibre, cork',
        weight: '420 g per pair',
        length: '100-135 cm',
        color: 'Black',
      },
      variants: single('carbon-trekking-poles', 14900),
    }),
    p({
      id: 'aluminum-trekking-poles',
      title: 'Aluminium Trekking Poles',
      brand: 'Alpenwerk',
      category: 'trekking poles',
      description:
        'Durable two-section aluminium poles with foam grips and twist-free locks. A solid first pair of poles.',
      tags: ['trekking poles', 'hiking poles', 'aluminium', 'aluminum', 'budget'],
      rating: { value: 4.3, count: 208 },
      attributes: { material: 'Aluminium 7075, foam', weight: '540 g per pair', color: 'Blue' },
      variants: single('aluminum-trekking-poles', 6900),
    }),
    p({
      id: 'insulated-bottle-32',
      title: 'Insulated Bottle 32 oz',
      brand: 'Tarn',
      category: 'water bottles',
      description:
        'A double-wall stainless steel bottle that keeps water cold for about a day. Dishwasher-safe lid; the powder coat can chip if dropped on rock.',
      tags: ['water bottle', 'bottle', 'insulated', 'stainless steel', 'hydration'],
      rating: { value: 4.8, count: 612 },
      attributes: { capacity: '946 ml', material: 'Stainless steel', weight: '490 g' },
      variants: grid('insulated-bottle-32', {
        price: 3900,
        axes: { color: ['Blue', 'Green', 'White', 'Black'] },
      }),
    }),
    p({
      id: 'flex-collapsible-bottle',
      title: 'Flex Collapsible Bottle 1L',
      brand: 'Tarn',
      category: 'water bottles',
      description:
        'A soft, BPA-free bottle that rolls down to nothing when empty. Handy as a spare on long days.',
      tags: ['water bottle', 'collapsible', 'soft flask', 'lightweight'],
      attributes: { capacity: '1 L', weight: '38 g', color: 'Blue' },
      variants: single('flex-collapsible-bottle', 1900),
    }),
    p({
      id: 'squeeze-water-filter',
      title: 'Squeeze Water Filter',
      brand: 'Tarn',
      category: 'water filters',
      description:
        'A hollow-fibre filter that screws onto standard bottles and removes bacteria and protozoa. It does not remove viruses or chemicals, and it cracks if it freezes while wet.',
      tags: ['water filter', 'purifier', 'backpacking', 'emergency'],
      rating: { value: 4.5, count: 233 },
      attributes: { flow: '1.7 L/min', weight: '85 g', color: 'Blue' },
      variants: single('squeeze-water-filter', 4500),
    }),
    p({
      id: 'pocket-canister-stove',
      title: 'Pocket Canister Stove',
      brand: 'Embercraft',
      category: 'stoves',
      description:
        'A tiny, folding canister stove that boils a litre in about four minutes. Wind slows it badly, so use a windbreak. Gas canister sold separately.',
      tags: ['stove', 'camp stove', 'backpacking stove', 'cooking', 'gas'],
      rating: { value: 4.5, count: 187 },
      attributes: { fuel: 'Isobutane-propane canister', weight: '75 g', color: 'Orange' },
      variants: single('pocket-canister-stove', 5900),
    }),
    p({
      id: 'jetline-stove-system',
      title: 'Jetline Stove System',
      brand: 'Embercraft',
      category: 'stoves',
      description:
        'An integrated stove and 1-litre pot with a heat exchanger that boils fast and sips fuel, even in wind. Made for boiling water rather than simmering.',
      tags: ['stove', 'stove system', 'camp stove', 'cooking', 'boil'],
      rating: { value: 4.6, count: 142 },
      attributes: { fuel: 'Isobutane-propane canister', weight: '390 g', capacity: '1 L', color: 'Red' },
      variants: single('jetline-stove-system', 13900),
    }),
    p({
      id: 'titanium-pot-750',
      title: 'Titanium Pot 750 ml',
      brand: 'Embercraft',
      category: 'cookware',
      description:
        'A 750 ml titanium pot with a lid and folding handles; a gas canister and small stove nest inside. Titanium heats unevenly, so it suits boiling better than frying.',
      tags: ['pot', 'cookware', 'titanium', 'mug', 'ultralight'],
      rating: { value: 4.7, count: 77 },
      attributes: { material: 'Titanium', weight: '105 g', capacity: '750 ml', color: 'Grey' },
      variants: single('titanium-pot-750', 4900),
    }),
    p({
      id: 'merino-hiking-socks',
      title: 'Merino Hiking Socks',
      brand: 'Halden',
      category: 'socks',
      description:
        'Mid-weight merino wool crew socks with cushioning underfoot and a seamless toe. Warm when damp and slow to smell.',
      tags: ['socks', 'merino', 'wool', 'hiking', 'cushioned'],
      rating: { value: 4.8, count: 720 },
      attributes: { material: '70% merino wool, nylon, elastane' },
      variants: grid('merino-hiking-socks', {
        price: 2400,
        axes: { color: ['Grey', 'Green'], size: APPAREL_SIZES },
      }),
    }),
    p({
      id: 'trail-run-socks-3pack',
      title: 'Trail Run Socks (3 pack)',
      brand: 'Ridgeline',
      category: 'socks',
      description:
        'Thin, quick-drying low-cut running socks with a heel tab that stops grit getting in. Three pairs.',
      tags: ['socks', 'running', 'trail running', 'lightweight'],
      rating: { value: 4.4, count: 215 },
      attributes: { material: 'Nylon, merino blend', color: 'Orange' },
      variants: grid('trail-run-socks-3pack', { price: 2900, axes: { size: APPAREL_SIZES } }),
    }),
    p({
      id: 'scree-gaiters',
      title: 'Scree Gaiters',
      brand: 'Ridgeline',
      category: 'gaiters',
      description:
        'Low, stretchy gaiters that hook onto trail shoes and keep stones and sand out. Not waterproof.',
      tags: ['gaiters', 'running', 'trail', 'accessories'],
      attributes: { material: 'Stretch nylon', color: 'Black' },
      variants: grid('scree-gaiters', { price: 2900, axes: { size: ['S/M', 'L/XL'] } }),
    }),
    p({
      id: 'lakeside-camp-chair',
      title: 'Lakeside Camp Chair',
      brand: 'Cairn & Co.',
      category: 'camp furniture',
      description:
        'A packable aluminium-frame chair that sets up in under a minute and holds 120 kg. Sits low; the legs sink into soft sand.',
      tags: ['chair', 'camp chair', 'camping', 'furniture', 'packable'],
      rating: { value: 4.3, count: 129 },
      attributes: { weight: '950 g', capacity: '120 kg', color: 'Green' },
      variants: single('lakeside-camp-chair', 9900),
    }),
    p({
      id: 'trail-first-aid-kit',
      title: 'Trail First Aid Kit',
      brand: 'Tarn',
      category: 'first aid',
      description:
        'A compact first aid kit for two people on a weekend trip: blister care, bandages, tape, tweezers and a foil blanket in a water-resistant pouch. It covers blisters and small cuts, not serious injuries.',
      tags: ['first aid', 'safety', 'medical kit', 'hiking', 'emergency'],
      rating: { value: 4.5, count: 94 },
      attributes: { weight: '230 g', color: 'Red' },
      variants: single('trail-first-aid-kit', 3500),
    }),
    p({
      id: 'drift-hammock',
      title: 'Drift Ultralight Hammock',
      brand: 'Cairn & Co.',
      category: 'hammocks',
      description:
        'A parachute-nylon hammock with tree-friendly straps, packing down to the size of a grapefruit. Sold out this season; a restock is planned.',
      tags: ['hammock', 'camping', 'ultralight', 'relax'],
      rating: { value: 4.6, count: 85 },
      attributes: { weight: '430 g', capacity: '140 kg' },
      variants: grid('drift-hammock', { price: 6900, axes: { color: ['Blue', 'Green'] }, soldOut: true }),
    }),
    p({
      id: 'gift-card',
      title: 'Summit Outfitters Gift Card',
      brand: 'Summit Outfitters',
      category: 'gift cards',
      description:
        'A digital gift card delivered by email, usable on anything in the shop. It never expires.',
      tags: ['gift card', 'gift', 'voucher', 'present'],
      digital: true,
      attributes: { delivery: 'Email' },
      variants: grid('gift-card', {
        price: (o) => Number(o.amount.slice(1)) * 100,
        axes: { amount: ['$25', '$50', '$100'] },
        stock: { '25': 999, '50': 999, '100': 999 },
      }),
    }),
  ],
};
