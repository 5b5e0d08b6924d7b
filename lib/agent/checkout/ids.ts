import { randomBytes } from 'node:crypto';

/** Opaque, unguessable ids for the agent's own objects (a buyer must not guess another's checkout). */
export function newId(prefix: 'chk' | 'aord'): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
