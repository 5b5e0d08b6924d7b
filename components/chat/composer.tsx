'use client';

import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useT } from '@/components/i18n-provider';
import { MAX_MESSAGE_CHARS } from '@/lib/agent/chat/types';

/**
 * The message box. Enter sends (Shift+Enter for a new line; never while an IME is composing, so
 * Japanese input can confirm kanji). While the agent answers, the Stop button replaces Send and
 * the typed text waits: it is sent only when the chat is ready for it.
 */
export function Composer({
  canSend,
  busy,
  onSend,
  onStop,
  value,
  onValueChange,
}: {
  canSend: boolean;
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
  value: string;
  onValueChange: (value: string) => void;
}) {
  const t = useT('chat');
  const ref = useRef<HTMLTextAreaElement>(null);
  const [composing, setComposing] = useState(false);
  const left = MAX_MESSAGE_CHARS - value.length;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!canSend || !value.trim()) return;
    onSend(value.trim());
    ref.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || composing || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  }

  return (
    <form
      onSubmit={submit}
      className="flex items-end gap-2 rounded-2xl border border-line bg-surface p-2 shadow-sm focus-within:border-accent"
    >
      <label className="sr-only" htmlFor="chat-input">
        {t('inputLabel')}
      </label>
      <textarea
        ref={ref}
        id="chat-input"
        data-testid="chat-input"
        rows={1}
        value={value}
        maxLength={MAX_MESSAGE_CHARS}
        placeholder={t('placeholder')}
        onChange={(event) => onValueChange(event.target.value)}
        onKeyDown={onKeyDown}
        onCompositionStart={() => setComposing(true)}
        onCompositionEnd={() => setComposing(false)}
        aria-describedby={left < 200 ? 'chat-input-left' : undefined}
        className="max-h-48 min-h-10 flex-1 resize-none bg-transparent px-2 py-2 outline-none [field-sizing:content] placeholder:text-muted"
      />
      {left < 200 && (
        <span
          id="chat-input-left"
          aria-live="polite"
          className={`self-center text-xs ${left < 20 ? 'text-bad' : 'text-muted'}`}
        >
          {t('charsLeft', { count: left })}
        </span>
      )}
      {busy ? (
        <button
          type="button"
          onClick={onStop}
          data-testid="chat-stop"
          className="rounded-xl border border-line px-4 py-2 text-sm font-medium hover:bg-surface-2"
        >
          {t('stop')}
        </button>
      ) : (
        <button
          type="submit"
          data-testid="chat-send"
          disabled={!canSend || !value.trim()}
          className="rounded-xl bg-accent px-4 py-2 text-sm font-medium text-accent-ink hover:opacity-90 disabled:opacity-50"
        >
          {t('send')}
        </button>
      )}
    </form>
  );
}
