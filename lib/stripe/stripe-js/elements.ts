import type { Appearance, StripeError } from '@stripe/stripe-js';
import { Emitter, type Handler } from './emitter';
import { resolveLocale, type StandInLocale } from './messages';
import { IntegrationError } from './errors';
import { PaymentElementStandIn } from './payment-element';

/** The options the stand-in reads from `stripe.elements(options)` and `elements.update(options)`. */
export interface ElementsGroupOptions {
  clientSecret?: string;
  mode?: 'payment' | 'setup' | 'subscription';
  currency?: string;
  amount?: number;
  locale?: string;
  appearance?: Appearance;
  [other: string]: unknown;
}

export type SubmitResult =
  | { error: StripeError; selectedPaymentMethod?: undefined }
  | { selectedPaymentMethod: string; error?: undefined };

/**
 * The stand-in's Elements group. Like Stripe.js it holds one Payment Element at a time, and in
 * deferred-intent mode (`mode` without `clientSecret`) it requires a successful `submit()` before
 * a confirm (which validates the form again, so edits made in between are still checked).
 */
export class ElementsGroupStandIn {
  private options: ElementsGroupOptions;
  private payment: PaymentElementStandIn | null = null;
  private readonly events = new Emitter();
  private submitted = false;

  constructor(
    options: ElementsGroupOptions | undefined,
    private readonly defaultLocale: string | undefined,
  ) {
    this.options = { ...(options ?? {}) };
    if (this.options.clientSecret && this.options.mode) {
      throw new IntegrationError('elements(): pass either `clientSecret` or `mode`, not both.');
    }
  }

  get clientSecret(): string | undefined {
    return this.options.clientSecret;
  }

  get deferred(): boolean {
    return !this.options.clientSecret && Boolean(this.options.mode);
  }

  get wasSubmitted(): boolean {
    return this.submitted;
  }

  create(type: string, options?: Record<string, unknown>): PaymentElementStandIn {
    if (type !== 'payment') {
      throw new IntegrationError(
        `The Aisle Stripe.js stand-in renders only the Payment Element; "${type}" is not available on the emulator.`,
      );
    }
    if (this.payment && !this.payment.isDestroyed) {
      throw new IntegrationError('Can only create one Element of type payment.');
    }
    const host = {
      locale: (): StandInLocale => resolveLocale(this.options.locale ?? this.defaultLocale),
      appearance: () => this.options.appearance,
      destroyed: (element: PaymentElementStandIn) => {
        if (this.payment === element) this.payment = null;
      },
    };
    this.payment = new PaymentElementStandIn(host, options ?? {});
    return this.payment;
  }

  getElement(type: string): PaymentElementStandIn | null {
    return type === 'payment' ? this.payment : null;
  }

  /** The mounted Payment Element, which confirm and createPaymentMethod read the card from. */
  mountedPayment(): PaymentElementStandIn | null {
    return this.payment && this.payment.isMounted ? this.payment : null;
  }

  async update(options: ElementsGroupOptions): Promise<void> {
    if ('clientSecret' in options)
      throw new IntegrationError(
        'elements.update(): `clientSecret` cannot be changed; create a new Elements group.',
      );
    this.options = { ...this.options, ...options };
    this.payment?.relabel();
    this.events.emit('update-end', undefined);
  }

  async fetchUpdates(): Promise<{ error?: { message: string } }> {
    return {};
  }

  on(event: string, handler: Handler): void {
    this.events.on(event, handler);
  }

  /** Validates the form, shows each field's error inline, and reports the first one. */
  async submit(): Promise<SubmitResult> {
    const element = this.mountedPayment();
    if (!element)
      throw new IntegrationError(
        'elements.submit(): no mounted Payment Element was found in this Elements group.',
      );
    const problem = element.validate(true);
    if (problem) {
      this.submitted = false;
      return { error: element.validationError(problem) };
    }
    this.submitted = true;
    return { selectedPaymentMethod: 'card' };
  }
}
