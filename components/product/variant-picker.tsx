'use client';

import { useId } from 'react';
import { useT } from '@/components/i18n-provider';
import type { VariantSummary } from '@/lib/agent/tools/schemas';

/** Option names in the order a shopper expects: colour before size, then the rest as the feed lists them. */
export function optionNames(variants: VariantSummary[]): string[] {
  const names: string[] = [];
  for (const variant of variants)
    for (const name of Object.keys(variant.options)) if (!names.includes(name)) names.push(name);
  const rank = (name: string) => (/colou?r/i.test(name) ? 0 : /size/i.test(name) ? 1 : 2);
  return names.sort((a, b) => rank(a) - rank(b));
}

/** The variant matching every chosen option, else the first one matching the most. */
export function matchVariant(
  variants: VariantSummary[],
  chosen: Record<string, string>,
): VariantSummary | undefined {
  let best: VariantSummary | undefined;
  let bestScore = -1;
  for (const variant of variants) {
    const score = Object.entries(chosen).filter(([name, value]) => variant.options[name] === value).length;
    if (score > bestScore) {
      best = variant;
      bestScore = score;
    }
  }
  return best;
}

/** One radio group per option (size, colour, ...); values that would be out of stock are marked. */
export function VariantPicker({
  variants,
  chosen,
  onChange,
}: {
  variants: VariantSummary[];
  chosen: Record<string, string>;
  /** Called with every choice so far and the option just chosen. */
  onChange: (next: Record<string, string>, name: string) => void;
}) {
  const t = useT('chat');
  const baseId = useId();
  const names = optionNames(variants);
  const label = (name: string) =>
    /colou?r/i.test(name)
      ? t('color')
      : /size/i.test(name)
        ? t('size')
        : name.charAt(0).toUpperCase() + name.slice(1);
  return (
    <div className="space-y-3">
      {names.map((name) => {
        const values = [...new Set(variants.map((v) => v.options[name]).filter((v): v is string => !!v))];
        if (values.length < 2) return null;
        return (
          <fieldset key={name}>
            <legend className="mb-1 text-xs font-medium text-muted">{label(name)}</legend>
            <div className="flex flex-wrap gap-1.5">
              {values.map((value) => {
                const candidate = matchVariant(variants, { ...chosen, [name]: value });
                const soldOut =
                  !candidate ||
                  candidate.options[name] !== value ||
                  candidate.availability === 'out_of_stock';
                const id = `${baseId}-${name}-${value}`;
                return (
                  <label
                    key={value}
                    htmlFor={id}
                    className={`cursor-pointer rounded-lg border px-2.5 py-1 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent has-[:checked]:text-accent-ink has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent ${
                      soldOut ? 'border-dashed border-line text-muted line-through' : 'border-line'
                    }`}
                  >
                    <input
                      id={id}
                      type="radio"
                      name={`${baseId}-${name}`}
                      value={value}
                      checked={chosen[name] === value}
                      onChange={() => onChange({ ...chosen, [name]: value }, name)}
                      className="sr-only"
                    />
                    {value}
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
