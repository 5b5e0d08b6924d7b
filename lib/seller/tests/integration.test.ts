import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueOutbox } from '@/lib/db/outbox';
import { bootSellers } from '@/lib/seller/boot';
import { handleSellerRequest } from '@/lib/seller/http';
import { createAppFetch } from '@/lib/testing/app-fetch';
import { openSellerTestbed, type SellerTestbed } from '@/lib/seller/testing';
import { CA_ADDRESS, completeBody, totalOf } from './harness';
import { createAcpClient } from '@/lib/acp/client';
import { demoPairing } from '@/lib/pairing';

/**
 * The seller against the real agent-side receivers, in-process: the Feed API accepts the catalog
 * push and the order webhook receiver accepts the signed order events. Catches any drift between
 * what the seller sends and what the agent was built to read.
 */
let bed: SellerTestbed;
beforeAll(async () => {
  bed = await openSellerTestbed();
});
afterAll(() => bed.close());

describe('seller → agent over HTTP', () => {
  it(
    'the agent’s Feed API and order webhook accept what the seller sends',
    { timeout: 120_000 },
    async () => {
      const appFetch = createAppFetch(bed.database.db, { now: () => bed.clock.now });
      const statuses: number[] = [];
      const recording = (async (input: RequestInfo | URL, init?: RequestInit) => {
        const response = await appFetch(input, init);
        if (!response.ok) console.error(String(input), response.status, await response.clone().text());
        statuses.push(response.status);
        return response;
      }) as typeof fetch;

      await bootSellers(bed.database.db);
      const seller = 'summit-outfitters' as const;
      const client = createAcpClient({
        baseUrl: `http://localhost:3000/sellers/${seller}`,
        apiKey: (await demoPairing(seller)).acpApiKey,
        fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
          handleSellerRequest(new Request(input, init), {
            db: bed.database.db,
            fetch: appFetch,
            now: () => bed.clock.now,
          })) as typeof fetch,
      });
      const created = await client.createSession(
        {
          currency: 'usd',
          capabilities: {},
          line_items: [{ id: 'trail-runner-blue-10', quantity: 1 }],
          fulfillment_details: { name: 'Ada', address: CA_ADDRESS },
        },
        { idempotencyKey: 'it-create' },
      );
      if (!created.ok) throw new Error(created.error.message);
      const token = await bed.mintSpt(seller, { maxAmount: totalOf(created.session) });
      const done = await client.completeSession(created.session.id, completeBody(token), {
        idempotencyKey: 'it-complete',
      });
      expect(done).toMatchObject({ ok: true, session: { status: 'completed' } });

      for (const owner of ['seller:summit-outfitters', 'seller:volt-audio', 'seller:kissa-tokyo']) {
        const result = await deliverDueOutbox(bed.database.db, { fetch: recording, owner, limit: 50 });
        expect(result.failed).toBe(0);
      }
      expect(statuses.length).toBeGreaterThanOrEqual(5);
      expect(statuses.every((s) => s >= 200 && s < 300)).toBe(true);
    },
  );
});
