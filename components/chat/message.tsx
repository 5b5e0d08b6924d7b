'use client';

import { memo } from 'react';
import { CheckoutToolPart } from '@/components/checkout/checkout-tool-part';
import { useT } from '@/components/i18n-provider';
import { OrdersToolPart } from '@/components/orders/orders-tool-part';
import { ComparisonTable } from '@/components/product/comparison-table';
import { ProductDetail } from '@/components/product/product-detail';
import { ProductGrid } from '@/components/product/product-grid';
import type { AgentUIMessage, AgentUIPart, NoticeCode } from '@/lib/agent/chat/types';
import { Markdown } from './markdown';
import { ToolProgress } from './tool-progress';

type T = ReturnType<typeof useT<'chat'>>;

function ToolFailed({ t }: { t: T }) {
  return <p className="text-sm text-bad">{t('toolFailed', { error: t('errorGeneric') })}</p>;
}

function Stopped({ t }: { t: T }) {
  return <p className="text-sm text-muted">{t('stopped')}</p>;
}

const NOTICE = { tool_budget: 'noticeToolBudget', unverified_claim: 'noticeUnverifiedClaim' } as const;

/** The server's own word beside the model's text: written by the app, never by the model. */
function Notice({ code, t }: { code: NoticeCode; t: T }) {
  return (
    <p
      role="note"
      data-testid="chat-notice"
      data-code={code}
      className="rounded-lg border border-warn/40 bg-surface-2 px-3 py-2 text-sm"
    >
      {t(NOTICE[code])}
    </p>
  );
}

/**
 * One part of a message: text as markdown, each tool's output as its own component. A tool call
 * left without output by a stopped answer (`live` false) says so instead of spinning forever.
 */
function MessagePart({ part, live, t }: { part: AgentUIPart; live: boolean; t: T }) {
  if (!live && 'state' in part && (part.state === 'input-streaming' || part.state === 'input-available'))
    return <Stopped t={t} />;
  switch (part.type) {
    case 'text':
      return part.text ? <Markdown text={part.text} streaming={live && part.state === 'streaming'} /> : null;
    case 'tool-searchProducts':
      switch (part.state) {
        case 'input-streaming':
          return <ToolProgress label={t('searching')} />;
        case 'input-available':
          return (
            <ToolProgress
              label={part.input.query ? t('searchingFor', { query: part.input.query }) : t('searching')}
            />
          );
        case 'output-available':
          return <ProductGrid result={part.output} />;
        case 'output-error':
          return <ToolFailed t={t} />;
        default:
          return null;
      }
    case 'tool-getProduct':
      switch (part.state) {
        case 'input-streaming':
        case 'input-available':
          return <ToolProgress label={t('lookingUp')} />;
        case 'output-available':
          return part.output.product ? (
            <ProductDetail product={part.output.product} askOptions={part.input.askOptions} />
          ) : (
            <p className="text-sm text-muted">{t('productGone')}</p>
          );
        case 'output-error':
          return <ToolFailed t={t} />;
        default:
          return null;
      }
    case 'tool-compareProducts':
      switch (part.state) {
        case 'input-streaming':
        case 'input-available':
          return <ToolProgress label={t('comparing')} />;
        case 'output-available':
          return part.output.products.length >= 2 ? (
            <ComparisonTable comparison={part.output} />
          ) : (
            <p className="text-sm text-muted">{t('nothingToCompare')}</p>
          );
        case 'output-error':
          return <ToolFailed t={t} />;
        default:
          return null;
      }
    case 'tool-startCheckout':
    case 'tool-updateCheckout':
      return (
        <CheckoutToolPart
          state={part.state}
          output={part.state === 'output-available' ? part.output : undefined}
        />
      );
    case 'tool-getOrders':
      return (
        <OrdersToolPart
          state={part.state}
          output={part.state === 'output-available' ? part.output : undefined}
        />
      );
    case 'data-notice':
      return <Notice code={part.data.code} t={t} />;
    case 'dynamic-tool':
      return part.state === 'input-streaming' || part.state === 'input-available' ? (
        <ToolProgress label={t('working')} />
      ) : null;
    default:
      return null;
  }
}

/** An answer that ended before the model finished it and shows some of its text. */
function cutOff(message: AgentUIMessage): boolean {
  const incomplete = message.metadata?.incomplete;
  return (
    incomplete === 'cut_off' ||
    (incomplete === 'failed' && message.parts.some((part) => part.type === 'text' && part.text.trim()))
  );
}

/** A user bubble, or the agent's answer with its cards and the model that wrote it. */
export const ChatMessage = memo(function ChatMessage({
  message,
  live = false,
}: {
  message: AgentUIMessage;
  live?: boolean;
}) {
  const t = useT('chat');
  if (message.role === 'user') {
    const text = message.parts.map((p) => (p.type === 'text' ? p.text : '')).join('\n');
    return (
      <div className="flex justify-end">
        <p className="sr-only">{t('you')}:</p>
        <div
          data-testid="user-message"
          className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-md bg-accent px-3.5 py-2 text-accent-ink"
        >
          {text}
        </div>
      </div>
    );
  }
  return (
    <div data-testid="assistant-message" data-message-id={message.id} className="space-y-3">
      <p className="sr-only">{t('agent')}:</p>
      {message.parts.map((part, i) => (
        <MessagePart key={i} part={part} live={live} t={t} />
      ))}
      {!live && cutOff(message) && (
        <p data-testid="answer-cut-off" className="text-sm text-muted italic">
          {t('noticeCutOff')}
        </p>
      )}
      {message.metadata?.model && (
        <p data-testid="message-model" className="text-[11px] text-muted">
          {t('answeredBy', { model: message.metadata.model })}
          {message.metadata.usage &&
            ` · ${t('tokensUsed', { input: message.metadata.usage.inputTokens, output: message.metadata.usage.outputTokens })}`}
        </p>
      )}
    </div>
  );
});
