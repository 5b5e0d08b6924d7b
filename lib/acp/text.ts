/**
 * Text a server can store and send back: JSON allows `\u0000` and unpaired surrogates (`\ud800`),
 * but PostgreSQL text and jsonb refuse NUL, and a lone surrogate is not a character in any
 * encoding. A request carrying either is refused at the edge, naming the field.
 */

export interface UnstorableText {
  /** RFC 9535 normalized JSONPath of the string, or of the object whose member name is bad. */
  path: string;
  reason: 'nul' | 'lone_surrogate';
  /** True when a member name, not a value, is at fault. */
  inKey: boolean;
}

/** NUL, or a UTF-16 surrogate without its pair (what `String.prototype.isWellFormed` rejects). */
const BAD = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function reasonOf(text: string): UnstorableText['reason'] | null {
  const match = BAD.exec(text);
  if (!match) return null;
  return match[0] === '\u0000' ? 'nul' : 'lone_surrogate';
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function member(path: string, name: string): string {
  if (IDENTIFIER.test(name)) return `${path}.${name}`;
  return `${path}['${name.replace(/[\\']/g, (c) => `\\${c}`)}']`;
}

/** The first string (value or member name) that cannot be stored, walking without recursion. */
export function findUnstorableText(value: unknown): UnstorableText | null {
  const stack: [unknown, string][] = [[value, '$']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      const reason = reasonOf(node);
      if (reason) return { path, reason, inKey: false };
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${path}[${i}]`]);
    } else if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node as Record<string, unknown>);
      for (const [name] of entries) {
        const reason = reasonOf(name);
        if (reason) return { path, reason, inKey: true };
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const [name, child] = entries[i];
        stack.push([child, member(path, name)]);
      }
    }
  }
  return null;
}

export function describeUnstorableText(found: UnstorableText): string {
  const what = found.reason === 'nul' ? 'a NUL character (U+0000)' : 'an unpaired UTF-16 surrogate';
  return found.inKey ? `A member name in ${found.path} contains ${what}.` : `${found.path} contains ${what}.`;
}
