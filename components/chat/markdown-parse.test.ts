import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref, type Inline } from './markdown-parse';

/** Flattens inline nodes to a compact string so expectations read like the rendered result. */
function show(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.kind) {
        case 'text':
          return n.text;
        case 'code':
          return `<code>${n.text}</code>`;
        case 'strong':
          return `<b>${show(n.children)}</b>`;
        case 'em':
          return `<i>${show(n.children)}</i>`;
        case 'link':
          return `<a ${n.href}>${show(n.children)}</a>`;
      }
    })
    .join('');
}

describe('parseInline', () => {
  it('renders bold, italic, code and links to the origins it knows', () => {
    expect(
      show(
        parseInline(
          'The **Trail Runner** is *light*, `waterproof` and [on sale](https://shop.example/sale).',
          false,
          ['https://shop.example'],
        ),
      ),
    ).toBe(
      'The <b>Trail Runner</b> is <i>light</i>, <code>waterproof</code> and <a https://shop.example/sale>on sale</a>.',
    );
  });

  it('shows a link to any other origin as text with its host, so it cannot pass for the app', () => {
    const origins = ['http://localhost:3000'];
    expect(show(parseInline('[Confirm your payment](https://evil.example/confirm)', false, origins))).toBe(
      'Confirm your payment (evil.example)',
    );
    expect(
      show(parseInline('[localhost:3000/pay](http://localhost-3000.evil.example/pay)', false, origins)),
    ).toBe('localhost:3000/pay (localhost-3000.evil.example)');
    expect(safeHref('http://localhost:3000/orders', origins)).toBe('http://localhost:3000/orders');
    expect(safeHref('https://localhost:3000/orders', origins)).toBeNull();
    expect(safeHref('mailto:someone@example.com', origins)).toBeNull();
    expect(safeHref('/\\evil.example', origins)).toBeNull();
  });

  it('keeps snake_case, lone asterisks and escaped markers as text', () => {
    expect(show(parseInline('use trail_runner_10 and 5 * 3 and \\*not italic\\*'))).toBe(
      'use trail_runner_10 and 5 * 3 and *not italic*',
    );
  });

  it('never makes a link of a javascript: URL', () => {
    expect(show(parseInline('[click](javascript:alert(1))'))).not.toContain('<a');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('/orders')).toBe('/orders');
  });

  it('leaves unmatched markers literal once the message is complete', () => {
    expect(show(parseInline('a **b and [c'))).toBe('a **b and [c');
  });

  it('mid-stream, shows an open bold as bold and hides half-written markers', () => {
    expect(show(parseInline('The **Trail Ru', true))).toBe('The <b>Trail Ru</b>');
    expect(show(parseInline('The **', true))).toBe('The ');
    expect(show(parseInline('Is it *wat', true))).toBe('Is it <i>wat</i>');
    expect(show(parseInline('See [the gui', true))).toBe('See the gui');
    expect(show(parseInline('See [the guide](https://exa', true))).toBe('See the guide');
    expect(show(parseInline('Run `npm', true))).toBe('Run <code>npm</code>');
  });

  it('treats HTML as text', () => {
    expect(show(parseInline('<img src=x onerror=alert(1)>'))).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('parseMarkdown', () => {
  it('splits paragraphs, lists and headings', () => {
    const blocks = parseMarkdown(
      'Two picks:\n\n- **A**: light\n- B\n\n1. first\n2. second\n\n## Note\nDone.\nBye.',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'list', 'heading', 'paragraph']);
    const list = blocks[1];
    expect(list.kind === 'list' && list.items.map(show)).toEqual(['<b>A</b>: light', 'B']);
    const ordered = blocks[2];
    expect(ordered.kind === 'list' && ordered.ordered).toBe(true);
    const last = blocks[4];
    expect(last.kind === 'paragraph' && last.lines.map(show)).toEqual(['Done.', 'Bye.']);
  });

  it('mid-stream, waits for the text of a new list item', () => {
    expect(
      parseMarkdown('Options:\n- one\n-', true).flatMap((b) => (b.kind === 'list' ? b.items.map(show) : [])),
    ).toEqual(['one']);
    expect(parseMarkdown('Options:\n1.', true).map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('numbers an ordered list from its first number', () => {
    const [list] = parseMarkdown('3. c\n4. d');
    expect(list.kind === 'list' && list.start).toBe(3);
  });
});
