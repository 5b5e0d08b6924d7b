import { getDb } from '@/lib/db/client';
import { handleSellerRequest } from '@/lib/seller/http';

export const dynamic = 'force-dynamic';

/** The demo sellers' ACP APIs (checkout sessions, orders, discovery): see lib/seller/http.ts. */
async function handle(request: Request) {
  return handleSellerRequest(request, { db: await getDb() });
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
