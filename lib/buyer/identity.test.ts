import { describe, expect, it } from 'vitest';
import { newBuyerId, signBuyerCookie, verifyBuyerCookie } from './identity';
import { localeFromAcceptLanguage } from '../i18n/locales';

describe('buyer cookie', () => {
  const secret = 'a'.repeat(64);

  it('reads back the buyer it was signed for', () => {
    const id = newBuyerId();
    expect(verifyBuyerCookie(secret, signBuyerCookie(secret, id))).toBe(id);
  });

  it('treats a tampered, foreign or malformed cookie as no cookie', () => {
    const id = newBuyerId();
    const value = signBuyerCookie(secret, id);
    const otherBuyer = newBuyerId();
    expect(verifyBuyerCookie(secret, `${otherBuyer}${value.slice(id.length)}`)).toBeNull();
    expect(verifyBuyerCookie('b'.repeat(64), value)).toBeNull();
    expect(verifyBuyerCookie(secret, `${value}x`)).toBeNull();
    expect(verifyBuyerCookie(secret, 'buyer_nope')).toBeNull();
    expect(verifyBuyerCookie(secret, undefined)).toBeNull();
  });
});

describe('locale from Accept-Language', () => {
  it('honours the order and weights of the header', () => {
    expect(localeFromAcceptLanguage('ja-JP,ja;q=0.9,en;q=0.8')).toBe('ja');
    expect(localeFromAcceptLanguage('fr-FR,en;q=0.5,ja;q=0.7')).toBe('ja');
    expect(localeFromAcceptLanguage('de')).toBe('en');
    expect(localeFromAcceptLanguage(null)).toBe('en');
  });
});
