'use client';

import { useState, type FormEvent } from 'react';
import { useT } from '@/components/i18n-provider';
import type { Address } from '@/lib/acp/types';

const FIELDS = [
  ['name', 'addressName', 'name'],
  ['line_one', 'addressLine1', 'address-line1'],
  ['line_two', 'addressLine2', 'address-line2'],
  ['city', 'addressCity', 'address-level2'],
  ['state', 'addressState', 'address-level1'],
  ['postal_code', 'addressPostal', 'postal-code'],
  ['country', 'addressCountry', 'country'],
] as const;

/** Where the order ships: the address the seller has, a note when it is the demo's test address, and a form to change it. */
export function ShippingAddress({
  address,
  isDefault,
  disabled,
  onSave,
}: {
  address?: Address;
  isDefault: boolean;
  disabled: boolean;
  onSave: (address: Address) => Promise<boolean>;
}) {
  const t = useT('checkout');
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (key: string) => String(form.get(key) ?? '').trim();
    setSaving(true);
    const ok = await onSave({
      name: value('name'),
      line_one: value('line_one'),
      line_two: value('line_two') || undefined,
      city: value('city'),
      state: value('state'),
      postal_code: value('postal_code'),
      country: value('country').toUpperCase(),
    });
    setSaving(false);
    if (ok) setEditing(false);
  }

  if (editing) {
    return (
      <form
        onSubmit={submit}
        className="grid grid-cols-2 gap-2 rounded-lg border border-line p-3"
        data-testid="address-form"
      >
        {FIELDS.map(([key, label, autoComplete]) => (
          <label
            key={key}
            className={`flex flex-col gap-1 text-xs text-muted ${key === 'name' || key === 'line_one' || key === 'line_two' ? 'col-span-2' : ''}`}
          >
            {t(label)}
            <input
              name={key}
              defaultValue={(address?.[key] as string | undefined) ?? ''}
              required={key !== 'line_two' && key !== 'state'}
              maxLength={key === 'country' ? 2 : 200}
              autoComplete={autoComplete}
              className="rounded-md border border-line bg-canvas px-2 py-1.5 text-sm text-ink"
            />
          </label>
        ))}
        <div className="col-span-2 flex justify-end gap-2 pt-1">
          <button
            type="button"
            onClick={() => setEditing(false)}
            className="rounded-lg px-3 py-1.5 text-sm hover:bg-surface-2"
          >
            {t('cancel')}
          </button>
          <button
            type="submit"
            disabled={saving}
            className="rounded-lg bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
          >
            {t('save')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="space-y-1 text-sm" data-testid="shipping-address">
      <div className="flex items-baseline justify-between gap-2">
        <p className="text-xs font-medium uppercase tracking-wide text-muted">{t('shipTo')}</p>
        {!disabled && (
          <button
            type="button"
            onClick={() => setEditing(true)}
            className="text-xs font-medium text-accent hover:underline"
          >
            {t('editAddress')}
          </button>
        )}
      </div>
      {address && (
        <address className="not-italic leading-snug">
          {address.name}
          <br />
          {[address.line_one, address.line_two].filter(Boolean).join(', ')}
          <br />
          {[address.city, address.state, address.postal_code].filter(Boolean).join(', ')} · {address.country}
        </address>
      )}
      {isDefault && (
        <p data-testid="test-address-note" className="text-xs text-warn">
          {t('testAddress')}
        </p>
      )}
    </div>
  );
}
