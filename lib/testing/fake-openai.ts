import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for OpenAI: streaming Chat Completions (`/v1/chat/completions`, what
 * OpenAI-compatible servers speak) and the Responses API (`/v1/responses`), both with tool calls.
 * What it answers is a script: a function from the request (normalised across the two APIs) to
 * one reply, so tests can play a good model, a sloppy one, one that obeys injected text, or a
 * provider that fails (401, 429, 500, a stall, a stream cut before its finish).
 */

export type FakeApi = 'chat' | 'responses';

/** A tool result the model was sent back, as text (both APIs carry tool output as a string). */
export interface FakeToolResult {
  callId: string;
  name: string;
  output: string;
}

/** The request, as a script reads it. */
export interface FakeRequest {
  api: FakeApi;
  model: string;
  /** The last user message's text. */
  userText: string;
  /** How many user messages the conversation holds. */
  userTurns: number;
  /** Tool results sent after the last user message (the current turn's), in order. */
  toolResults: FakeToolResult[];
  /** Every tool result in the request, oldest first. */
  allToolResults: FakeToolResult[];
  /** The system prompt (Chat Completions `system`, Responses `system`/`developer`). */
  system: string;
  /** Tool names offered, with their JSON Schemas' descriptions. */
  tools: Array<{ name: string; description: string }>;
  /** Characters of conversation sent: every message but the system prompt, as JSON. */
  historyChars: number;
  body: Record<string, unknown>;
}

export type FakeReply =
  | { kind: 'text'; text: string; /** End the stream without a finish reason. */ cut?: boolean }
  | { kind: 'tools'; calls: Array<{ name: string; input: unknown }> }
  | { kind: 'status'; status: number; retryAfterSeconds?: number; code?: string; message?: string }
  /** Accept the request, send nothing more until the client gives up. */
  | { kind: 'stall' };

export type FakeScript = (request: FakeRequest) => FakeReply;

export interface FakeOpenAI {
  /** e.g. http://127.0.0.1:3301/v1 (what OPENAI_BASE_URL takes). */
  baseURL: string;
  requests: FakeRequest[];
  setScript(script: FakeScript): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

const asText = (content: unknown): string => {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content.map((part) => (typeof part?.text === 'string' ? part.text : '')).join('');
  return '';
};

/** One conversation entry of either API, reduced to what scripts need. */
type Entry =
  | { kind: 'system'; text: string }
  | { kind: 'user'; text: string }
  | { kind: 'call'; callId: string; name: string }
  | { kind: 'result'; callId: string; output: string }
  | { kind: 'other' };

function chatEntries(body: Json): Entry[] {
  const entries: Entry[] = [];
  for (const message of (body.messages as Json[] | undefined) ?? []) {
    if (message.role === 'system') entries.push({ kind: 'system', text: asText(message.content) });
    else if (message.role === 'user') entries.push({ kind: 'user', text: asText(message.content) });
    else if (message.role === 'tool')
      entries.push({ kind: 'result', callId: String(message.tool_call_id), output: asText(message.content) });
    else if (message.role === 'assistant') {
      for (const call of (message.tool_calls as Json[] | undefined) ?? [])
        entries.push({ kind: 'call', callId: String(call.id), name: String((call.function as Json).name) });
      entries.push({ kind: 'other' });
    }
  }
  return entries;
}

function responsesEntries(body: Json): Entry[] {
  const entries: Entry[] = [];
  for (const item of (body.input as Json[] | undefined) ?? []) {
    if (item.role === 'system' || item.role === 'developer')
      entries.push({ kind: 'system', text: asText(item.content) });
    else if (item.role === 'user') entries.push({ kind: 'user', text: asText(item.content) });
    else if (item.type === 'function_call')
      entries.push({ kind: 'call', callId: String(item.call_id), name: String(item.name) });
    else if (item.type === 'function_call_output')
      entries.push({ kind: 'result', callId: String(item.call_id), output: asText(item.output) });
    else entries.push({ kind: 'other' });
  }
  return entries;
}

function describeRequest(api: FakeApi, body: Json, issued: Map<string, string>): FakeRequest {
  const entries = api === 'chat' ? chatEntries(body) : responsesEntries(body);
  // The calls this fake made are known by id even when a request refers to them by reference only.
  const names = new Map(issued);
  const results: Array<FakeToolResult & { afterUser: number }> = [];
  let userTurns = 0;
  let userText = '';
  for (const entry of entries) {
    if (entry.kind === 'user') {
      userTurns += 1;
      userText = entry.text;
    } else if (entry.kind === 'call') names.set(entry.callId, entry.name);
    else if (entry.kind === 'result')
      results.push({ ...entry, name: names.get(entry.callId) ?? '', afterUser: userTurns });
  }
  const conversation = api === 'chat' ? (body.messages as Json[]) : (body.input as Json[]);
  const nonSystem = (conversation ?? []).filter((m) => m.role !== 'system' && m.role !== 'developer');
  const tools = ((body.tools as Json[] | undefined) ?? []).map((tool) => {
    const fn = (api === 'chat' ? tool.function : tool) as Json;
    return { name: String(fn.name), description: String(fn.description ?? '') };
  });
  return {
    api,
    model: String(body.model),
    userText,
    userTurns,
    toolResults: results.filter((r) => r.afterUser === userTurns).map(({ afterUser: _, ...r }) => r),
    allToolResults: results.map(({ afterUser: _, ...r }) => r),
    system: entries.flatMap((e) => (e.kind === 'system' ? [e.text] : [])).join('\n'),
    tools,
    historyChars: JSON.stringify(nonSystem).length,
    body,
  };
}

const sse = (data: unknown) => `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
/** Words of the text, spaces kept, so the answer streams in several deltas. */
const pieces = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];
const tokens = (chars: number) => Math.max(1, Math.ceil(chars / 4));

type StreamedReply = Exclude<FakeReply, { kind: 'status' | 'stall' }>;
/** The tool calls of one reply, with the ids this fake gave them. */
type Calls = Array<{ id: string; name: string; args: string }>;

function chatStream(request: FakeRequest, reply: StreamedReply, calls: Calls): string[] {
  const chunk = (delta: Json, finish: string | null = null, extra: Json = {}) =>
    sse({
      id: 'chatcmpl-fake',
      object: 'chat.completion.chunk',
      created: 1_760_000_000,
      model: request.model,
      choices: [{ index: 0, delta, finish_reason: finish }],
      ...extra,
    });
  const usage = (output: number) => ({
    usage: { prompt_tokens: tokens(request.historyChars), completion_tokens: output, total_tokens: 0 },
  });
  if (reply.kind === 'text') {
    const out = [
      chunk({ role: 'assistant', content: '' }),
      ...pieces(reply.text).map((p) => chunk({ content: p })),
    ];
    if (reply.cut) return out;
    return [...out, chunk({}, 'stop', usage(tokens(reply.text.length))), sse('[DONE]')];
  }
  const out = calls.map((call, index) =>
    chunk({
      ...(index === 0 ? { role: 'assistant', content: null } : {}),
      tool_calls: [
        { index, id: call.id, type: 'function', function: { name: call.name, arguments: call.args } },
      ],
    }),
  );
  return [...out, chunk({}, 'tool_calls', usage(20 * calls.length)), sse('[DONE]')];
}

function responsesStream(request: FakeRequest, reply: StreamedReply, calls: Calls): string[] {
  let sequence = 0;
  const event = (type: string, fields: Json) => sse({ type, sequence_number: sequence++, ...fields });
  const created = event('response.created', {
    response: { id: 'resp_fake', created_at: 1_760_000_000, model: request.model },
  });
  const completed = (output: number) =>
    event('response.completed', {
      response: {
        incomplete_details: null,
        usage: { input_tokens: tokens(request.historyChars), output_tokens: output },
      },
    });
  if (reply.kind === 'text') {
    const item = { type: 'message', id: 'msg_fake', role: 'assistant', content: [] };
    const out = [
      created,
      event('response.output_item.added', { output_index: 0, item }),
      ...pieces(reply.text).map((delta) =>
        event('response.output_text.delta', { item_id: 'msg_fake', delta }),
      ),
    ];
    if (reply.cut) return out;
    return [
      ...out,
      event('response.output_item.done', { output_index: 0, item }),
      completed(tokens(reply.text.length)),
    ];
  }
  const out = [created];
  calls.forEach((call, index) => {
    const item = { type: 'function_call', id: `fc_${call.id}`, call_id: call.id, name: call.name };
    out.push(
      event('response.output_item.added', { output_index: index, item: { ...item, arguments: '' } }),
      event('response.function_call_arguments.delta', {
        item_id: item.id,
        output_index: index,
        delta: call.args,
      }),
      event('response.output_item.done', {
        output_index: index,
        item: { ...item, arguments: call.args, status: 'completed' },
      }),
    );
  });
  return [...out, completed(20 * calls.length)];
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const part of request) body += part;
  return body;
}

function answer(
  api: FakeApi,
  request: FakeRequest,
  reply: FakeReply,
  calls: Calls,
  response: ServerResponse,
) {
  if (reply.kind === 'status') {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (reply.retryAfterSeconds !== undefined) headers['retry-after'] = String(reply.retryAfterSeconds);
    response.writeHead(reply.status, headers);
    response.end(
      JSON.stringify({
        error: {
          message: reply.message ?? `fake provider answered ${reply.status}`,
          type: 'fake_error',
          code: reply.code ?? null,
        },
      }),
    );
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  if (reply.kind === 'stall') {
    response.flushHeaders();
    return; // the client's abort closes the socket
  }
  const events = api === 'chat' ? chatStream(request, reply, calls) : responsesStream(request, reply, calls);
  response.end(events.join(''));
}

/**
 * Starts the fake on 127.0.0.1 (`port` 0 picks a free one). With `scripts`, another process (a
 * Playwright test) can switch what it plays: `POST /__fake/script {"script": "<name>"}`.
 */
export async function startFakeOpenAI(
  script: FakeScript,
  { port = 0, scripts }: { port?: number; scripts?: Record<string, FakeScript> } = {},
): Promise<FakeOpenAI> {
  let current = script;
  const requests: FakeRequest[] = [];
  const issued = new Map<string, string>();
  const server: Server = createServer(async (incoming, response) => {
    const path = (incoming.url ?? '').replace(/\?.*$/, '');
    if (scripts && incoming.method === 'POST' && path === '/__fake/script') {
      const name = String((JSON.parse(await readBody(incoming)) as Json).script);
      const known: FakeScript | undefined = scripts[name];
      if (known !== undefined) current = known;
      response.writeHead(known !== undefined ? 204 : 404);
      response.end();
      return;
    }
    const api: FakeApi | null = path.endsWith('/chat/completions')
      ? 'chat'
      : path.endsWith('/responses')
        ? 'responses'
        : null;
    if (incoming.method !== 'POST' || !api) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `no route ${incoming.method} ${path}` } }));
      return;
    }
    const request = describeRequest(api, JSON.parse(await readBody(incoming)) as Json, issued);
    requests.push(request);
    const reply = current(request);
    const calls: Calls = (reply.kind === 'tools' ? reply.calls : []).map((call) => {
      const id = `call_${issued.size + 1}`;
      issued.set(id, call.name);
      return {
        id,
        name: call.name,
        args: typeof call.input === 'string' ? call.input : JSON.stringify(call.input),
      };
    });
    answer(api, request, reply, calls, response);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    setScript: (next) => {
      current = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
