import { cookies, headers } from 'next/headers';
import { translator, type Namespace } from './index';
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from './locales';

/** The request's locale: the buyer's remembered choice, else the browser's Accept-Language. */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}

export async function getT<N extends Namespace>(namespace: N) {
  return translator(await getLocale(), namespace);
}
