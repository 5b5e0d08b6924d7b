import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { LocaleSwitch } from './locale-switch';
import { ModePill } from './mode-pill';
import { NavLinks } from './nav-links';
import { ThemeSwitch } from './theme-switch';

export async function SiteHeader({ theme }: { theme: 'light' | 'dark' | 'system' }) {
  const t = await getT('shell');
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-canvas/85 backdrop-blur">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden
            className="grid size-7 place-items-center rounded-lg bg-accent text-sm text-accent-ink"
          >
            A
          </span>
          {t('appName')}
        </Link>
        <NavLinks />
        <div className="ml-auto flex items-center gap-2">
          <ModePill />
          <LocaleSwitch />
          <ThemeSwitch initial={theme} />
        </div>
      </div>
    </header>
  );
}
