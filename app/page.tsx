import { getT } from '@/lib/i18n/server';

// The chat lives here; until it lands the home page introduces Aisle.
export default async function HomePage() {
  const t = await getT('shell');
  return (
    <section className="mx-auto max-w-2xl py-10">
      <h1 className="text-3xl font-semibold tracking-tight">{t('homeTitle')}</h1>
      <p className="mt-3 text-muted">{t('homeLead')}</p>
    </section>
  );
}
