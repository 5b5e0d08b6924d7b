import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectChatModel } from '@/lib/agent/models';
import { openPurchaseWorld, type PurchaseWorld } from './purchase-world';
import { CORPUS, type CorpusTurn } from './shopper-corpus';
import { openShopperSession, type Screen } from './shopper-screen';

function expectScreen(screen: Screen, turn: CorpusTurn) {
  if (turn.cards) expect(screen.cards?.slice(0, turn.cards.length)).toEqual(turn.cards);
  if (turn.total !== undefined) expect(screen.total).toBe(turn.total);
  if (turn.detail) expect(screen.detail?.title).toBe(turn.detail);
  if (turn.asks !== undefined) expect(screen.detail?.asks ?? false).toBe(turn.asks);
  if (turn.checkout) expect(screen.checkout).toEqual(turn.checkout);
  if (typeof turn.reply === 'string') expect(screen.text).toContain(turn.reply);
  else if (turn.reply) expect(screen.text).toMatch(turn.reply);
  if (turn.textOnly) expect(screen.tools).toEqual([]);
}

describe('shoppers in their own words, through the offline model and the real tools', () => {
  let world: PurchaseWorld;
  const model = selectChatModel({ mode: 'offline' }, { offlineWordDelayMs: 0 });
  beforeAll(async () => {
    world = await openPurchaseWorld();
  });
  afterAll(() => world?.close());

  it.each(CORPUS.map((c, i) => [c.name, c, i] as const))('%s', async (_name, conversation, i) => {
    const session = await openShopperSession(world, model, conversation.locale, `corpus-${i}`);
    for (const [at, turn] of conversation.turns.entries()) {
      const screen = turn.buy !== undefined ? await session.buyCard(turn.buy) : await session.say(turn.say!);
      const said = turn.say ?? `Buy on card ${turn.buy}`;
      try {
        expectScreen(screen, turn);
      } catch (error) {
        throw new Error(`turn ${at + 1} (“${said}”) showed ${JSON.stringify(screen)}\n${String(error)}`);
      }
    }
  });
});
