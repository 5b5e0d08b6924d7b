import {
  detectBrand,
  validateCvc,
  validateExpiry,
  validateNumber,
  validatePostalCode,
  type Country,
} from './card';
import type { StandInMessageKey } from './messages';

/** What the card form holds, and what is wrong with it field by field, in the form's order. */
export type FieldName = 'number' | 'expiry' | 'cvc' | 'postalCode';

export interface FieldProblem {
  field: FieldName;
  code: StandInMessageKey;
}

export interface CardValues {
  number: string;
  expiry: string;
  cvc: string;
  postalCode: string;
  country: Country;
  collectsPostalCode: boolean;
}

export function fieldProblem(name: FieldName, values: CardValues): StandInMessageKey | null {
  switch (name) {
    case 'number':
      return validateNumber(values.number);
    case 'expiry':
      return validateExpiry(values.expiry);
    case 'cvc':
      return validateCvc(values.cvc, detectBrand(values.number));
    case 'postalCode':
      return values.collectsPostalCode ? validatePostalCode(values.postalCode, values.country) : null;
  }
}

const ORDER: FieldName[] = ['number', 'expiry', 'cvc', 'postalCode'];

export function cardProblems(values: CardValues): FieldProblem[] {
  return ORDER.flatMap((field) => {
    const code = fieldProblem(field, values);
    return code ? [{ field, code }] : [];
  });
}
