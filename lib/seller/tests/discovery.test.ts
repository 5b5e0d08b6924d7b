import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { handleRootDiscovery } from '@/lib/seller/http';
import { openSellerTestbed, type SellerTestbed } from '@/lib/seller/testing';
import { expectValid } from './harness';

/** An agent that knows only the origin finds every seller's ACP API from /.well-known/acp.json. */
describe('discovery at the origin', () => {
  let bed: SellerTestbed;
  beforeAll(async () => {
    bed = await openSellerTestbed();
  });
  afterAll(() => bed.close());

  it('lists each seller with an API base whose own discovery document is spec-valid and agrees', async () => {
    const response = handleRootDiscovery(new Request(`${config().origin}/.well-known/acp.json`));
    expect(response.status).toBe(200);
    const directory = (await response.json()) as {
      protocol: { version: string };
      sellers: { id: string; api_base_url: string; discovery_url: string; currency: string }[];
    };
    expect(directory.protocol.version).toBe('2026-04-17');
    expect(directory.sellers.map((s) => s.id)).toEqual(['summit-outfitters', 'volt-audio', 'kissa-tokyo']);
    for (const seller of directory.sellers) {
      expect(seller.discovery_url).toBe(`${seller.api_base_url}/.well-known/acp.json`);
      const own = await bed.fetch(seller.discovery_url);
      const document = await own.json();
      expectValid('DiscoveryResponse', document);
      expect(document.api_base_url).toBe(seller.api_base_url);
      expect(document.capabilities.supported_currencies).toEqual([seller.currency]);
    }
  });

  it('answers anything but GET with 405 in the ACP error format', async () => {
    const response = handleRootDiscovery(
      new Request(`${config().origin}/.well-known/acp.json`, { method: 'POST', body: '{}' }),
    );
    expect(response.status).toBe(405);
    expectValid('Error', await response.json());
  });
});
