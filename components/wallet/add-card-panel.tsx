'use client';

import { useRouter } from 'next/navigation';
import { SaveCardForm, type StripeBrowserConfig } from './save-card-form';

/** /wallet's "Add a card": the shared form, and the saved-cards list refreshed once a card is saved. */
export function AddCardPanel({ stripeConfig }: { stripeConfig: StripeBrowserConfig }) {
  const router = useRouter();
  return <SaveCardForm stripeConfig={stripeConfig} onSaved={() => router.refresh()} />;
}
