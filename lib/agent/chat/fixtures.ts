import type { FeedProduct } from '@/lib/agent/catalog/feed-schema';

const media = (id: string) => [
  { type: 'image', url: `http://localhost:3000/products/summit-outfitters/${id}.svg` },
];
const boot = (
  id: string,
  title: string,
  price: number,
  sizes: string[],
  extra: Partial<FeedProduct> = {},
): FeedProduct => ({
  id,
  title,
  description: { plain: `${title}: a hiking boot for wet trails.` },
  media: media(id),
  brand: 'Ridgeline',
  rating: { value: 4.5, count: 120 },
  keywords: ['hiking', 'boots', 'waterproof'],
  variants: sizes.map((size) => ({
    id: `${id}-${size}`,
    title: `${title} — size ${size}`,
    price: { amount: price, currency: 'USD' },
    availability: { available: true, status: 'in_stock' },
    inventory_quantity: 10,
    categories: [{ value: 'Footwear > Hiking boots', taxonomy: 'merchant' }],
    variant_options: [{ name: 'size', value: size }],
    seller: { name: 'Summit Outfitters' },
  })),
  ...extra,
});

/** A few products from one seller: enough for chat tests to see real cards without the whole demo catalog. */
export const BOOTS_FEED: FeedProduct[] = [
  boot('trailhead-wp-hiker', 'Trailhead Waterproof Hiker', 13900, ['9', '10', '11']),
  boot('cascade-mid-gtx', 'Cascade Mid GTX', 18900, ['10', '11']),
  boot('mesa-desert-boot', 'Mesa Desert Boot', 11900, ['9', '10'], {
    keywords: ['hiking', 'boots', 'desert'],
  }),
];
