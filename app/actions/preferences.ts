'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/locales';

const YEAR = 60 * 60 * 24 * 365;

/** Remembers the buyer's language; the next render uses it instead of Accept-Language. */
export async function chooseLocale(locale: string): Promise<void> {
  const parsed = z.enum(LOCALES).safeParse(locale);
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: '/', maxAge: YEAR, sameSite: 'lax' });
}
