import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db/client';
import { bootStripeEmulator } from './boot';
import { emulatorTestKit } from './testing';

describe('state across a restart (PGlite on disk)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aisle-stripe-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Two opens of a folder on disk, the first running initdb: 8–9 s on a quiet 2-core machine and
  // past the suite's 30 s default when the machine is busy, so this test has a bound of its own.
  const SLOW_DISK_OPENS_MS = 120_000;

  it(
    'keeps accounts, keys and objects, and a token issued before the restart still pays after it',
    async () => {
      const before = await openDatabase({ mode: 'pglite', dataDir });
      const kit = await emulatorTestKit(before.db);
      const customer = await kit.agent.customers.create({ email: 'kept@example.com' });
      const pm = await kit.agent.paymentMethods.attach('pm_card_visa', { customer: customer.id });
      const token = await kit.agent.sharedPayment.issuedTokens.create({
        payment_method: pm.id,
        seller_details: { network_business_profile: kit.keys['kissa-tokyo'].networkBusinessProfile },
        usage_limits: { currency: 'jpy', max_amount: 4000 },
      });
      const keysBefore = kit.keys;
      await before.close();

      const after = await openDatabase({ mode: 'pglite', dataDir });
      try {
        expect(await bootStripeEmulator(after.db)).toHaveLength(4);
        const again = await emulatorTestKit(after.db);
        expect(again.keys).toEqual(keysBefore);
        expect((await again.agent.customers.retrieve(customer.id)) as { email: string }).toMatchObject({
          email: 'kept@example.com',
        });
        expect((await again.agent.customers.listPaymentMethods(customer.id)).data.map((p) => p.id)).toEqual([
          pm.id,
        ]);
        const pi = await again.sellers['kissa-tokyo'].paymentIntents.create({
          amount: 4000,
          currency: 'jpy',
          confirm: true,
          payment_method_data: { type: 'card', shared_payment_granted_token: token.id },
        });
        expect(pi.status).toBe('succeeded');
      } finally {
        await after.close();
      }
    },
    SLOW_DISK_OPENS_MS,
  );
});
