import type { Stripe } from '@stripe/stripe-js';

export type BrowserStripeMode = 'emulator' | 'stripe';

const loaded = new Map<string, Promise<Stripe | null>>();

/**
 * The one way the browser gets Stripe.js. On the emulator it installs the stand-in on
 * `window.Stripe` and lets `@stripe/stripe-js/pure` pick it up (no script from js.stripe.com);
 * with real keys it loads the real Stripe.js. Both branches are dynamic imports, so the stand-in
 * is its own chunk that a page running on real keys never downloads. The promise is cached per
 * key, as `<Elements stripe>` needs a stable value.
 */
export function loadStripeForAisle(publishableKey: string, mode: BrowserStripeMode): Promise<Stripe | null> {
  if (typeof window === 'undefined') return Promise.resolve(null);
  const cacheKey = `${mode}:${publishableKey}`;
  let promise = loaded.get(cacheKey);
  if (!promise) {
    promise =
      mode === 'emulator'
        ? import('./stripe').then(async ({ installStripeStandIn }) => {
            installStripeStandIn(window);
            const { loadStripe } = await import('@stripe/stripe-js/pure');
            return loadStripe(publishableKey);
          })
        : import('@stripe/stripe-js').then(({ loadStripe }) => loadStripe(publishableKey));
    loaded.set(cacheKey, promise);
    promise.catch(() => loaded.delete(cacheKey));
  }
  return promise;
}
