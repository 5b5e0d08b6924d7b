'use client';

import { useT } from '@/components/i18n-provider';
import type { SearchProductsOutput } from '@/lib/agent/tools/schemas';
import { useProductActions } from './product-actions';
import { ProductCard } from './product-card';

/** The cards of one search, numbered so the buyer can say "the second one"; or help when nothing matched. */
export function ProductGrid({ result }: { result: SearchProductsOutput }) {
  const t = useT('chat');
  const actions = useProductActions();
  if (result.products.length === 0) {
    return (
      <div
        data-testid="no-results"
        className="rounded-xl border border-dashed border-line bg-surface p-4 text-sm"
      >
        <p>{t('noResults')}</p>
        {result.suggestion && (
          <button
            type="button"
            disabled={!actions || actions.busy}
            onClick={() => actions?.ask(result.suggestion!)}
            className="mt-2 rounded-lg border border-line px-3 py-1.5 font-medium text-accent hover:bg-surface-2 disabled:opacity-50"
          >
            {t('tryBroader', { suggestion: result.suggestion })}
          </button>
        )}
      </div>
    );
  }
  return (
    <section aria-label={t('resultsCount', { count: result.total })}>
      <ul
        role="list"
        data-testid="product-grid"
        className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4"
      >
        {result.products.map((product, i) => (
          <li key={product.id} className="flex">
            <ProductCard product={product} position={i + 1} />
          </li>
        ))}
      </ul>
    </section>
  );
}
