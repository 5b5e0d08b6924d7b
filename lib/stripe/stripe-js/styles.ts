import type { Appearance } from '@stripe/stripe-js';

const STYLE_ID = 'aisle-stripe-js-stand-in';

/**
 * The look of the stand-in's form and dialog. It reads the app's colour tokens (with fallbacks),
 * so it sits natively in light and dark themes; `appearance.variables` override them per group.
 */
const CSS = `
.aisle-sjs{--sjs-accent:var(--accent,#4f46e5);--sjs-bg:var(--surface,#fff);--sjs-field:var(--canvas,#f7f7f5);--sjs-ink:var(--ink,#18181b);--sjs-muted:var(--muted,#5f5f69);--sjs-line:var(--line,rgb(0 0 0/.1));--sjs-danger:var(--bad,#b91c1c);--sjs-radius:10px;--sjs-font:inherit;font-family:var(--sjs-font);color:var(--sjs-ink);font-size:14px;line-height:1.4}
.aisle-sjs *{box-sizing:border-box}
.aisle-sjs-tab{display:inline-flex;align-items:center;gap:8px;border:1.5px solid var(--sjs-accent);border-radius:var(--sjs-radius);padding:8px 12px;font-weight:600;color:var(--sjs-accent);background:var(--sjs-bg);margin-bottom:12px}
.aisle-sjs-tab svg{width:18px;height:18px}
.aisle-sjs-grid{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.aisle-sjs-wide{grid-column:1/-1}
.aisle-sjs-field{display:flex;flex-direction:column;gap:4px;min-width:0}
.aisle-sjs-label{font-size:13px;font-weight:500;color:var(--sjs-muted)}
.aisle-sjs-control{position:relative;display:flex;align-items:center}
.aisle-sjs-input{width:100%;min-height:42px;padding:9px 12px;border:1px solid var(--sjs-line);border-radius:var(--sjs-radius);background:var(--sjs-field);color:var(--sjs-ink);font:inherit;font-size:15px;letter-spacing:.02em;transition:border-color .15s,box-shadow .15s;appearance:none}
.aisle-sjs-input::placeholder{color:var(--sjs-muted);opacity:.7}
.aisle-sjs-input:focus{outline:none;border-color:var(--sjs-accent);box-shadow:0 0 0 3px color-mix(in srgb,var(--sjs-accent) 25%,transparent)}
.aisle-sjs-input[aria-invalid=true]{border-color:var(--sjs-danger);box-shadow:none}
.aisle-sjs-input[aria-invalid=true]:focus{box-shadow:0 0 0 3px color-mix(in srgb,var(--sjs-danger) 20%,transparent)}
input.aisle-sjs-input:read-only,select.aisle-sjs-input:disabled{opacity:.7}
.aisle-sjs-number{padding-right:92px;font-variant-numeric:tabular-nums}
.aisle-sjs-brand{position:absolute;right:8px;pointer-events:none;border:1px solid var(--sjs-line);border-radius:6px;padding:2px 6px;font-size:11px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:var(--sjs-muted);background:var(--sjs-bg)}
.aisle-sjs-brand[data-brand=unknown]{opacity:.6}
.aisle-sjs-error{margin:0;min-height:0;font-size:13px;color:var(--sjs-danger)}
.aisle-sjs-error:empty{display:none}
.aisle-sjs-badge{margin:10px 0 0;font-size:12px;color:var(--sjs-muted)}
select.aisle-sjs-input{padding-right:28px;background-image:linear-gradient(45deg,transparent 50%,var(--sjs-muted) 50%),linear-gradient(135deg,var(--sjs-muted) 50%,transparent 50%);background-position:calc(100% - 16px) 50%,calc(100% - 11px) 50%;background-size:5px 5px;background-repeat:no-repeat}
.aisle-sjs-dialog{margin:auto;border:1px solid var(--sjs-line);border-radius:16px;padding:0;width:min(440px,calc(100vw - 32px));max-width:none;background:var(--sjs-bg);color:var(--sjs-ink);box-shadow:0 24px 64px rgb(0 0 0/.25)}
.aisle-sjs-dialog::backdrop{background:rgb(0 0 0/.45)}
.aisle-sjs-dialog-body{padding:20px 22px;display:flex;flex-direction:column;gap:12px}
.aisle-sjs-dialog h2{margin:0;font-size:17px;font-weight:600}
.aisle-sjs-dialog p{margin:0;color:var(--sjs-muted)}
.aisle-sjs-dialog-facts{display:flex;gap:12px;flex-wrap:wrap;font-variant-numeric:tabular-nums;color:var(--sjs-ink)}
.aisle-sjs-dialog-actions{display:flex;gap:8px;flex-wrap:wrap;margin-top:4px}
.aisle-sjs-button{flex:1 1 170px;min-height:40px;border-radius:10px;padding:8px 14px;font:inherit;font-weight:600;cursor:pointer;border:1px solid var(--sjs-line);background:var(--sjs-field);color:var(--sjs-ink)}
.aisle-sjs-button-primary{background:var(--sjs-accent);border-color:var(--sjs-accent);color:var(--accent-ink,#fff)}
.aisle-sjs-button:focus-visible{outline:2px solid var(--sjs-accent);outline-offset:2px}
@media (max-width:420px){.aisle-sjs-grid{grid-template-columns:1fr}}
`;

export function injectStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.appendChild(style);
}

const VARIABLES: Record<string, string> = {
  colorPrimary: '--sjs-accent',
  colorBackground: '--sjs-field',
  colorText: '--sjs-ink',
  colorTextSecondary: '--sjs-muted',
  colorDanger: '--sjs-danger',
  borderRadius: '--sjs-radius',
  fontFamily: '--sjs-font',
};

/** Applies the Appearance API's common variables; anything else is left to the app's tokens. */
export function applyAppearance(root: HTMLElement, appearance: Appearance | undefined): void {
  const variables = (appearance?.variables ?? {}) as Record<string, unknown>;
  for (const [name, property] of Object.entries(VARIABLES)) {
    const value = variables[name];
    if (typeof value === 'string' && value) root.style.setProperty(property, value);
    else root.style.removeProperty(property);
  }
}
