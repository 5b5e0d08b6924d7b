import { chat } from './messages/chat';
import { checkout } from './messages/checkout';
import { operator } from './messages/operator';
import { orders } from './messages/orders';
import { seller } from './messages/seller';
import { shell } from './messages/shell';
import { wallet } from './messages/wallet';
import type { Locale } from './locales';
import type { Messages } from './types';

/**
 * Every namespace of UI strings. Each area of the app owns one file in ./messages and adds it here.
 * Strings may hold {placeholders}, filled by `format`.
 */
export const dictionaries = { shell, chat, wallet, checkout, orders, seller, operator };
export type Namespace = keyof typeof dictionaries;
export type MessageKey<N extends Namespace> = keyof (typeof dictionaries)[N]['en'];

export type Translator<N extends Namespace> = (
  key: MessageKey<N>,
  values?: Record<string, string | number>,
) => string;

export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

export function translator<N extends Namespace>(locale: Locale, namespace: N): Translator<N> {
  return messagesTranslator(dictionaries[namespace], locale);
}

/**
 * A translator for strings that only the server renders (the emulator dashboard): kept out of
 * `dictionaries`, which every page's browser bundle carries for its client components.
 */
export function messagesTranslator<M extends Messages>(
  messages: M,
  locale: Locale,
): (key: keyof M['en'], values?: Record<string, string | number>) => string {
  const table = messages[locale] as Record<string, string>;
  const fallback = messages.en as Record<string, string>;
  return (key, values) => format(table[key as string] ?? fallback[key as string] ?? String(key), values);
}
