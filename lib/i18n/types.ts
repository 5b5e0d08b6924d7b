/** One namespace of UI strings: the English keys are the source of truth, Japanese must match them. */
export type Messages<K extends string = string> = { en: Record<K, string>; ja: Record<K, string> };
