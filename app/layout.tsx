import type { Metadata, Viewport } from 'next';
import { GeistMono } from 'geist/font/mono';
import { GeistSans } from 'geist/font/sans';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { I18nProvider } from '@/components/i18n-provider';
import { SiteHeader } from '@/components/shell/site-header';
import { getLocale, getT } from '@/lib/i18n/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Aisle', template: '%s · Aisle' },
  description: 'Chat with an AI agent, buy from ACP sellers with Stripe Shared Payment Tokens.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Runs before paint so a "system" theme never flashes the wrong colours.
const systemThemeScript = `(function(){try{var d=document.documentElement;if(d.dataset.theme==='system'){d.dataset.theme=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}}catch(e){}})()`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getT('shell');
  const chosen = (await cookies()).get('aisle-theme')?.value;
  const theme = chosen === 'light' || chosen === 'dark' ? chosen : 'system';
  return (
    <html
      lang={locale}
      data-theme={theme}
      className={`${GeistSans.variable} ${GeistMono.variable}`}
      suppressHydrationWarning
    >
      <head>
        <script dangerouslySetInnerHTML={{ __html: systemThemeScript }} />
      </head>
      <body className="min-h-dvh font-sans antialiased">
        <a
          href="#content"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
        >
          {t('skipToContent')}
        </a>
        <I18nProvider locale={locale}>
          <SiteHeader theme={theme} />
          <main id="content" className="mx-auto w-full max-w-7xl px-4 py-6">
            {children}
          </main>
        </I18nProvider>
      </body>
    </html>
  );
}
