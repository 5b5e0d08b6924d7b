import { describe, expect, it } from 'vitest';
import { signMerchantSignature, verifyMerchantSignature } from './signature';

const secret = 'whsec_test_secret';
const body = JSON.stringify({ type: 'order_create', data: { id: 'ord_1' } });
const now = new Date('2026-05-01T12:00:00Z');

describe('Merchant-Signature', () => {
  it('verifies a signature it made, with the spec’s header format', () => {
    const header = signMerchantSignature(secret, body, now);
    expect(header).toMatch(/^t=\d+,v1=[a-f0-9]{64}$/);
    expect(verifyMerchantSignature(secret, header, body, { now })).toEqual({
      ok: true,
      timestamp: now.getTime() / 1000,
    });
  });

  it('refuses a body changed by one byte', () => {
    const header = signMerchantSignature(secret, body, now);
    expect(verifyMerchantSignature(secret, header, body.replace('ord_1', 'ord_2'), { now })).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses another secret', () => {
    const header = signMerchantSignature('whsec_other', body, now);
    expect(verifyMerchantSignature(secret, header, body, { now })).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a replay older than the 300 s tolerance, and one from the future', () => {
    const header = signMerchantSignature(secret, body, now);
    const later = new Date(now.getTime() + 301_000);
    expect(verifyMerchantSignature(secret, header, body, { now: later })).toMatchObject({
      ok: false,
      reason: 'timestamp_out_of_tolerance',
    });
    expect(verifyMerchantSignature(secret, header, body, { now: new Date(now.getTime() + 299_000) }).ok).toBe(
      true,
    );
    const early = new Date(now.getTime() - 301_000);
    expect(verifyMerchantSignature(secret, header, body, { now: early })).toMatchObject({
      ok: false,
      reason: 'timestamp_out_of_tolerance',
    });
  });

  it.each([
    [null, 'missing'],
    ['', 'missing'],
    ['v1=abc', 'malformed'],
    ['t=123', 'malformed'],
    ['t=abc,v1=' + 'a'.repeat(64), 'malformed'],
    ['t=123,v1=' + 'z'.repeat(64), 'malformed'],
    ['garbage', 'malformed'],
  ])('refuses header %j as %s', (header, reason) => {
    expect(verifyMerchantSignature(secret, header, body, { now })).toMatchObject({ ok: false, reason });
  });

  it('accepts any of several v1 signatures, so a secret can rotate', () => {
    const header = signMerchantSignature(secret, body, now);
    const rotated = `${header},v1=${'0'.repeat(64)}`;
    expect(verifyMerchantSignature(secret, rotated, body, { now }).ok).toBe(true);
  });
});
