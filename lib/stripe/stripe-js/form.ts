import { COUNTRIES, type Country } from './card';
import type { StandInMessages } from './messages';

/** The DOM of the card form: labelled inputs, each with its own error line tied by aria-describedby. */

let nextId = 0;

export interface Field<T extends HTMLInputElement | HTMLSelectElement = HTMLInputElement> {
  wrapper: HTMLDivElement;
  label: HTMLLabelElement;
  control: T;
  error: HTMLParagraphElement;
}

export interface CardForm {
  root: HTMLDivElement;
  tabLabel: HTMLSpanElement;
  number: Field;
  brand: HTMLSpanElement;
  expiry: Field;
  cvc: Field;
  country: Field<HTMLSelectElement>;
  postal: Field;
  badge: HTMLParagraphElement;
}

function field<T extends HTMLInputElement | HTMLSelectElement>(
  doc: Document,
  control: T,
  name: string,
  wide: boolean,
): Field<T> {
  const id = `aisle-sjs-${++nextId}-${name}`;
  const wrapper = doc.createElement('div');
  wrapper.className = `aisle-sjs-field${wide ? ' aisle-sjs-wide' : ''}`;
  wrapper.dataset.field = name;
  const label = doc.createElement('label');
  label.className = 'aisle-sjs-label';
  label.htmlFor = id;
  const box = doc.createElement('div');
  box.className = 'aisle-sjs-control';
  control.id = id;
  control.name = name;
  control.classList.add('aisle-sjs-input');
  control.setAttribute('aria-describedby', `${id}-error`);
  const error = doc.createElement('p');
  error.id = `${id}-error`;
  error.className = 'aisle-sjs-error';
  error.setAttribute('aria-live', 'polite');
  box.appendChild(control);
  wrapper.append(label, box, error);
  return { wrapper, label, control, error };
}

function textInput(doc: Document, autocomplete: AutoFill, inputMode: string): HTMLInputElement {
  const input = doc.createElement('input');
  input.type = 'text';
  input.autocomplete = autocomplete;
  input.inputMode = inputMode;
  input.spellcheck = false;
  input.setAttribute('autocorrect', 'off');
  return input;
}

const CARD_ICON =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><rect x="2" y="5" width="20" height="14" rx="2"/><path d="M2 10h20"/></svg>';

export function buildCardForm(doc: Document): CardForm {
  const root = doc.createElement('div');
  root.className = 'aisle-sjs';
  root.dataset.aisleStripeElement = 'payment';

  const tab = doc.createElement('div');
  tab.className = 'aisle-sjs-tab';
  tab.innerHTML = CARD_ICON;
  const tabLabel = doc.createElement('span');
  tab.appendChild(tabLabel);

  const grid = doc.createElement('div');
  grid.className = 'aisle-sjs-grid';

  const numberInput = textInput(doc, 'cc-number', 'numeric');
  numberInput.classList.add('aisle-sjs-number');
  numberInput.placeholder = '1234 1234 1234 1234';
  const number = field(doc, numberInput, 'number', true);
  const brand = doc.createElement('span');
  brand.className = 'aisle-sjs-brand';
  brand.setAttribute('aria-hidden', 'true');
  number.control.parentElement!.appendChild(brand);

  const expiry = field(doc, textInput(doc, 'cc-exp', 'numeric'), 'expiry', false);
  const cvc = field(doc, textInput(doc, 'cc-csc', 'numeric'), 'cvc', false);
  const select = doc.createElement('select');
  select.autocomplete = 'country';
  for (const code of COUNTRIES) {
    const option = doc.createElement('option');
    option.value = code;
    select.appendChild(option);
  }
  const country = field(doc, select, 'country', false);
  const postal = field(doc, textInput(doc, 'postal-code', 'text'), 'postalCode', false);

  grid.append(number.wrapper, expiry.wrapper, cvc.wrapper, country.wrapper, postal.wrapper);
  const badge = doc.createElement('p');
  badge.className = 'aisle-sjs-badge';
  root.append(tab, grid, badge);
  return { root, tabLabel, number, brand, expiry, cvc, country, postal, badge };
}

const BRAND_NAMES: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'Amex',
  discover: 'Discover',
  diners: 'Diners',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  unknown: 'Card',
};

export function brandName(brand: string): string {
  return BRAND_NAMES[brand] ?? brand;
}

/** Writes every visible string, so a locale change rewrites the form in place. */
export function labelCardForm(form: CardForm, messages: StandInMessages, country: Country): void {
  form.tabLabel.textContent = messages.card;
  form.number.label.textContent = messages.cardNumber;
  form.expiry.label.textContent = messages.expiry;
  form.expiry.control.placeholder = messages.expiryPlaceholder;
  form.cvc.label.textContent = messages.cvc;
  form.cvc.control.placeholder = messages.cvcPlaceholder;
  form.country.label.textContent = messages.country;
  form.postal.label.textContent = country === 'US' ? messages.zip : messages.postal;
  form.postal.control.placeholder = country === 'US' ? '12345' : country === 'JP' ? '123-4567' : '';
  const names = messages.countryNames.split('|');
  Array.from(form.country.control.options).forEach(
    (option, index) => (option.textContent = names[index] ?? option.value),
  );
  form.badge.textContent = messages.testBadge;
}

/** Keeps the caret after the same count of digits when reformatting moves characters around. */
export function setValueKeepingCaret(input: HTMLInputElement, formatted: string): void {
  const caret = input.selectionStart ?? input.value.length;
  const digitsBefore = input.value.slice(0, caret).replace(/\D/g, '').length;
  const atEnd = caret >= input.value.length;
  input.value = formatted;
  if (input.ownerDocument.activeElement !== input) return;
  let position = 0;
  let seen = 0;
  while (position < formatted.length && seen < digitsBefore) {
    if (/\d/.test(formatted[position])) seen++;
    position++;
  }
  if (atEnd) position = formatted.length;
  input.setSelectionRange(position, position);
}
