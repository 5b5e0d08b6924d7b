import { describe, expect, it } from 'vitest';
import {
  checkDashboardGuards,
  guardFor,
  isLoopbackOrigin,
  keyMatches,
  sessionValid,
  signSession,
} from './access';

const KEYS = {
  SELLER_SUMMIT_OUTFITTERS_ADMIN_KEY: 'summit-admin-key-0123456789',
  SELLER_VOLT_AUDIO_ADMIN_KEY: 'volt-admin-key-0123456789ab',
  SELLER_KISSA_TOKYO_ADMIN_KEY: 'kissa-admin-key-0123456789',
  EMULATOR_ADMIN_KEY: 'emulator-admin-key-01234567',
};

const LOCAL = 'http://localhost:3000';
const PUBLIC = 'https://aisle.example';

describe('dashboard guards', () => {
  it('tells loopback origins from the rest', () => {
    for (const origin of [
      'http://localhost:3000',
      'http://127.0.0.1:3340',
      'http://[::1]:3000',
      'http://shop.localhost',
    ])
      expect(isLoopbackOrigin(origin), origin).toBe(true);
    for (const origin of [
      'https://aisle.example',
      'http://192.168.1.20:3000',
      'http://localhost.example.com',
    ])
      expect(isLoopbackOrigin(origin), origin).toBe(false);
  });

  it('leaves the local demo open, and refuses to start on a public origin without every key', () => {
    expect(guardFor('emulator', {}, LOCAL)).toEqual({ mode: 'open' });
    expect(() => checkDashboardGuards({}, LOCAL)).not.toThrow();
    expect(() => checkDashboardGuards({}, PUBLIC)).toThrow(/SELLER_SUMMIT_OUTFITTERS_ADMIN_KEY is missing/);
    const sellersOnly: Record<string, string> = { ...KEYS };
    delete sellersOnly.EMULATOR_ADMIN_KEY;
    expect(() => checkDashboardGuards(sellersOnly, PUBLIC)).toThrow(/EMULATOR_ADMIN_KEY is missing/);
    expect(() => checkDashboardGuards({ ...KEYS, EMULATOR_ADMIN_KEY: 'short' }, PUBLIC)).toThrow(
      /at least 16/,
    );
    expect(() => checkDashboardGuards(KEYS, PUBLIC)).not.toThrow();
  });

  it('accepts only the realm’s own key and its own signed, unexpired session', () => {
    const summit = guardFor('seller:summit-outfitters', KEYS, PUBLIC);
    const volt = guardFor('seller:volt-audio', KEYS, PUBLIC);
    if (summit.mode !== 'key' || volt.mode !== 'key') throw new Error('expected keys');
    expect(keyMatches(summit, KEYS.SELLER_SUMMIT_OUTFITTERS_ADMIN_KEY)).toBe(true);
    expect(keyMatches(summit, KEYS.SELLER_VOLT_AUDIO_ADMIN_KEY)).toBe(false);
    expect(keyMatches(summit, null)).toBe(false);

    const now = 1_800_000_000_000;
    const cookie = signSession(summit, 'seller:summit-outfitters', now + 60_000);
    expect(sessionValid(summit, 'seller:summit-outfitters', cookie, now)).toBe(true);
    expect(sessionValid(summit, 'seller:summit-outfitters', cookie, now + 60_001)).toBe(false);
    expect(sessionValid(summit, 'seller:volt-audio', cookie, now)).toBe(false);
    expect(sessionValid(volt, 'seller:summit-outfitters', cookie, now)).toBe(false);
    const [expires, mac] = cookie.split('.');
    expect(sessionValid(summit, 'seller:summit-outfitters', `${Number(expires) + 1}.${mac}`, now)).toBe(
      false,
    );
    expect(sessionValid(summit, 'seller:summit-outfitters', undefined, now)).toBe(false);
  });
});
