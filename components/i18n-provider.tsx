'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translator, type Namespace, type Translator } from '@/lib/i18n';
import type { Locale } from '@/lib/i18n/locales';

const LocaleContext = createContext<Locale>('en');

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT<N extends Namespace>(namespace: N): Translator<N> {
  const locale = useLocale();
  return useMemo(() => translator(locale, namespace), [locale, namespace]);
}
