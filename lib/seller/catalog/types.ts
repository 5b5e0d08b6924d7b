/**
 * A demo seller's identity and what it sells. Pure data: the seller's ACP server reads it to
 * price and reserve stock, and the image generator reads it to draw one picture per product.
 * Money is integer minor units of the seller's currency (cents for usd, yen for jpy).
 */

export interface SellerProfile {
  id: string;
  name: string;
  nameJa?: string;
  tagline: string;
  taglineJa?: string;
  currency: 'usd' | 'jpy';
  /** ISO 3166-1 alpha-2 */
  country: string;
  accentColor: string;
  /** '/products/<sellerId>/logo.svg' */
  logo: string;
}

export interface CatalogVariant {
  /** Unique within the seller, e.g. 'trail-runner-blue-10'. */
  id: string;
  title: string;
  /** English keys where natural: { size: '10', color: 'Blue' }, { weight: '200g' }. */
  options: Record<string, string>;
  /** Minor units of the seller currency. */
  price: number;
  stock: number;
}

export interface CatalogProduct {
  /** Slug unique within the seller. */
  id: string;
  title: string;
  titleJa?: string;
  description: string;
  descriptionJa?: string;
  brand: string;
  /** Lower-case English noun phrase: 'hiking boots', 'headphones', 'coffee beans'. */
  category: string;
  /** Search keywords: English, plus Japanese for kissa-tokyo. */
  tags: string[];
  /** '/products/<sellerId>/<productId>.svg' */
  image: string;
  rating?: { value: number; count: number };
  digital?: boolean;
  /** Material, weight, origin, roast, ... */
  attributes: Record<string, string>;
  /** At least one. */
  variants: CatalogVariant[];
}

export interface SellerCatalog {
  seller: SellerProfile;
  products: CatalogProduct[];
}
