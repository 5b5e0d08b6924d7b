import { handleFeedRequest } from '@/lib/agent/catalog';
import { getDb } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

/** ACP Feed API: read the feed's products, or upsert products by id. */
export async function GET(request: Request) {
  return handleFeedRequest(request, { db: await getDb() });
}

export async function PATCH(request: Request) {
  return handleFeedRequest(request, { db: await getDb() });
}
