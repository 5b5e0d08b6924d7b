import type { Metadata } from 'next';
import { AddCardPanel } from '@/components/wallet/add-card-panel';
import { SavedCardList } from '@/components/wallet/saved-card-list';
import { failureSentence } from '@/components/wallet/wallet-text';
import { listCards, walletDeps, walletFailureCode, type SavedCard } from '@/lib/agent/wallet';
import { requireBuyer } from '@/lib/buyer/current';
import { getT } from '@/lib/i18n/server';
import { agentPublishableKey, stripeMode } from '@/lib/stripe/client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT('wallet');
  return { title: t('title') };
}

export default async function WalletPage() {
  const t = await getT('wallet');
  const buyerId = await requireBuyer();
  let cards: SavedCard[] = [];
  let failure: string | null = null;
  try {
    cards = await listCards(await walletDeps(), buyerId);
  } catch (error) {
    console.error('[wallet]', error);
    failure = failureSentence(walletFailureCode(error), t);
  }
  const stripeConfig = { mode: stripeMode(), publishableKey: await agentPublishableKey() };
  return (
    <div className="mx-auto max-w-2xl space-y-8 py-4">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-2 text-muted">{t('lead')}</p>
      </header>
      <section aria-labelledby="saved-cards" className="space-y-3">
        <div className="flex items-baseline justify-between">
          <h2 id="saved-cards" className="text-lg font-semibold">
            {t('savedCards')}
          </h2>
          {cards.length > 0 && (
            <span className="text-sm text-muted">{t('cardsCount', { count: cards.length })}</span>
          )}
        </div>
        {failure ? (
          <p role="alert" className="text-sm text-bad">
            {failure}
          </p>
        ) : (
          <SavedCardList cards={cards} />
        )}
      </section>
      <section
        aria-labelledby="add-card"
        className="space-y-3 rounded-xl border border-line bg-surface p-4 sm:p-5"
      >
        <h2 id="add-card" className="text-lg font-semibold">
          {t('addCard')}
        </h2>
        <AddCardPanel stripeConfig={stripeConfig} />
      </section>
    </div>
  );
}
