import Link from 'next/link';
import { getT } from '@/lib/i18n/server';

export default async function NotFound() {
  const t = await getT('shell');
  return (
    <section className="mx-auto max-w-lg py-16 text-center">
      <p className="text-lg">{t('notFound')}</p>
      <Link href="/" className="mt-4 inline-block rounded-lg bg-accent px-4 py-2 text-accent-ink">
        {t('backHome')}
      </Link>
    </section>
  );
}
