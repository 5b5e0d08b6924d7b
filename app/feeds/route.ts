import { handleFeedRequest } from '@/lib/agent/catalog';
import { getDb } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

/** ACP Feed API: create the calling seller's feed. */
export async function POST(request: Request) {
  return handleFeedRequest(request, { db: await getDb() });
}
