import type { UIMessage } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { openTestDatabase, testEngines } from '@/lib/db/testing';
import {
  chatTitle,
  deleteMessagesAfter,
  findChat,
  listChats,
  loadMessages,
  openChat,
  saveMessages,
  touchChat,
} from './store';

const user = (id: string, text: string): UIMessage => ({ id, role: 'user', parts: [{ type: 'text', text }] });

describe.each(testEngines())('chat store on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.close());

  it('creates a chat titled from the first message and lists it for its buyer only', async () => {
    const db = database.db;
    expect(
      await openChat(db, { chatId: 'c1', buyerId: 'buyer_a', firstMessage: '  waterproof\nhiking boots ' }),
    ).toEqual({ kind: 'ok', created: true });
    expect(await openChat(db, { chatId: 'c1', buyerId: 'buyer_a', firstMessage: 'other' })).toEqual({
      kind: 'ok',
      created: false,
    });
    expect(await openChat(db, { chatId: 'c1', buyerId: 'buyer_b', firstMessage: 'x' })).toEqual({
      kind: 'not_found',
    });
    expect((await listChats(db, 'buyer_a')).map((c) => c.title)).toEqual(['waterproof hiking boots']);
    expect(await listChats(db, 'buyer_b')).toEqual([]);
    expect(await findChat(db, { chatId: 'c1', buyerId: 'buyer_b' })).toBeNull();
  });

  it('lists the most recently active chat first', async () => {
    const db = database.db;
    await openChat(db, { chatId: 'older', buyerId: 'buyer_c', firstMessage: 'first' });
    await openChat(db, { chatId: 'newer', buyerId: 'buyer_c', firstMessage: 'second' });
    await touchChat(db, 'older');
    expect((await listChats(db, 'buyer_c')).map((c) => c.id)).toEqual(['older', 'newer']);
  });

  it('orders chats active in the same instant by when they were last active', async () => {
    // One transaction: now() is the same for every statement, so the times tie exactly.
    const ids = await database.db.transaction(async (tx) => {
      await openChat(tx, { chatId: 'tie_a', buyerId: 'buyer_t', firstMessage: 'a' });
      await openChat(tx, { chatId: 'tie_b', buyerId: 'buyer_t', firstMessage: 'b' });
      await openChat(tx, { chatId: 'tie_c', buyerId: 'buyer_t', firstMessage: 'c' });
      await touchChat(tx, 'tie_a');
      return (await listChats(tx, 'buyer_t')).map((c) => c.id);
    });
    expect(ids).toEqual(['tie_a', 'tie_c', 'tie_b']);
  });

  it('saves parts whole, in order, and a second save of the same id updates in place', async () => {
    const db = database.db;
    await openChat(db, { chatId: 'c2', buyerId: 'buyer_a', firstMessage: 'hi' });
    const tool = {
      id: 'm2',
      role: 'assistant',
      parts: [
        {
          type: 'tool-searchProducts',
          toolCallId: 't1',
          state: 'output-available',
          input: { query: 'x' },
          output: { products: [] },
        },
      ],
      metadata: { model: 'offline' },
    } as UIMessage;
    await saveMessages(db, 'c2', [user('m1', 'hi'), tool]);
    await saveMessages(db, 'c2', [{ ...tool, parts: [...tool.parts, { type: 'text', text: 'done' }] }]);
    await saveMessages(db, 'c2', [user('m1', 'hi')]);
    const messages = await loadMessages(db, 'c2');
    expect(messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(messages[1].parts).toHaveLength(2);
    expect(messages[1].parts[0]).toMatchObject({ type: 'tool-searchProducts', output: { products: [] } });
    expect(messages[1].metadata).toEqual({ model: 'offline' });
  });

  it('refuses to move a message id that another chat holds', async () => {
    const db = database.db;
    await openChat(db, { chatId: 'c3', buyerId: 'buyer_b', firstMessage: 'x' });
    expect(await saveMessages(db, 'c3', [user('m1', 'stolen')])).toEqual(['m1']);
    expect((await loadMessages(db, 'c2'))[0].parts).toEqual([{ type: 'text', text: 'hi' }]);
  });

  it('drops the messages after a message asked again', async () => {
    const db = database.db;
    await saveMessages(db, 'c2', [user('m3', 'again'), { id: 'm4', role: 'assistant', parts: [] }]);
    await deleteMessagesAfter(db, 'c2', 'm2');
    expect((await loadMessages(db, 'c2')).map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('shortens long titles on a character boundary', () => {
    const title = chatTitle('あ'.repeat(100));
    expect(Array.from(title)).toHaveLength(60);
    expect(title.endsWith('…')).toBe(true);
  });
});
