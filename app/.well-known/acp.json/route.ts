import { handleRootDiscovery } from '@/lib/seller/http';

/** The origin-level ACP discovery: the directory of this origin's sellers (lib/seller/discovery.ts). */
export const GET = handleRootDiscovery;
export const POST = handleRootDiscovery;
