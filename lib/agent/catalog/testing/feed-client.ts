import type { Db } from '@/lib/db/client';
import { demoPairing } from '@/lib/pairing';
import { handleFeedRequest } from '../feed-handler';
import type { FeedProduct } from '../feed-schema';
import { feedIdFor } from '../store';

/** Calls the Feed API in-process, as a seller's HTTP client would. */
export async function feedCall(
  db: Db,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await handleFeedRequest(
    new Request(`http://localhost:3000${path}`, { method, headers, body }),
    { db },
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** Pushes a demo seller's products through PATCH /feeds/{id}/products with its pairing token. */
export async function pushFeed(db: Db, sellerId: string, products: FeedProduct[]) {
  const { feedToken } = await demoPairing(sellerId);
  const result = await feedCall(db, 'PATCH', `/feeds/${feedIdFor(sellerId)}/products`, {
    token: feedToken,
    body: { products },
  });
  if (result.status !== 200)
    throw new Error(`push for ${sellerId} failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result;
}
