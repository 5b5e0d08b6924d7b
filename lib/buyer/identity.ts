import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const BUYER_COOKIE = 'aisle-buyer';
const BUYER_ID = /^buyer_[A-Za-z0-9]{20}$/;

export function newBuyerId(): string {
  return `buyer_${randomBytes(15).toString('base64url').replace(/[-_]/g, '').padEnd(20, '0').slice(0, 20)}`;
}

function mac(secret: string, buyerId: string): string {
  return createHmac('sha256', secret).update(`buyer:${buyerId}`).digest('base64url');
}

/** Cookie value `<buyerId>.<HMAC>`: the id is readable, and only the server can mint one. */
export function signBuyerCookie(secret: string, buyerId: string): string {
  return `${buyerId}.${mac(secret, buyerId)}`;
}

/** The buyer id in a cookie value, or null when it is absent, malformed or tampered with. */
export function verifyBuyerCookie(secret: string, value: string | undefined | null): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf('.');
  if (dot < 0) return null;
  const buyerId = value.slice(0, dot);
  if (!BUYER_ID.test(buyerId)) return null;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(secret, buyerId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? buyerId : null;
}
