import { z } from 'zod';
import { withDocUrl, type StripeErrorBody } from '../errors';

/**
 * The emulator's 3D Secure. Where Stripe would hand Stripe.js an issuer challenge, the emulator's
 * `next_action.use_stripe_sdk` names an emulator-only endpoint that approves or fails the challenge
 * (`result=succeeded|failed`), called with the publishable key and the client secret as Stripe.js
 * calls Stripe. See the README.
 */
export const challengeResultShape = { result: z.enum(['succeeded', 'failed']) };

export interface ChallengeAction {
  type: 'use_stripe_sdk';
  use_stripe_sdk: { type: 'emulator_three_d_secure'; verify_challenge_url: string };
  redirect_to_url?: null;
}

export function challengeAction(resource: 'setup_intents' | 'payment_intents', id: string): ChallengeAction {
  return {
    type: 'use_stripe_sdk',
    use_stripe_sdk: {
      type: 'emulator_three_d_secure',
      verify_challenge_url: `/v1/${resource}/${id}/verify_challenge`,
    },
  };
}

export function declineError(
  decline: { code: string; declineCode?: string; message: string },
  paymentMethod: unknown,
): StripeErrorBody {
  return withDocUrl({
    type: 'card_error',
    code: decline.code,
    ...(decline.declineCode ? { decline_code: decline.declineCode } : {}),
    message: decline.message,
    payment_method: paymentMethod,
  });
}

export function authenticationFailure(
  kind: 'setup_intent' | 'payment_intent',
  paymentMethod: unknown,
): StripeErrorBody {
  return withDocUrl({
    type: 'invalid_request_error',
    code: `${kind}_authentication_failure`,
    message:
      kind === 'setup_intent'
        ? 'The latest attempt to set up the payment method has failed because authentication failed.'
        : 'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
    payment_method: paymentMethod,
  });
}
