import type { Appearance, StripeError, StripePaymentElementOptions } from '@stripe/stripe-js';
import {
  COUNTRIES,
  cvcLength,
  detectBrand,
  digitsOnly,
  formatCardNumber,
  formatExpiry,
  parseExpiry,
  usualNumberLength,
  validateExpiry,
  validateNumber,
  type Country,
} from './card';
import { cardProblems, fieldProblem, type CardValues, type FieldName, type FieldProblem } from './card-state';
import { Emitter, type Handler } from './emitter';
import { IntegrationError } from './errors';
import {
  brandName,
  buildCardForm,
  labelCardForm,
  setValueKeepingCaret,
  type CardForm,
  type Field,
} from './form';
import { standInMessages, type StandInLocale, type StandInMessageKey } from './messages';
import { applyAppearance, injectStyles } from './styles';

/** What an element needs from the Elements group that created it. */
export interface ElementHost {
  locale(): StandInLocale;
  appearance(): Appearance | undefined;
  destroyed(element: PaymentElementStandIn): void;
}

export interface CollectedCard {
  card: { number: string; exp_month: number; exp_year: number; cvc: string };
  billing_details: { address: { country?: string; postal_code?: string } };
}

/** The stand-in's Payment Element: one card form rendered into the merchant's mount node. */
export class PaymentElementStandIn {
  readonly elementType = 'payment';
  private readonly events = new Emitter();
  private form: CardForm | null = null;
  private container: HTMLElement | null = null;
  private focused = false;
  private readonly shown = new Set<FieldName>();
  private destroyedFlag = false;

  constructor(
    private readonly host: ElementHost,
    private options: StripePaymentElementOptions = {},
  ) {}

  on(event: string, handler: Handler) {
    this.events.on(event, handler);
    return this;
  }
  once(event: string, handler: Handler) {
    this.events.on(event, handler, true);
    return this;
  }
  off(event: string, handler?: Handler) {
    this.events.off(event, handler);
    return this;
  }

  mount(target: string | HTMLElement): void {
    if (this.destroyedFlag)
      throw new IntegrationError('This Element has already been destroyed. Create a new one.');
    if (this.container)
      throw new IntegrationError(
        'This Element is already mounted. Use `unmount` to unmount the Element before re-mounting.',
      );
    const node = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target;
    if (!node)
      throw new IntegrationError(
        `The selector you specified (${String(target)}) applies to no DOM elements.`,
      );
    injectStyles(node.ownerDocument);
    this.form ??= this.build();
    node.appendChild(this.form.root);
    this.container = node;
    this.relabel();
    this.events.emit('loaderstart', { elementType: 'payment' });
    // Stripe.js announces readiness after its iframe loads; React attaches `onReady` only after mount.
    let fired = false;
    const ready = () => {
      if (fired || !this.container) return;
      fired = true;
      this.events.emit('ready', { elementType: 'payment' });
    };
    requestAnimationFrame(() => setTimeout(ready, 0));
    setTimeout(ready, 200);
  }

  unmount(): void {
    this.form?.root.remove();
    this.container = null;
    this.focused = false;
  }

  destroy(): void {
    if (this.destroyedFlag) return;
    this.unmount();
    this.destroyedFlag = true;
    this.events.clear();
    this.host.destroyed(this);
  }

  get isDestroyed(): boolean {
    return this.destroyedFlag;
  }
  get isMounted(): boolean {
    return this.container !== null;
  }

  focus(): void {
    this.form?.number.control.focus();
  }
  blur(): void {
    const active = document.activeElement;
    if (active instanceof HTMLElement && this.form?.root.contains(active)) active.blur();
  }
  clear(): void {
    if (!this.form) return;
    for (const f of [this.form.number, this.form.expiry, this.form.cvc, this.form.postal])
      f.control.value = '';
    this.shown.clear();
    this.refreshErrors();
    this.updateBrand();
    this.emitChange();
  }
  collapse() {
    return this;
  }

  update(options: Partial<StripePaymentElementOptions>) {
    this.options = { ...this.options, ...options };
    this.relabel();
    return this;
  }

  /** Re-reads locale, appearance and field options; called on mount and on every group update. */
  relabel(): void {
    if (!this.form) return;
    labelCardForm(this.form, standInMessages(this.host.locale()), this.country());
    applyAppearance(this.form.root, this.host.appearance());
    const readOnly = Boolean(this.options.readOnly);
    for (const f of [this.form.number, this.form.expiry, this.form.cvc, this.form.postal])
      f.control.readOnly = readOnly;
    this.form.country.control.disabled = readOnly;
    this.form.country.wrapper.hidden = !this.collects('country');
    this.form.postal.wrapper.hidden = !this.collects('postalCode');
    this.refreshErrors();
  }

  /** All field problems in form order; with `show` they appear inline, as on submit. */
  validate(show: boolean): FieldProblem | null {
    const problems = this.problems();
    if (show) {
      for (const problem of problems) this.shown.add(problem.field);
      this.refreshErrors();
      if (problems[0]) this.controlOf(problems[0].field).focus();
    }
    return problems[0] ?? null;
  }

  validationError(problem: FieldProblem): StripeError {
    return {
      type: 'validation_error',
      code: problem.code,
      message: standInMessages(this.host.locale())[problem.code],
      param: problem.field,
    };
  }

  collected(): CollectedCard {
    const form = this.requireForm();
    const expiry = parseExpiry(form.expiry.control.value) ?? { month: 0, year: 0 };
    const address: CollectedCard['billing_details']['address'] = {};
    if (this.collects('country')) address.country = this.country();
    if (this.collects('postalCode')) address.postal_code = form.postal.control.value.trim();
    return {
      card: {
        number: digitsOnly(form.number.control.value),
        exp_month: expiry.month,
        exp_year: expiry.year,
        cvc: digitsOnly(form.cvc.control.value),
      },
      billing_details: { address },
    };
  }

  private requireForm(): CardForm {
    if (!this.form || !this.container) throw new IntegrationError('The Payment Element is not mounted.');
    return this.form;
  }

  private collects(part: 'country' | 'postalCode'): boolean {
    const billing = this.options.fields?.billingDetails;
    const address = billing === 'never' ? 'never' : typeof billing === 'object' ? billing.address : undefined;
    if (address === 'never') return false;
    if (address && typeof address === 'object') return address[part] !== 'never';
    return true;
  }

  private country(): Country {
    const chosen = this.form?.country.control.value;
    return (COUNTRIES as readonly string[]).includes(chosen ?? '') ? (chosen as Country) : 'US';
  }

  private build(): CardForm {
    const form = buildCardForm(document);
    const address = this.options.defaultValues?.billingDetails?.address;
    const initialCountry = (address?.country ?? (this.host.locale() === 'ja' ? 'JP' : 'US')).toUpperCase();
    form.country.control.value = (COUNTRIES as readonly string[]).includes(initialCountry)
      ? initialCountry
      : 'US';
    if (address?.postal_code) form.postal.control.value = address.postal_code;

    form.number.control.addEventListener('input', (event) => this.onNumberInput(event as InputEvent));
    form.expiry.control.addEventListener('input', (event) => this.onExpiryInput(event as InputEvent));
    form.cvc.control.addEventListener('input', () => this.onCvcInput());
    form.postal.control.addEventListener('input', () => this.afterInput('postalCode', false));
    form.country.control.addEventListener('change', () => {
      this.relabel();
      this.emitChange();
    });
    for (const [name, f] of this.fields(form))
      f.control.addEventListener('blur', () => this.onFieldBlur(name));
    form.root.addEventListener('focusin', () => {
      if (this.focused) return;
      this.focused = true;
      this.events.emit('focus', { elementType: 'payment' });
    });
    form.root.addEventListener('focusout', (event) => {
      const next = (event as FocusEvent).relatedTarget;
      if (next instanceof Node && form.root.contains(next)) return;
      this.focused = false;
      this.events.emit('blur', { elementType: 'payment' });
    });
    form.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.events.emit('escape', { elementType: 'payment' });
    });
    this.updateBrand(form);
    return form;
  }

  private fields(form: CardForm): Array<[FieldName, Field]> {
    return [
      ['number', form.number],
      ['expiry', form.expiry],
      ['cvc', form.cvc],
      ['postalCode', form.postal],
    ];
  }

  private controlOf(name: FieldName): HTMLInputElement {
    const form = this.requireForm();
    return { number: form.number, expiry: form.expiry, cvc: form.cvc, postalCode: form.postal }[name].control;
  }

  private onNumberInput(event: InputEvent): void {
    const input = this.requireForm().number.control;
    setValueKeepingCaret(input, formatCardNumber(input.value));
    this.updateBrand();
    const digits = digitsOnly(input.value);
    const complete = digits.length >= usualNumberLength(digits);
    this.afterInput('number', complete);
    if (complete && !validateNumber(digits) && !event.inputType?.startsWith('delete'))
      this.requireForm().expiry.control.focus();
  }

  private onExpiryInput(event: InputEvent): void {
    const input = this.requireForm().expiry.control;
    const deleting = Boolean(event.inputType?.startsWith('delete'));
    input.value = formatExpiry(input.value, deleting);
    const complete = digitsOnly(input.value).length === 4;
    this.afterInput('expiry', complete || validateExpiry(input.value) === 'invalid_expiry_month');
    if (complete && !validateExpiry(input.value) && !deleting) this.requireForm().cvc.control.focus();
  }

  private onCvcInput(): void {
    const input = this.requireForm().cvc.control;
    input.value = digitsOnly(input.value).slice(
      0,
      Math.max(cvcLength(detectBrand(this.requireForm().number.control.value)), 3),
    );
    this.afterInput('cvc', false);
  }

  /** A field shows its error once it is whole but wrong, or after the buyer leaves it. */
  private afterInput(name: FieldName, whole: boolean): void {
    if (whole && this.problemOf(name)) this.shown.add(name);
    if (!this.problemOf(name)) this.shown.delete(name);
    this.refreshErrors();
    this.emitChange();
  }

  private onFieldBlur(name: FieldName): void {
    if (this.controlOf(name).value.trim() && this.problemOf(name)) this.shown.add(name);
    this.refreshErrors();
  }

  private values(): CardValues {
    const form = this.requireForm();
    return {
      number: form.number.control.value,
      expiry: form.expiry.control.value,
      cvc: form.cvc.control.value,
      postalCode: form.postal.control.value,
      country: this.country(),
      collectsPostalCode: this.collects('postalCode'),
    };
  }

  private problemOf(name: FieldName): StandInMessageKey | null {
    return fieldProblem(name, this.values());
  }

  private problems(): FieldProblem[] {
    return cardProblems(this.values());
  }

  private refreshErrors(): void {
    if (!this.form) return;
    const messages = standInMessages(this.host.locale());
    for (const [name, f] of this.fields(this.form)) {
      const problem = this.shown.has(name) ? this.problemOf(name) : null;
      f.error.textContent = problem ? messages[problem] : '';
      f.control.setAttribute('aria-invalid', problem ? 'true' : 'false');
    }
  }

  private updateBrand(form = this.form): void {
    if (!form) return;
    const brand = detectBrand(form.number.control.value);
    form.brand.dataset.brand = brand;
    form.brand.textContent = brandName(brand);
    form.cvc.control.maxLength = cvcLength(brand);
  }

  private emitChange(): void {
    if (!this.form) return;
    const form = this.form;
    const empty = [form.number, form.expiry, form.cvc, form.postal].every((f) => !f.control.value.trim());
    this.events.emit('change', {
      elementType: 'payment',
      empty,
      complete: this.problems().length === 0,
      collapsed: false,
      value: { type: 'card' },
    });
  }
}
