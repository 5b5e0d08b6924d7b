/**
 * A small markdown parser for chat answers: paragraphs, lists, headings, bold, italic, inline
 * code and links. It builds a tree, never HTML, so nothing a model writes can become markup.
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

/** Links the chat may render: web, mail and the app's own paths. Anything else shows as text. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  return null;
}

const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);

export function parseInline(src: string, streaming = false): Inline[] {
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
        out.push({ kind: 'strong', children: parseInline(src.slice(i + 2, end), streaming) });
        i = end + 2;
        continue;
      }
      if (end < 0 && streaming) {
        flush();
        const rest = src.slice(i + 2);
        if (rest.trim()) out.push({ kind: 'strong', children: parseInline(rest, true) });
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
        out.push({ kind: 'em', children: parseInline(src.slice(i + 1, end), streaming) });
        i = end + 1;
        continue;
      }
      if (end < 0 && streaming && i + 1 < src.length) {
        flush();
        out.push({ kind: 'em', children: parseInline(src.slice(i + 1), true) });
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
          const children = parseInline(src.slice(i + 1, close), streaming);
          const href = safeHref(src.slice(close + 2, end));
          out.push(...(href ? [{ kind: 'link' as const, href, children }] : children));
          i = end + 1;
          continue;
        }
        if (streaming) {
          flush();
          out.push(...parseInline(src.slice(i + 1, close), true));
          break;
        }
      }
      if (streaming && (close < 0 || close === src.length - 1)) {
        flush();
        out.push(...parseInline(src.slice(i + 1, close < 0 ? undefined : close), true));
        break;
      }
    }
    text += ch;
    i += 1;
  }
  flush();
  return out;
}

export function parseMarkdown(src: string, streaming = false): Block[] {
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
      blocks.push({ kind: 'heading', children: parseInline(heading[1], isTail) });
      open = false;
      return;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      const isOrdered = !!ordered;
      const content = parseInline(bullet ? bullet[1] : ordered![2], isTail);
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
    if (open && current?.kind === 'paragraph') current.lines.push(parseInline(line.trim(), isTail));
    else if (open && current?.kind === 'list' && /^\s+/.test(line)) {
      // An indented line continues the previous list item.
      current.items[current.items.length - 1].push(
        { kind: 'text', text: ' ' },
        ...parseInline(line.trim(), isTail),
      );
    } else blocks.push({ kind: 'paragraph', lines: [parseInline(line.trim(), isTail)] });
    open = true;
  });
  return blocks;
}
