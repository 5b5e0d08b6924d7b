'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { ProductSummary, VariantSummary } from '@/lib/agent/tools/schemas';

/**
 * What a product card's buttons do. The chat provides them (by default each sends a chat
 * message); the checkout can replace `buy` to open its own flow.
 */
export interface ProductActions {
  details(product: ProductSummary): void;
  buy(product: ProductSummary, variant?: VariantSummary): void;
  /** Sends a message as if the buyer typed it, e.g. a broader search. */
  ask(text: string): void;
  /** True while the agent is answering: the chat takes one message at a time. */
  busy: boolean;
}

const ProductActionsContext = createContext<ProductActions | null>(null);

export function ProductActionsProvider({ value, children }: { value: ProductActions; children: ReactNode }) {
  return <ProductActionsContext.Provider value={value}>{children}</ProductActionsContext.Provider>;
}

/** The surrounding actions, or null where cards are shown read-only. */
export function useProductActions(): ProductActions | null {
  return useContext(ProductActionsContext);
}
