import { chat } from './messages/chat';
import { checkout } from './messages/checkout';
import { emulator } from './messages/emulator';
import { orders } from './messages/orders';
import { seller } from './messages/seller';
import { shell } from './messages/shell';
import { wallet } from './messages/wallet';
import type { Locale } from './locales';

/**
 * Every namespace of UI strings. Each area of the app owns one file in ./messages and adds it here.
 * Strings may hold {placeholders}, filled by `format`.
 */
export const dictionaries = { shell, chat, wallet, checkout, orders, seller, emulator };
export type Namespace = keyof typeof dictionaries;
export type MessageKey<N extends Namespace> = keyof (typeof dictionaries)[N]['en'];

export type Translator<N extends Namespace> = (key: MessageKey<N>, values?: Record<string, string | number>) => string;

export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

export function translator<N extends Namespace>(locale: Locale, namespace: N): Translator<N> {
  const table = dictionaries[namespace][locale] as Record<string, string>;
  const fallback = dictionaries[namespace].en as Record<string, string>;
  return (key, values) => format(table[key as string] ?? fallback[key as string] ?? String(key), values);
}
