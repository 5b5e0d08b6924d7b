/**
 * A small markdown parser for chat answers: paragraphs, lists, headings, bold, italic, inline
 * code and links. It builds a tree, never HTML, so nothing a model writes can become markup.
 * A link is live only to the app's own pages and the origins it is given (the app's and the
 * sellers' declared sites); any other link shows as its text with the host beside it, so a
 * model repeating "confirm your payment at …" cannot dress a stranger's site as the app's.
 *
 * While a message is still streaming, the unfinished tail is shaped so it never flashes raw
 * syntax: an open `**` renders as bold until it closes, a half-written link shows only its label,
 * and a lone list marker waits for its text.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'paragraph'; lines: Inline[][] }
  | { kind: 'heading'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] };

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
/** What a line looks like before its text arrives: "-", "1", "1.", "##". */
const PENDING_MARKER = /^\s{0,3}([-*+]|\d{1,9}[.)]?|#{1,6})\s*$/;

/** The link's target when the chat may render it live: the app's own paths, or a known origin. */
export function safeHref(href: string, origins: readonly string[] = []): string | null {
  const trimmed = href.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//') && !trimmed.startsWith('/\\')) return trimmed;
  const url = parseUrl(trimmed);
  return url && /^https?:$/.test(url.protocol) && origins.includes(url.origin) ? url.href : null;
}

function parseUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** A link the chat will not render live: its text, and where it really points when that is a host. */
function deadLink(children: Inline[], href: string): Inline[] {
  const host = parseUrl(href.trim())?.host;
  return host ? [...children, { kind: 'text', text: ` (${host})` }] : children;
}

const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);

export function parseInline(src: string, streaming = false, origins: readonly string[] = []): Inline[] {
  const inner = (text: string, tail = streaming) => parseInline(text, tail, origins);
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '\\' && i + 1 < src.length && /[\\`*_[\]()#+\-.!]/.test(src[i + 1])) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = src.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'code', text: src.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
      if (end < 0 && streaming) {
        flush();
        if (i + 1 < src.length) out.push({ kind: 'code', text: src.slice(i + 1) });
        break;
      }
    }
    const double = src.slice(i, i + 2);
    if (double === '**' || double === '__') {
      const end = src.indexOf(double, i + 2);
      if (end > i + 2) {
        flush();
        out.push({ kind: 'strong', children: inner(src.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
      if (end < 0 && streaming) {
        flush();
        const rest = src.slice(i + 2);
        if (rest.trim()) out.push({ kind: 'strong', children: inner(rest, true) });
        break;
      }
    }
    if (
      (ch === '*' || ch === '_') &&
      src[i + 1] !== ch &&
      src[i + 1] !== ' ' &&
      !(ch === '_' && isWordChar(src[i - 1]))
    ) {
      let end = i + 1;
      while (true) {
        end = src.indexOf(ch, end);
        // An emphasis closer is a single delimiter not followed by a word character (for `_`).
        if (end < 0 || (src[end + 1] !== ch && !(ch === '_' && isWordChar(src[end + 1])))) break;
        end += src[end + 1] === ch ? 2 : 1;
      }
      if (end > i + 1 && src[end - 1] !== ' ') {
        flush();
        out.push({ kind: 'em', children: inner(src.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
      if (end < 0 && streaming && i + 1 < src.length) {
        flush();
        out.push({ kind: 'em', children: inner(src.slice(i + 1), true) });
        break;
      }
      if (end < 0 && streaming) break;
    }
    if (ch === '[') {
      const close = src.indexOf(']', i + 1);
      if (close > i && src[close + 1] === '(') {
        const end = src.indexOf(')', close + 2);
        if (end > 0) {
          flush();
          const children = inner(src.slice(i + 1, close));
          const raw = src.slice(close + 2, end);
          const href = safeHref(raw, origins);
          out.push(...(href ? [{ kind: 'link' as const, href, children }] : deadLink(children, raw)));
          i = end + 1;
          continue;
        }
        if (streaming) {
          flush();
          out.push(...inner(src.slice(i + 1, close), true));
          break;
        }
      }
      if (streaming && (close < 0 || close === src.length - 1)) {
        flush();
        out.push(...inner(src.slice(i + 1, close < 0 ? undefined : close), true));
        break;
      }
    }
    text += ch;
    i += 1;
  }
  flush();
  return out;
}

export function parseMarkdown(src: string, streaming = false, origins: readonly string[] = []): Block[] {
  const inline = (text: string, tail: boolean) => parseInline(text, tail, origins);
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  if (streaming && lines.length > 0 && PENDING_MARKER.test(lines[lines.length - 1])) lines.pop();
  const blocks: Block[] = [];
  const last = () => blocks[blocks.length - 1];
  let open = false;
  lines.forEach((line, index) => {
    const isTail = streaming && index === lines.length - 1;
    if (!line.trim()) {
      open = false;
      return;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', children: inline(heading[1], isTail) });
      open = false;
      return;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      const isOrdered = !!ordered;
      const content = inline(bullet ? bullet[1] : ordered![2], isTail);
      const current = last();
      if (current?.kind === 'list' && current.ordered === isOrdered) current.items.push(content);
      else
        blocks.push({
          kind: 'list',
          ordered: isOrdered,
          start: ordered ? Number(ordered[1]) : 1,
          items: [content],
        });
      open = true;
      return;
    }
    const current = last();
    if (open && current?.kind === 'paragraph') current.lines.push(inline(line.trim(), isTail));
    else if (open && current?.kind === 'list' && /^\s+/.test(line)) {
      // An indented line continues the previous list item.
      current.items[current.items.length - 1].push(
        { kind: 'text', text: ' ' },
        ...inline(line.trim(), isTail),
      );
    } else blocks.push({ kind: 'paragraph', lines: [inline(line.trim(), isTail)] });
    open = true;
  });
  return blocks;
}
