import { stripeBrowserConfig } from '@/app/wallet/actions';
import { loadStripeForAisle } from '@/lib/stripe/stripe-js/load';

/**
 * The bank's 3D Secure step for a Shared Payment Token that needs it, run by Stripe.js in the
 * buyer's browser (the emulator's stand-in shows its test challenge). Resolves true when the
 * buyer passed it; Pay then resumes with the same token.
 */
export async function authenticatePayment(hashedValue: string): Promise<boolean> {
  const config = await stripeBrowserConfig();
  const stripe = await loadStripeForAisle(config.publishableKey, config.mode);
  if (!stripe) return false;
  const result = await stripe.handleNextAction({ hashedValue });
  return !result.error;
}
