/**
 * Turning one reply (a text or a tool call) into AI SDK v3 stream parts and generate content.
 * Text goes out in word-sized deltas so the chat UI streams it as a real model would.
 */
import type {
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';

export type Reply =
  { kind: 'text'; text: string } | { kind: 'tool'; toolName: string; input: Record<string, unknown> };

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Word-sized pieces whose concatenation is exactly `text`: spaces and punctuation ride with
 * the word before them. Japanese has no spaces, so the segmenter finds the word edges.
 */
export function chunkText(text: string): string[] {
  let segmenter = segmenters.get('word');
  if (!segmenter) {
    segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
    segmenters.set('word', segmenter);
  }
  const chunks: string[] = [];
  // An opening mark after a space ("(", "“") starts a chunk that the following word joins.
  let opening = false;
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    const last = chunks.length - 1;
    if (last < 0) {
      chunks.push(segment);
      opening = !isWordLike;
    } else if (isWordLike) {
      if (opening) chunks[last] += segment;
      else chunks.push(segment);
      opening = false;
    } else if (/^\s+$/.test(segment) || !/\s$/.test(chunks[last])) {
      chunks[last] += segment;
    } else {
      chunks.push(segment);
      opening = true;
    }
  }
  return chunks;
}

/** Splits tool-call JSON into a few deltas; the SDK joins them back. */
export function chunkJson(json: string, size = 24): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += size) chunks.push(json.slice(i, i + size));
  return chunks.length > 0 ? chunks : [''];
}

export function finishReasonOf(reply: Reply): LanguageModelV3FinishReason {
  return reply.kind === 'tool'
    ? { unified: 'tool-calls', raw: 'tool-calls' }
    : { unified: 'stop', raw: 'stop' };
}

/** A rough, deterministic token count (about four characters per token). */
export function usageOf(promptChars: number, outputPieces: number): LanguageModelV3Usage {
  const input = Math.ceil(promptChars / 4);
  return {
    inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: outputPieces, text: outputPieces, reasoning: 0 },
  };
}

export interface PartIds {
  responseId: string;
  partId: string;
  modelId: string;
  timestamp: Date;
}

/** The complete, ordered list of stream parts for one reply. */
export function streamPartsOf(reply: Reply, ids: PartIds, promptChars: number): LanguageModelV3StreamPart[] {
  const parts: LanguageModelV3StreamPart[] = [
    { type: 'stream-start', warnings: [] },
    { type: 'response-metadata', id: ids.responseId, modelId: ids.modelId, timestamp: ids.timestamp },
  ];
  let pieces: string[];
  if (reply.kind === 'text') {
    pieces = chunkText(reply.text);
    parts.push({ type: 'text-start', id: ids.partId });
    for (const delta of pieces) parts.push({ type: 'text-delta', id: ids.partId, delta });
    parts.push({ type: 'text-end', id: ids.partId });
  } else {
    const input = JSON.stringify(reply.input);
    pieces = chunkJson(input);
    parts.push({ type: 'tool-input-start', id: ids.partId, toolName: reply.toolName });
    for (const delta of pieces) parts.push({ type: 'tool-input-delta', id: ids.partId, delta });
    parts.push({ type: 'tool-input-end', id: ids.partId });
    parts.push({ type: 'tool-call', toolCallId: ids.partId, toolName: reply.toolName, input });
  }
  parts.push({
    type: 'finish',
    finishReason: finishReasonOf(reply),
    usage: usageOf(promptChars, pieces.length),
  });
  return parts;
}

export function contentOf(reply: Reply, partId: string): LanguageModelV3Content[] {
  return reply.kind === 'text'
    ? [{ type: 'text', text: reply.text }]
    : [
        {
          type: 'tool-call',
          toolCallId: partId,
          toolName: reply.toolName,
          input: JSON.stringify(reply.input),
        },
      ];
}

/** Waits `ms`, or less when aborted; the abort listener goes with the wait, so a long answer never piles them up. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Without pacing there is nothing to watch arrive: each run of deltas goes out as one, which
 * spares the stream pipeline (about fifteen stages between the model and the socket) a pass per word.
 */
function joinDeltas(parts: LanguageModelV3StreamPart[]): LanguageModelV3StreamPart[] {
  const joined: LanguageModelV3StreamPart[] = [];
  for (const part of parts) {
    const last = joined[joined.length - 1];
    if (
      (part.type === 'text-delta' || part.type === 'tool-input-delta') &&
      last?.type === part.type &&
      last.id === part.id
    )
      joined[joined.length - 1] = { ...last, delta: last.delta + part.delta };
    else joined.push(part);
  }
  return joined;
}

/**
 * Emits parts one by one, pausing `delayMs` between deltas (the first goes out at once, so the
 * pacing never delays the start of an answer); stops early when aborted.
 */
export function toReadableStream(
  parts: LanguageModelV3StreamPart[],
  delayMs: number,
  signal?: AbortSignal,
): ReadableStream<LanguageModelV3StreamPart> {
  if (delayMs === 0) parts = joinDeltas(parts);
  let next = 0;
  let deltas = 0;
  return new ReadableStream<LanguageModelV3StreamPart>({
    async pull(controller) {
      if (signal?.aborted || next >= parts.length) {
        controller.close();
        return;
      }
      const part = parts[next++];
      if (part.type === 'text-delta' || part.type === 'tool-input-delta') {
        if (delayMs > 0 && deltas > 0) await sleep(delayMs, signal);
        deltas++;
      }
      controller.enqueue(part);
    },
  });
}
