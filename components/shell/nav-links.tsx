'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useT } from '../i18n-provider';

export function NavLinks() {
  const t = useT('shell');
  const pathname = usePathname();
  const links = [
    { href: '/', label: t('navChat'), active: pathname === '/' || pathname.startsWith('/chat') },
    { href: '/orders', label: t('navOrders'), active: pathname.startsWith('/orders') },
    { href: '/wallet', label: t('navWallet'), active: pathname.startsWith('/wallet') },
    { href: '/sellers', label: t('navSellers'), active: pathname.startsWith('/sellers') },
  ];
  return (
    <nav aria-label="Main" className="flex items-center gap-1 overflow-x-auto">
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={link.active ? 'page' : undefined}
          className={`whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium transition-colors ${
            link.active ? 'bg-surface-2 text-ink' : 'text-muted hover:bg-surface-2 hover:text-ink'
          }`}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
