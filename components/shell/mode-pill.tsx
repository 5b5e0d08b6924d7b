import Link from 'next/link';
import { modes } from '@/lib/config';
import { getT } from '@/lib/i18n/server';

/** Which real or embedded service each part runs on: the first thing a demo audience asks. */
export async function ModePill() {
  const t = await getT('shell');
  const m = modes();
  const parts = [
    m.model === 'openai' ? t('modeModelOpenai') : t('modeModelOffline'),
    m.stripe === 'stripe' ? t('modeStripeStripe') : t('modeStripeEmulator'),
    m.database === 'postgres' ? t('modeDbPostgres') : t('modeDbPglite'),
  ];
  return (
    <Link
      href={m.stripe === 'emulator' ? '/emulator' : '/sellers'}
      data-testid="mode-pill"
      title={`${t('modesLabel')}: ${parts.join(' · ')}`}
      className="hidden items-center gap-1.5 rounded-full border border-line bg-surface px-3 py-1 text-xs text-muted md:flex"
    >
      <span aria-hidden className="size-1.5 rounded-full bg-good" />
      <span className="sr-only">{t('modesLabel')}: </span>
      {parts.join(' · ')}
    </Link>
  );
}
