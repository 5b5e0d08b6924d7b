import { and, desc, eq, sql } from 'drizzle-orm';
import type { CheckoutSession, Order } from '@/lib/acp/types';
import type { Db } from '@/lib/db/client';
import {
  sellerAgentKeys,
  sellerCheckoutSessions,
  sellerOrders,
  sellerPayments,
  sellerStock,
} from '@/lib/db/schema';
import { catalogFor, SELLER_CATALOGS, type SellerProfile } from '@/lib/seller/catalog';
import { LOW_STOCK_THRESHOLD } from '@/lib/seller/checkout/quote';
import type { TokenDetails } from '@/lib/seller/checkout/payment';
import { AISLE_AGENT_ID } from './agents';

/** What the seller dashboard pages show: read-only queries over the seller's own tables. */

export interface SellerSummary {
  profile: SellerProfile;
  products: number;
  openSessions: number;
  orders: number;
  /** Charged minus refunded, minor units. */
  revenue: number;
  lowStockVariants: number;
}

export async function sellerSummaries(db: Db): Promise<SellerSummary[]> {
  const [sessions, orders, stock] = await Promise.all([
    db
      .select({ sellerId: sellerCheckoutSessions.sellerId, n: sql<number>`count(*)::int` })
      .from(sellerCheckoutSessions)
      .where(sql`${sellerCheckoutSessions.status} not in ('completed', 'canceled', 'expired')`)
      .groupBy(sellerCheckoutSessions.sellerId),
    db
      .select({
        sellerId: sellerOrders.sellerId,
        n: sql<number>`count(*)::int`,
        revenue: sql<number>`coalesce(sum(${sellerOrders.total} - ${sellerOrders.refunded}), 0)`.mapWith(
          Number,
        ),
      })
      .from(sellerOrders)
      .groupBy(sellerOrders.sellerId),
    db
      .select({
        sellerId: sellerStock.sellerId,
        low: sql<number>`count(*) filter (where ${sellerStock.available} <= ${LOW_STOCK_THRESHOLD})::int`,
      })
      .from(sellerStock)
      .groupBy(sellerStock.sellerId),
  ]);
  return SELLER_CATALOGS.map((catalog) => {
    const id = catalog.seller.id;
    const o = orders.find((r) => r.sellerId === id);
    return {
      profile: catalog.seller,
      products: catalog.products.length,
      openSessions: sessions.find((r) => r.sellerId === id)?.n ?? 0,
      orders: o?.n ?? 0,
      revenue: o?.revenue ?? 0,
      lowStockVariants: stock.find((r) => r.sellerId === id)?.low ?? 0,
    };
  });
}

export interface SessionRowView {
  id: string;
  status: string;
  agent: string;
  items: { name: string; quantity: number }[];
  total: number;
  currency: string;
  message: string | null;
  orderId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrderRowView {
  id: string;
  number: string;
  status: string;
  total: number;
  refunded: number;
  currency: string;
  sessionId: string;
  paymentIntentId: string;
  items: { title: string; quantity: number }[];
  shipTo: string | null;
  tracking: string | null;
  hasShipping: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface PaymentRowView {
  id: string;
  sessionId: string;
  orderId: string | null;
  token: string;
  details: TokenDetails | null;
  paymentIntentId: string | null;
  amount: number;
  currency: string;
  status: string;
  error: string | null;
  refunded: number;
  createdAt: Date;
}

export interface StockRowView {
  productId: string;
  title: string;
  image: string;
  digital: boolean;
  variants: { id: string; title: string; price: number; available: number }[];
}

export interface SellerDashboard {
  profile: SellerProfile;
  sessions: SessionRowView[];
  orders: OrderRowView[];
  payments: PaymentRowView[];
  stock: StockRowView[];
}

const LIMIT = 50;

export async function sellerDashboard(db: Db, sellerId: string): Promise<SellerDashboard | null> {
  const catalog = catalogFor(sellerId);
  if (!catalog) return null;
  const [sessions, orders, payments, stock, agents] = await Promise.all([
    db
      .select()
      .from(sellerCheckoutSessions)
      .where(eq(sellerCheckoutSessions.sellerId, sellerId))
      .orderBy(desc(sellerCheckoutSessions.createdAt), desc(sellerCheckoutSessions.seq))
      .limit(LIMIT),
    db
      .select()
      .from(sellerOrders)
      .where(eq(sellerOrders.sellerId, sellerId))
      .orderBy(desc(sellerOrders.createdAt), desc(sellerOrders.seq))
      .limit(LIMIT),
    db
      .select()
      .from(sellerPayments)
      .where(eq(sellerPayments.sellerId, sellerId))
      .orderBy(desc(sellerPayments.createdAt), desc(sellerPayments.seq))
      .limit(LIMIT),
    db.select().from(sellerStock).where(eq(sellerStock.sellerId, sellerId)),
    db
      .select({ id: sellerAgentKeys.id, label: sellerAgentKeys.label })
      .from(sellerAgentKeys)
      .where(and(eq(sellerAgentKeys.sellerId, sellerId))),
  ]);
  const agentLabel = (id: string) =>
    id === AISLE_AGENT_ID ? 'Aisle agent' : (agents.find((a) => a.id === id)?.label ?? id);
  const levels = new Map(stock.map((s) => [s.variantId, s]));
  return {
    profile: catalog.seller,
    sessions: sessions.map((row) => {
      const snapshot = row.snapshot as CheckoutSession;
      const firstError = snapshot.messages?.find((m) => m.type === 'error' || m.type === 'warning');
      return {
        id: row.id,
        status: row.status,
        agent: agentLabel(row.agentId),
        items: snapshot.line_items.map((li) => ({ name: li.name ?? li.item.id, quantity: li.quantity })),
        total: row.total,
        currency: row.currency,
        message: firstError ? `${'code' in firstError ? firstError.code : ''}: ${firstError.content}` : null,
        orderId: row.orderId,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      };
    }),
    orders: orders.map((row) => {
      const doc = row.document as Order;
      const shipping = doc.fulfillments?.find((f) => f.type === 'shipping');
      const to = shipping?.destination;
      return {
        id: row.id,
        number: row.orderNumber,
        status: row.status,
        total: row.total,
        refunded: row.refunded,
        currency: row.currency,
        sessionId: row.sessionId,
        paymentIntentId: row.paymentIntentId,
        items: (doc.line_items ?? []).map((li) => ({ title: li.title, quantity: li.quantity.ordered })),
        shipTo: to ? `${to.name}, ${to.city} ${to.state}, ${to.country}` : null,
        tracking: shipping?.tracking_number
          ? `${shipping.carrier ?? ''} ${shipping.tracking_number}`.trim()
          : null,
        hasShipping: Boolean(shipping),
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      };
    }),
    payments: payments.map((row) => ({
      id: row.id,
      sessionId: row.sessionId,
      orderId: row.orderId,
      token: row.token,
      details: (row.tokenDetails as TokenDetails | null) ?? null,
      paymentIntentId: row.paymentIntentId,
      amount: row.amount,
      currency: row.currency,
      status: row.status,
      error: row.errorCode ? `${row.errorCode}${row.errorMessage ? ` — ${row.errorMessage}` : ''}` : null,
      refunded: row.refunded,
      createdAt: row.createdAt,
    })),
    stock: catalog.products.map((product) => ({
      productId: product.id,
      title: product.title,
      image: product.image,
      digital: Boolean(product.digital),
      variants: product.variants.map((v) => ({
        id: v.id,
        title: v.title,
        price: levels.get(v.id)?.price ?? v.price,
        available: levels.get(v.id)?.available ?? v.stock,
      })),
    })),
  };
}
