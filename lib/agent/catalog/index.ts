/**
 * The agent's catalog: the ACP Feed API sellers push to, and product search over what they pushed.
 * Other roles import from here only.
 */
export { handleFeedRequest, handleSellerFeedRequest, type FeedDeps } from './feed-handler';
export { FEED_EXTENSION, FeedProduct, UpsertProductsRequest } from './feed-schema';
export { feedIdFor, upsertProducts } from './store';
export { searchCatalog, DEFAULT_LIMIT, type CatalogLocale } from './search';
export {
  getCatalogProduct,
  compareCatalogProducts,
  catalogStats,
  parseCatalogId,
  type CatalogSellerStats,
} from './products';
