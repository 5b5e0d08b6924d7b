import { convertToModelMessages, type ModelMessage, type ToolModelMessage, type ToolSet } from 'ai';
import { compactForHistory } from '@/lib/agent/tools/seller-content';
import type { AgentUIMessage } from './types';

/** Turns sent word for word (the current one included); older turns go as compact summaries. */
const VERBATIM_TURNS = 2;
/** An older answer's text is cut to this many characters. */
const OLDER_TEXT_CHARS = 300;

const CUT_OFF_MARKER = '[This answer was cut off before it finished; it is not a complete answer.]';

/**
 * An answer that ended without a finish (a cut stream, a failure, a stop) is not replayed to the
 * model as if it were whole: its text is replaced by a marker saying so. Its tool results stay,
 * since those really happened.
 */
function markIncomplete(message: AgentUIMessage): AgentUIMessage {
  if (message.role !== 'assistant' || !message.metadata?.incomplete) return message;
  const parts = message.parts.filter((part) => part.type !== 'text');
  return { ...message, parts: [...parts, { type: 'text', text: CUT_OFF_MARKER }] };
}

/** Where each turn starts: the index of each user message. */
function turnStarts(messages: AgentUIMessage[]): number[] {
  return messages.flatMap((message, index) => (message.role === 'user' ? [index] : []));
}

function compactMessage(message: ModelMessage): ModelMessage {
  if (message.role === 'tool') {
    const content: ToolModelMessage['content'] = message.content.map((part) =>
      part.type === 'tool-result' && part.output.type === 'json'
        ? { ...part, output: { type: 'json', value: compactForHistory(part.output.value as never) as never } }
        : part,
    );
    return { ...message, content };
  }
  if (message.role === 'assistant' && Array.isArray(message.content))
    return {
      ...message,
      content: message.content.map((part) =>
        part.type === 'text' && part.text.length > OLDER_TEXT_CHARS
          ? { ...part, text: `${part.text.slice(0, OLDER_TEXT_CHARS)}…` }
          : part,
      ),
    };
  return message;
}

/**
 * The conversation as the model is sent it. For a hosted model (`bounded`) the cost of a long
 * chat stays flat: the last `VERBATIM_TURNS` turns go in full, older ones with their tool results
 * cut to ids, titles, prices and statuses (what the buyer was shown) and their text shortened.
 */
export async function modelHistory(
  messages: AgentUIMessage[],
  { tools, bounded }: { tools: ToolSet; bounded: boolean },
): Promise<ModelMessage[]> {
  const marked = messages.map(markIncomplete);
  const starts = turnStarts(marked);
  const split = bounded && starts.length > VERBATIM_TURNS ? starts[starts.length - VERBATIM_TURNS] : 0;
  const convert = (part: AgentUIMessage[]) =>
    convertToModelMessages(part, { tools, ignoreIncompleteToolCalls: true });
  const older = split > 0 ? (await convert(marked.slice(0, split))).map(compactMessage) : [];
  return [...older, ...(await convert(marked.slice(split)))];
}
