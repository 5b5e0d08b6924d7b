import type { StripeError } from '@stripe/stripe-js';
import { callApi, type ApiSettings, type FormValue } from './api';
import type { ChallengeFacts } from './challenge';
import { ElementsGroupStandIn, type ElementsGroupOptions } from './elements';
import { brandName } from './form';
import {
  confirmIntent,
  finishNextAction,
  finishTokenAction,
  kindOfClientSecret,
  retrieveIntent,
  type IntentKind,
  type IntentResult,
} from './intents';
import { resolveLocale, standInMessages } from './messages';
import { detectBrand } from './card';
import { IntegrationError } from './errors';
import type { PaymentElementStandIn } from './payment-element';

export interface StandInOptions {
  stripeAccount?: string;
  apiVersion?: string;
  locale?: string;
  /** Where the emulator answers; the page's own origin unless told otherwise. */
  apiOrigin?: string;
}

interface ConfirmOptions {
  elements?: ElementsGroupStandIn;
  clientSecret?: string;
  confirmParams?: Record<string, unknown> & {
    return_url?: string;
    payment_method_data?: Record<string, unknown>;
    payment_method?: string;
  };
  redirect?: 'always' | 'if_required';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merchant-given billing details first, then what the buyer typed into the form (which wins, as in Stripe.js). */
function mergeDeep(base: unknown, override: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(override))
    out[key] = isPlainObject(value) ? mergeDeep(out[key], value) : value;
  return out;
}

/**
 * Builds the object `window.Stripe(publishableKey, options)` returns: the subset of Stripe.js that
 * Aisle and `@stripe/react-stripe-js` use, talking to the emulator instead of api.stripe.com.
 */
export function createStripeStandIn(publishableKey: string, options: StandInOptions = {}) {
  if (typeof publishableKey !== 'string' || !publishableKey.startsWith('pk_')) {
    throw new IntegrationError(
      'Invalid API Key provided: the Stripe emulator expects a publishable key (pk_test_…).',
    );
  }
  const settings: ApiSettings = {
    publishableKey,
    apiOrigin: options.apiOrigin ?? window.location.origin,
    stripeAccount: options.stripeAccount,
    apiVersion: options.apiVersion,
  };
  const messages = () => standInMessages(resolveLocale(options.locale));

  const cardFromElements = (
    elements: ElementsGroupStandIn | undefined,
    method: string,
  ): { element: PaymentElementStandIn | null; error?: StripeError } => {
    if (!elements) return { element: null };
    if (!(elements instanceof ElementsGroupStandIn))
      throw new IntegrationError(`${method}: \`elements\` must come from stripe.elements().`);
    const element = elements.mountedPayment();
    if (!element) throw new IntegrationError(`${method}: the Elements group has no mounted Payment Element.`);
    if (elements.deferred && !elements.wasSubmitted) {
      throw new IntegrationError(
        `${method}: elements.submit() must be called before ${method}(). Call elements.submit() as soon as your customer presses the button, before any asynchronous work.`,
      );
    }
    const problem = element.validate(true);
    return problem ? { element, error: element.validationError(problem) } : { element };
  };

  const paymentMethodData = (
    element: PaymentElementStandIn,
    extra: Record<string, unknown> | undefined,
  ): Record<string, FormValue> => {
    const collected = element.collected();
    return {
      ...(extra as Record<string, FormValue>),
      type: 'card',
      card: collected.card,
      billing_details: mergeDeep(extra?.billing_details, collected.billing_details) as FormValue,
    };
  };

  const facts = (element: PaymentElementStandIn | null): ChallengeFacts => {
    if (!element) return {};
    const { card } = element.collected();
    return { card: `${brandName(detectBrand(card.number))} •••• ${card.number.slice(-4)}` };
  };

  async function confirm(
    kind: IntentKind,
    method: string,
    opts: ConfirmOptions,
  ): Promise<Record<string, unknown>> {
    const clientSecret = opts.clientSecret ?? opts.elements?.clientSecret;
    if (!clientSecret)
      throw new IntegrationError(`${method}: pass \`clientSecret\`, or create the Elements group with one.`);
    const redirect = opts.redirect ?? 'always';
    const { return_url: returnUrl, payment_method_data: extraData, ...rest } = opts.confirmParams ?? {};
    if (redirect === 'always' && !returnUrl)
      throw new IntegrationError(
        `${method}: confirmParams.return_url is required unless redirect is 'if_required'.`,
      );
    const { element, error } = cardFromElements(opts.elements, method);
    if (error) return { error };
    const params: Record<string, FormValue> = {
      ...(rest as Record<string, FormValue>),
      return_url: returnUrl,
      use_stripe_sdk: true,
    };
    if (element) params.payment_method_data = paymentMethodData(element, extraData);
    else if (!rest.payment_method)
      throw new IntegrationError(`${method}: pass \`elements\` or confirmParams.payment_method.`);
    const result = await confirmIntent(settings, kind, clientSecret, params, messages(), facts(element));
    return shape(kind, result, redirect, returnUrl);
  }

  function shape(
    kind: IntentKind,
    result: IntentResult,
    redirect: 'always' | 'if_required',
    returnUrl?: string,
  ): Record<string, unknown> {
    if (result.error) return { error: result.error };
    const key = kind === 'setup' ? 'setupIntent' : 'paymentIntent';
    if (redirect === 'always' && returnUrl) {
      const url = new URL(returnUrl, window.location.href);
      const prefix = kind === 'setup' ? 'setup_intent' : 'payment_intent';
      url.searchParams.set(prefix, result.intent.id);
      url.searchParams.set(`${prefix}_client_secret`, result.intent.client_secret);
      url.searchParams.set(
        'redirect_status',
        result.intent.status === 'succeeded' ? 'succeeded' : result.intent.status,
      );
      window.location.assign(url.toString());
    }
    return { [key]: result.intent };
  }

  const unsupported = (method: string) => async () => ({
    error: {
      type: 'invalid_request_error',
      message: `${method} is not available on the Stripe emulator; use the Payment Element.`,
    } satisfies StripeError,
  });

  return {
    elements(elementsOptions?: ElementsGroupOptions) {
      return new ElementsGroupStandIn(elementsOptions, options.locale);
    },
    confirmSetup(opts: ConfirmOptions) {
      return confirm('setup', 'stripe.confirmSetup', opts);
    },
    confirmPayment(opts: ConfirmOptions) {
      return confirm('payment', 'stripe.confirmPayment', opts);
    },
    async confirmCardPayment(clientSecret: string, data?: { payment_method?: string; return_url?: string }) {
      if (typeof data?.payment_method !== 'string')
        return unsupported('confirmCardPayment with card details')();
      return confirm('payment', 'stripe.confirmCardPayment', {
        clientSecret,
        confirmParams: { ...data },
        redirect: 'if_required',
      });
    },
    async handleNextAction(opts: { clientSecret?: string; hashedValue?: string }) {
      if (opts?.hashedValue) return finishTokenAction(settings, opts.hashedValue, messages());
      if (!opts?.clientSecret)
        throw new IntegrationError(
          'stripe.handleNextAction: pass `clientSecret` (an intent) or `hashedValue` (a shared payment token).',
        );
      const kind = kindOfClientSecret(opts.clientSecret);
      if (!kind)
        throw new IntegrationError(
          'stripe.handleNextAction: `clientSecret` is not a PaymentIntent or SetupIntent client secret.',
        );
      const current = await retrieveIntent(settings, kind, opts.clientSecret, messages());
      if (current.error) return { error: current.error };
      if (current.intent.status !== 'requires_action') {
        throw new IntegrationError(
          `stripe.handleNextAction: the ${current.intent.object} has status ${current.intent.status}, not requires_action.`,
        );
      }
      const done = await finishNextAction(settings, current.intent, messages(), {});
      return shape(kind, done, 'if_required');
    },
    async createPaymentMethod(opts: { elements?: ElementsGroupStandIn; params?: Record<string, unknown> }) {
      const { element, error } = cardFromElements(opts?.elements, 'stripe.createPaymentMethod');
      if (!element)
        throw new IntegrationError(
          'stripe.createPaymentMethod: the Stripe emulator creates PaymentMethods from `elements` only.',
        );
      if (error) return { error };
      const result = await callApi(
        settings,
        'POST',
        '/payment_methods',
        paymentMethodData(element, opts.params),
        messages().network,
      );
      return result.ok ? { paymentMethod: result.body } : { error: result.error };
    },
    async retrieveSetupIntent(clientSecret: string) {
      const result = await retrieveIntent(settings, 'setup', clientSecret, messages());
      return result.error ? { error: result.error } : { setupIntent: result.intent };
    },
    async retrievePaymentIntent(clientSecret: string) {
      const result = await retrieveIntent(settings, 'payment', clientSecret, messages());
      return result.error ? { error: result.error } : { paymentIntent: result.intent };
    },
    createToken: unsupported('createToken'),
    createSource: unsupported('createSource'),
    confirmCardSetup: unsupported('confirmCardSetup'),
    handleCardAction: unsupported('handleCardAction'),
    registerAppInfo() {},
    _registerWrapper() {},
  };
}

export type StripeStandIn = ReturnType<typeof createStripeStandIn>;

/** `window.Stripe`: a plain function, because @stripe/stripe-js calls it with `.apply`. */
export function StripeStandInConstructor(publishableKey: string, options?: StandInOptions): StripeStandIn {
  return createStripeStandIn(publishableKey, options);
}
// @stripe/stripe-js warns when window.Stripe's release train differs from the one it was built for;
// the stand-in implements that train's API, so it says so.
StripeStandInConstructor.version = 'endive';

/** Puts the stand-in on `window.Stripe` (once), so `loadStripe` from `@stripe/stripe-js/pure` picks it up. */
export function installStripeStandIn(target: Window = window): void {
  const holder = target as unknown as { Stripe?: unknown };
  if (!holder.Stripe) holder.Stripe = StripeStandInConstructor;
}
