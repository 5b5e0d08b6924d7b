import type { UIMessageChunk } from 'ai';
import type { AgentUIMessage, AgentUIPart } from '@/lib/agent/chat/types';

/**
 * The browser's reader of the chat's UI message stream (server-sent events from /api/chat), kept
 * apart from the AI SDK's client: that one validates every chunk with zod, which would be most of
 * the page's script. The stream comes from our own server, which builds it with the SDK; the
 * reader applies each chunk to the answer the way the SDK does (`ui-message-stream.test.ts`
 * holds the two to the same messages).
 */

type ToolPart = Extract<AgentUIPart, { toolCallId: string }>;
type Loose = Record<string, unknown>;

/** Splits a server-sent event stream into its JSON chunks, however the network cut it. */
export function chunkReader(): { push(text: string): UIMessageChunk[] } {
  let buffer = '';
  return {
    push(text) {
      buffer += text;
      const events = buffer.split('\n\n');
      buffer = events.pop() ?? '';
      const chunks: UIMessageChunk[] = [];
      for (const event of events) {
        const data = event
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        if (data && data !== '[DONE]') chunks.push(JSON.parse(data) as UIMessageChunk);
      }
      return chunks;
    },
  };
}

/** A partial tool input as far as it parses; the UI shows progress until it is complete. */
function partialInput(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The answer being streamed: the message so far and the state a chunk needs to find its part. */
export interface AnswerState {
  message: AgentUIMessage;
  /** Streamed tool input text, by tool call id. */
  inputText: Map<string, string>;
  /** Text and reasoning parts still streaming, by chunk id. */
  open: Map<string, Loose>;
}

export function newAnswer(id: string): AnswerState {
  return { message: { id, role: 'assistant', parts: [] }, inputText: new Map(), open: new Map() };
}

/** Applies one chunk to the answer in place; the caller copies the message before rendering. */
export function applyChunk(state: AnswerState, chunk: UIMessageChunk): void {
  const { message } = state;
  const parts = message.parts as Loose[];
  const tool = (toolCallId: string) =>
    parts.findLast((p) => p.toolCallId === toolCallId) as (ToolPart & Loose) | undefined;
  switch (chunk.type) {
    case 'start':
      if (chunk.messageId) message.id = chunk.messageId;
      if (chunk.messageMetadata) message.metadata = { ...message.metadata, ...chunk.messageMetadata };
      return;
    case 'message-metadata':
    case 'finish':
      if (chunk.messageMetadata) message.metadata = { ...message.metadata, ...chunk.messageMetadata };
      return;
    case 'start-step':
      parts.push({ type: 'step-start' });
      return;
    case 'text-start':
    case 'reasoning-start': {
      const part: Loose = {
        type: chunk.type === 'text-start' ? 'text' : 'reasoning',
        text: '',
        state: 'streaming',
        ...(chunk.providerMetadata ? { providerMetadata: chunk.providerMetadata } : {}),
      };
      state.open.set(`${part.type}:${chunk.id}`, part);
      parts.push(part);
      return;
    }
    case 'text-delta':
    case 'reasoning-delta': {
      const part = state.open.get(`${chunk.type === 'text-delta' ? 'text' : 'reasoning'}:${chunk.id}`);
      if (part) part.text = `${part.text as string}${chunk.delta}`;
      return;
    }
    case 'text-end':
    case 'reasoning-end': {
      const key = `${chunk.type === 'text-end' ? 'text' : 'reasoning'}:${chunk.id}`;
      const part = state.open.get(key);
      if (part) part.state = 'done';
      state.open.delete(key);
      return;
    }
    case 'tool-input-start':
      state.inputText.set(chunk.toolCallId, '');
      parts.push({
        type: `tool-${chunk.toolName}`,
        toolCallId: chunk.toolCallId,
        state: 'input-streaming',
        input: undefined,
      });
      return;
    case 'tool-input-delta': {
      const text = `${state.inputText.get(chunk.toolCallId) ?? ''}${chunk.inputTextDelta}`;
      state.inputText.set(chunk.toolCallId, text);
      const part = tool(chunk.toolCallId);
      if (part) part.input = partialInput(text);
      return;
    }
    case 'tool-input-available':
    case 'tool-input-error': {
      let part = tool(chunk.toolCallId);
      if (!part) {
        part = { type: `tool-${chunk.toolName}`, toolCallId: chunk.toolCallId } as ToolPart & Loose;
        parts.push(part);
      }
      part.state = chunk.type === 'tool-input-available' ? 'input-available' : 'output-error';
      part.input = chunk.input;
      if (chunk.type === 'tool-input-error') part.errorText = chunk.errorText;
      if (chunk.providerMetadata) part.callProviderMetadata = chunk.providerMetadata;
      return;
    }
    case 'tool-output-available': {
      const part = tool(chunk.toolCallId);
      if (!part) return;
      part.state = 'output-available';
      part.output = chunk.output;
      if (chunk.preliminary) part.preliminary = true;
      else delete part.preliminary;
      return;
    }
    case 'tool-output-error': {
      const part = tool(chunk.toolCallId);
      if (!part) return;
      part.state = 'output-error';
      part.errorText = chunk.errorText;
      return;
    }
    default:
      // The server's own notices (`data-notice`): kept once per id, as the AI SDK keeps data parts.
      // Sources, files and approvals: the agent sends none of them to this page.
      if (chunk.type.startsWith('data-')) applyData(parts, chunk as DataChunk);
      return;
  }
}

type DataChunk = { type: `data-${string}`; id?: string; data: unknown; transient?: boolean };

/** A data part replaces the one of the same type and id; a transient one is never kept. */
function applyData(parts: Loose[], chunk: DataChunk) {
  if (chunk.transient) return;
  const same =
    chunk.id === undefined ? undefined : parts.find((p) => p.type === chunk.type && p.id === chunk.id);
  if (same) same.data = chunk.data;
  else
    parts.push({ type: chunk.type, ...(chunk.id === undefined ? {} : { id: chunk.id }), data: chunk.data });
}
