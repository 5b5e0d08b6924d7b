'use client';

import { useState } from 'react';
import { useT } from '../i18n-provider';

type Theme = 'light' | 'dark' | 'system';

/** The choice lives in a cookie so the server renders the right theme on the next load, with no flash. */
function remember(theme: Theme) {
  document.cookie = `aisle-theme=${theme}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
}

function apply(theme: Theme) {
  const dark =
    theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

export function ThemeSwitch({ initial }: { initial: Theme }) {
  const t = useT('shell');
  const [theme, setTheme] = useState<Theme>(initial);
  const options: { value: Theme; label: string }[] = [
    { value: 'light', label: t('themeLight') },
    { value: 'dark', label: t('themeDark') },
    { value: 'system', label: t('themeSystem') },
  ];
  return (
    <select
      aria-label={t('theme')}
      value={theme}
      onChange={(event) => {
        const next = event.target.value as Theme;
        setTheme(next);
        apply(next);
        remember(next);
      }}
      className="rounded-lg border border-line bg-surface px-2 py-1 text-sm"
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
