import { Fragment, memo, type ReactNode } from 'react';
import { useLinkOrigins } from './link-origins';
import { parseMarkdown, type Inline } from './markdown-parse';

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'strong':
        return (
          <strong key={i} className="font-semibold">
            {renderInline(node.children)}
          </strong>
        );
      case 'em':
        return <em key={i}>{renderInline(node.children)}</em>;
      case 'code':
        return (
          <code key={i} className="rounded bg-surface-2 px-1 py-0.5 font-mono text-[0.9em]">
            {node.text}
          </code>
        );
      case 'link': {
        const external = !node.href.startsWith('/');
        return (
          <a
            key={i}
            href={node.href}
            className="text-accent underline underline-offset-2"
            {...(external ? { target: '_blank', rel: 'noopener noreferrer nofollow' } : {})}
          >
            {renderInline(node.children)}
          </a>
        );
      }
    }
  });
}

/** A chat answer's markdown, rendered as React elements (never HTML); see markdown-parse.ts. */
export const Markdown = memo(function Markdown({
  text,
  streaming = false,
}: {
  text: string;
  streaming?: boolean;
}) {
  const blocks = parseMarkdown(text, streaming, useLinkOrigins());
  return (
    <div className="space-y-2 leading-relaxed break-words">
      {blocks.map((block, i) => {
        if (block.kind === 'heading')
          return (
            <p key={i} className="font-semibold">
              {renderInline(block.children)}
            </p>
          );
        if (block.kind === 'list') {
          const items = block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
          return block.ordered ? (
            <ol key={i} start={block.start} className="list-decimal space-y-1 pl-5">
              {items}
            </ol>
          ) : (
            <ul key={i} className="list-disc space-y-1 pl-5">
              {items}
            </ul>
          );
        }
        return (
          <p key={i}>
            {block.lines.map((line, j) => (
              <Fragment key={j}>
                {j > 0 && <br />}
                {renderInline(line)}
              </Fragment>
            ))}
          </p>
        );
      })}
    </div>
  );
});
