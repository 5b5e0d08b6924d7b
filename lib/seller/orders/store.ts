import { and, eq, sql } from 'drizzle-orm';
import type { Order } from '@/lib/acp/types';
import type { Db } from '@/lib/db/client';
import { sellerOrders } from '@/lib/db/schema';

export type OrderRow = typeof sellerOrders.$inferSelect;

const PREFIX: Record<string, string> = {
  'summit-outfitters': 'SUM',
  'volt-audio': 'VLT',
  'kissa-tokyo': 'KIS',
};

/** A human order number, e.g. `SUM-1042`, unique across sellers. */
export async function nextOrderNumber(tx: Db, sellerId: string): Promise<string> {
  const result = await tx.execute(sql`select nextval('seller_order_numbers') as n`);
  const n = (result.rows[0] as { n: string | number }).n;
  return `${PREFIX[sellerId] ?? 'ORD'}-${n}`;
}

export async function currentOrderDocument(db: Db, orderId: string): Promise<Order | undefined> {
  const [row] = await db
    .select({ document: sellerOrders.document })
    .from(sellerOrders)
    .where(eq(sellerOrders.id, orderId));
  return row?.document as Order | undefined;
}

export async function findOrder(db: Db, sellerId: string, orderId: string): Promise<OrderRow | undefined> {
  const [row] = await db
    .select()
    .from(sellerOrders)
    .where(and(eq(sellerOrders.sellerId, sellerId), eq(sellerOrders.id, orderId)));
  return row;
}

export async function lockOrder(tx: Db, sellerId: string, orderId: string): Promise<OrderRow | undefined> {
  const [row] = await tx
    .select()
    .from(sellerOrders)
    .where(and(eq(sellerOrders.sellerId, sellerId), eq(sellerOrders.id, orderId)))
    .for('update');
  return row;
}

export async function saveOrder(
  tx: Db,
  row: OrderRow,
  patch: { status: string; document: Order; refunded?: number },
): Promise<OrderRow> {
  const next = { ...row, ...patch, version: row.version + 1, updatedAt: new Date() };
  await tx
    .update(sellerOrders)
    .set({
      status: next.status,
      document: next.document,
      refunded: next.refunded,
      version: next.version,
      updatedAt: next.updatedAt,
    })
    .where(eq(sellerOrders.id, row.id));
  return next;
}
