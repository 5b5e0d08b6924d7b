import { handleFeedRequest } from '@/lib/agent/catalog';
import { getDb } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

/** ACP Feed API: feed metadata. */
export async function GET(request: Request) {
  return handleFeedRequest(request, { db: await getDb() });
}
