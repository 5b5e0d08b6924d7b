import { createAcpClient, type AcpClient, type AcpExchange } from '@/lib/acp/client';
import { maskSecret } from '@/lib/acp/exchange';
import type { Db } from '@/lib/db/client';
import { agentAcpExchanges } from '@/lib/db/schema';
import type { AgentSeller } from '@/lib/agent/sellers';

export interface SellerClientDeps {
  db: Db;
  fetch?: typeof fetch;
  /** Extra attempts on 409 in-flight, 429, 5xx and network errors (the ACP client's default is 2). */
  retries?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The SPT travels in the complete request; the timeline shows which token, never the usable value. */
function maskCredentials(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  if (Array.isArray(body)) return body.map(maskCredentials);
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).map(([key, value]) => [
      key,
      key === 'token' && typeof value === 'string' ? maskSecret(value) : maskCredentials(value),
    ]),
  );
}

function stringify(body: unknown): string | null {
  if (body === undefined) return null;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function exchangeRow(checkoutId: string, exchange: AcpExchange): typeof agentAcpExchanges.$inferInsert {
  return {
    checkoutId,
    operation:
      exchange.attempt > 1 ? `${exchange.operation} (retry ${exchange.attempt - 1})` : exchange.operation,
    method: exchange.request.method,
    url: exchange.request.url,
    requestHeaders: exchange.request.headers,
    requestBody: stringify(maskCredentials(exchange.request.body)),
    responseStatus: exchange.response?.status ?? null,
    responseHeaders: exchange.response?.headers ?? null,
    responseBody: exchange.response
      ? stringify(maskCredentials(exchange.response.body))
      : (exchange.error ?? null),
    durationMs: Math.round(exchange.durationMs),
    createdAt: new Date(exchange.startedAt),
  };
}

/** Stores round trips for "How this purchase worked", in the order they happened. */
export async function recordExchanges(db: Db, checkoutId: string, exchanges: AcpExchange[]): Promise<void> {
  if (exchanges.length === 0) return;
  await db.insert(agentAcpExchanges).values(exchanges.map((exchange) => exchangeRow(checkoutId, exchange)));
}

/**
 * An ACP client for one seller that records every exchange against the agent's checkout: at once,
 * or into `buffer` for the caller to store in one write when it is done (Pay, on its hot path).
 */
export function sellerClient(
  deps: SellerClientDeps,
  seller: AgentSeller,
  checkoutId: string,
  observe?: (exchange: AcpExchange) => void,
  buffer?: AcpExchange[],
): AcpClient {
  return createAcpClient({
    baseUrl: seller.baseUrl,
    apiKey: seller.apiKey,
    fetch: deps.fetch,
    retries: deps.retries,
    timeoutMs: deps.timeoutMs,
    sleep: deps.sleep,
    userAgent: 'Aisle-Agent/1.0',
    onExchange: (exchange) => {
      observe?.(exchange);
      if (buffer) buffer.push(exchange);
      else return recordExchanges(deps.db, checkoutId, [exchange]);
    },
  });
}
