import type { UIMessageChunk } from 'ai';

/** A POST /api/chat request as the browser sends it: the chat id and one new user message. */
export function chatRequest(
  chatId: string,
  messageId: string,
  text: string,
  extra: Record<string, unknown> = {},
): Request {
  return new Request('http://localhost/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: chatId,
      message: { id: messageId, role: 'user', parts: [{ type: 'text', text }] },
      trigger: 'submit-message',
      ...extra,
    }),
  });
}

/** Reads a UI message stream response (server-sent events) to its end and returns its chunks. */
export async function readChunks(response: Response): Promise<UIMessageChunk[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .map((event) => event.trim())
    .filter((event) => event.startsWith('data: ') && event !== 'data: [DONE]')
    .map((event) => JSON.parse(event.slice('data: '.length)) as UIMessageChunk);
}

/** The text the assistant streamed, joined. */
export function streamedText(chunks: UIMessageChunk[]): string {
  return chunks.map((c) => (c.type === 'text-delta' ? c.delta : '')).join('');
}
