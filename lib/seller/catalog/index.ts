import { kissaTokyo } from './kissa-tokyo';
import { summitOutfitters } from './summit-outfitters';
import type { SellerCatalog } from './types';
import { voltAudio } from './volt-audio';

export type { CatalogProduct, CatalogVariant, SellerCatalog, SellerProfile } from './types';

/** The three demo sellers, in the order the UI introduces them. */
export const SELLER_CATALOGS: SellerCatalog[] = [summitOutfitters, voltAudio, kissaTokyo];

/** The catalog of one demo seller, or undefined for an unknown id. */
export function catalogFor(sellerId: string): SellerCatalog | undefined {
  return SELLER_CATALOGS.find((catalog) => catalog.seller.id === sellerId);
}
