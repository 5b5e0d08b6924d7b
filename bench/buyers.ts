// Buyers over HTTP against a running server: a cookie from the first page, then chat turns timed
// the way a browser sees them.
import { BUYER_COOKIE } from '@/lib/buyer/identity';
import { ms, percentile } from './stats';

export const PROMPTS = [
  'waterproof hiking boots',
  'hello',
  'hiking boots under $150',
  'what can you do?',
  'cheapest boots in size 10',
];

/** A new buyer: the cookie the proxy signs on the first page view. */
export async function newBuyer(origin: string): Promise<string> {
  const response = await fetch(`${origin}/`, { redirect: 'manual' });
  await response.arrayBuffer();
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${BUYER_COOKIE}=`));
  if (!cookie) throw new Error('the first page gave no buyer cookie');
  return cookie.split(';')[0];
}

export interface TurnTiming {
  firstByte: number;
  firstText: number;
  total: number;
}

/** One chat message, timed from the request: response headers, the first text delta, the end of the stream. */
export async function chatTurn(
  origin: string,
  cookie: string,
  chatId: string,
  messageId: string,
  text: string,
): Promise<TurnTiming> {
  const start = performance.now();
  const response = await fetch(`${origin}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      id: chatId,
      message: { id: messageId, role: 'user', parts: [{ type: 'text', text }] },
      trigger: 'submit-message',
    }),
  });
  const firstByte = performance.now() - start;
  if (!response.ok || !response.body)
    throw new Error(`chat answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  const decoder = new TextDecoder();
  let firstText = Number.NaN;
  let seen = '';
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    if (Number.isNaN(firstText)) {
      seen += decoder.decode(read.value, { stream: true });
      if (seen.includes('"type":"text-delta"')) firstText = performance.now() - start;
    }
  }
  return { firstByte, firstText, total: performance.now() - start };
}

/**
 * `buyers` buyers at once, each sending `messagesEach` messages one after another (a reply read to
 * its end before the next), two messages per chat.
 */
export async function chatLoad(origin: string, buyers: number, messagesEach: number, tag: string) {
  const cookies = await Promise.all(Array.from({ length: buyers }, () => newBuyer(origin)));
  const timings: TurnTiming[] = [];
  const start = performance.now();
  await Promise.all(
    cookies.map(async (cookie, b) => {
      for (let m = 0; m < messagesEach; m++) {
        const chatId = `${tag}-${b}-${Math.floor(m / 2)}`;
        const prompt = PROMPTS[(b + m) % PROMPTS.length];
        timings.push(await chatTurn(origin, cookie, chatId, `${chatId}-m${m}`, prompt));
      }
    }),
  );
  return { timings, wall: performance.now() - start };
}

export function summarize(timings: TurnTiming[], key: keyof TurnTiming) {
  const values = timings.map((t) => t[key]).filter((v) => !Number.isNaN(v));
  return { p50: percentile(values, 50), p95: percentile(values, 95), count: values.length };
}

export function p50p95(timings: TurnTiming[], key: keyof TurnTiming): string {
  const { p50, p95 } = summarize(timings, key);
  return `p95 ${ms(p95)} (p50 ${ms(p50)})`;
}
