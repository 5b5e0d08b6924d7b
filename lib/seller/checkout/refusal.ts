import type { CheckoutSession, Message } from '@/lib/acp/types';
import { type AcpProblem, invalidRequest } from '@/lib/acp/server';
import type { SessionAnswer } from './sessions';

/**
 * What complete answers when it makes no order because of the session itself (see "Complete's
 * answers" in lib/seller/README.md). The OpenAPI's 200 for complete is CheckoutSessionWithOrder,
 * whose `order` is required, so a 200 always carries an order; a session that is not ready (an
 * address missing, out of stock at pay time, more than in stock) or whose total changed since the
 * agent last saw it is a 400 flat Error naming the field, as the spec's `error_400_requires_3ds`
 * example does for a session that needs something before it can be paid. Nothing was charged and
 * the stock is not held; `GET /checkout_sessions/{id}` shows the session with every message.
 */
export function completionRefusal(answer: SessionAnswer): AcpProblem | null {
  const session = answer.session;
  if (session.status === 'incomplete' || session.status === 'not_ready_for_payment') {
    const first = firstError(session);
    return invalidRequest(
      'session_not_ready',
      first?.content ?? `The checkout session is ${session.status}: it cannot be paid yet.`,
      first?.param ?? '$.status',
    );
  }
  const change = session.messages.find((m) => m.type === 'warning' && m.code === 'price_change');
  if (session.status === 'ready_for_payment' && change) {
    return invalidRequest('price_changed', change.content, change.param ?? '$.totals');
  }
  return null;
}

function firstError(session: CheckoutSession): Extract<Message, { type: 'error' }> | undefined {
  return session.messages.find((m): m is Extract<Message, { type: 'error' }> => m.type === 'error');
}
