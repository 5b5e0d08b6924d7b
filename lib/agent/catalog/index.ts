/**
 * The agent's catalog: the ACP Feed API sellers push to, and product search over what they pushed.
 * Other roles import from here only.
 */
export { handleFeedRequest } from './feed-handler';
export { feedIdFor } from './store';
export { searchCatalog } from './search';
export { getCatalogProduct, compareCatalogProducts, catalogStats } from './products';
