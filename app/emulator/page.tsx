import type { Metadata } from 'next';
import { config } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { formatMoney } from '@/lib/money';
import { DashboardTable, Id, Status, When } from './table';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Stripe emulator' };

type Data = Record<string, unknown>;
const str = (data: Data, key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null);
const num = (data: Data, key: string) => (typeof data[key] === 'number' ? (data[key] as number) : 0);
const money = (amount: number, currency: string) => formatMoney({ amount, currency });

/** What the embedded Stripe saw: accounts, customers, cards, intents, tokens, events, deliveries. */
export default async function EmulatorPage() {
  if (config().stripe.mode !== 'emulator') {
    return (
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">Stripe emulator</h1>
        <p className="text-muted">This app is configured with Stripe test keys, so it talks to Stripe itself; the emulator is off.</p>
      </div>
    );
  }
  const { emulatorSnapshot, maskSecretKey } = await import('@/lib/stripe/emulator');
  const snapshot = await emulatorSnapshot(await getDb());
  const accountName = new Map(snapshot.accounts.map((a) => [a.id, a.name]));
  const account = (id: string | null) => (id ? (accountName.get(id) ?? id) : 'test helper');

  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">Stripe emulator</h1>
        <p className="max-w-3xl text-sm text-muted">
          The Stripe API this app runs on when no Stripe keys are set, served at <code className="font-mono">/v1</code>. Every object below was
          made through the official SDK or the Stripe.js stand-in, exactly as it would be on Stripe. Newest first.
        </p>
      </header>

      <DashboardTable
        title="Accounts"
        rows={snapshot.accounts}
        rowKey={(a) => a.id}
        empty="No accounts yet: they are seeded at start."
        columns={[
          { header: 'Account', cell: (a) => <span className="font-medium">{a.name}</span> },
          { header: 'Id', cell: (a) => <Id value={a.id} /> },
          { header: 'Secret key', cell: (a) => <Id value={maskSecretKey(a.secretKey)} /> },
          { header: 'Publishable key', cell: (a) => <Id value={a.publishableKey} /> },
          { header: 'Network profile', cell: (a) => <Id value={a.networkBusinessProfile} /> },
          { header: 'Country', cell: (a) => `${a.country} · ${a.defaultCurrency.toUpperCase()}` },
        ]}
      />

      <DashboardTable
        title="Shared payment tokens"
        note="issued by the agent, granted to a seller"
        rows={snapshot.tokens}
        rowKey={(t) => t.token.id}
        empty="No tokens issued yet."
        columns={[
          { header: 'Token', cell: (t) => <Id value={t.token.id} /> },
          { header: 'From → to', cell: (t) => `${account(t.issuerAccountId)} → ${account(t.sellerAccountId)}` },
          {
            header: 'Status',
            cell: (t) => <Status value={t.expiredUnnoticed ? 'expired' : t.token.status} detail={t.token.deactivated_reason} />,
          },
          { header: 'Limit', cell: (t) => money(t.token.usage_limits.max_amount, t.token.usage_limits.currency), className: 'tabular-nums' },
          { header: 'Used', cell: (t) => money(t.token.usage_details.amount_captured.value, t.token.usage_limits.currency), className: 'tabular-nums' },
          { header: 'Left', cell: (t) => money(t.remaining, t.token.usage_limits.currency), className: 'tabular-nums' },
          { header: 'Expires', cell: (t) => <When unix={t.token.usage_limits.expires_at} /> },
          { header: 'Card', cell: (t) => <Id value={t.token.payment_method} /> },
        ]}
      />

      <DashboardTable
        title="Payment intents"
        rows={snapshot.paymentIntents}
        rowKey={(r) => r.id}
        empty="No payments yet."
        columns={[
          { header: 'Payment', cell: (r) => <Id value={r.id} /> },
          { header: 'Account', cell: (r) => account(r.accountId) },
          { header: 'Amount', cell: (r) => money(num(r.data, 'amount'), str(r.data, 'currency') ?? 'usd'), className: 'tabular-nums' },
          {
            header: 'Status',
            cell: (r) => <Status value={str(r.data, 'status') ?? '?'} detail={(r.data.last_payment_error as Data | null)?.code as string | undefined} />,
          },
          { header: 'Capture', cell: (r) => str(r.data, 'capture_method') },
          { header: 'Card', cell: (r) => <Id value={str(r.data, 'payment_method')} /> },
          { header: 'Created', cell: (r) => <When unix={r.created} /> },
        ]}
      />

      <DashboardTable
        title="Setup intents"
        rows={snapshot.setupIntents}
        rowKey={(r) => r.id}
        empty="No cards saved yet."
        columns={[
          { header: 'Setup', cell: (r) => <Id value={r.id} /> },
          { header: 'Account', cell: (r) => account(r.accountId) },
          { header: 'Customer', cell: (r) => <Id value={str(r.data, 'customer')} /> },
          {
            header: 'Status',
            cell: (r) => <Status value={str(r.data, 'status') ?? '?'} detail={(r.data.last_setup_error as Data | null)?.code as string | undefined} />,
          },
          { header: 'Card', cell: (r) => <Id value={str(r.data, 'payment_method')} /> },
          { header: 'Created', cell: (r) => <When unix={r.created} /> },
        ]}
      />

      <div className="grid gap-8 lg:grid-cols-2">
        <DashboardTable
          title="Customers"
          rows={snapshot.customers}
          rowKey={(r) => r.id}
          empty="No customers yet."
          columns={[
            { header: 'Customer', cell: (r) => <Id value={r.id} /> },
            { header: 'Account', cell: (r) => account(r.accountId) },
            { header: 'Email', cell: (r) => str(r.data, 'email') ?? <span className="text-muted">—</span> },
            { header: 'Created', cell: (r) => <When unix={r.created} /> },
          ]}
        />
        <DashboardTable
          title="Payment methods"
          note="card numbers are never stored"
          rows={snapshot.paymentMethods}
          rowKey={(r) => r.id}
          empty="No cards yet."
          columns={[
            { header: 'Card', cell: (r) => <Id value={r.id} /> },
            { header: 'Account', cell: (r) => account(r.accountId) },
            {
              header: 'Details',
              cell: (r) => {
                const card = (r.data.card ?? {}) as Data;
                return `${str(card, 'brand')} •••• ${str(card, 'last4')} · ${num(card, 'exp_month')}/${num(card, 'exp_year')}`;
              },
            },
            {
              header: 'Belongs to',
              cell: (r) => (str(r.data, 'shared_payment_granted_token') ? <Id value={str(r.data, 'shared_payment_granted_token')} /> : <Id value={str(r.data, 'customer')} />),
            },
          ]}
        />
      </div>

      <DashboardTable
        title="Refunds"
        rows={snapshot.refunds}
        rowKey={(r) => r.id}
        empty="No refunds yet."
        columns={[
          { header: 'Refund', cell: (r) => <Id value={r.id} /> },
          { header: 'Account', cell: (r) => account(r.accountId) },
          { header: 'Amount', cell: (r) => money(num(r.data, 'amount'), str(r.data, 'currency') ?? 'usd'), className: 'tabular-nums' },
          { header: 'Payment', cell: (r) => <Id value={str(r.data, 'payment_intent')} /> },
          { header: 'Status', cell: (r) => <Status value={str(r.data, 'status') ?? '?'} detail={str(r.data, 'reason')} /> },
          { header: 'Created', cell: (r) => <When unix={r.created} /> },
        ]}
      />

      <div className="grid gap-8 lg:grid-cols-2">
        <DashboardTable
          title="Events"
          rows={snapshot.events}
          rowKey={(r) => r.id}
          empty="No events yet."
          columns={[
            { header: 'Type', cell: (r) => <code className="font-mono text-xs">{str(r.data, 'type')}</code> },
            { header: 'Account', cell: (r) => account(r.accountId) },
            { header: 'Object', cell: (r) => <Id value={((r.data.data as Data | undefined)?.object as Data | undefined)?.id as string | undefined} /> },
            { header: 'Created', cell: (r) => <When unix={r.created} /> },
          ]}
        />
        <DashboardTable
          title="Webhook deliveries"
          note="signed with Stripe-Signature, retried with backoff"
          rows={snapshot.deliveries}
          rowKey={(d) => `${d.eventId}:${d.endpointId}`}
          empty="No webhook endpoints have received events yet."
          columns={[
            { header: 'Event', cell: (d) => <code className="font-mono text-xs">{d.eventType}</code> },
            { header: 'Endpoint', cell: (d) => <span className="break-all text-xs">{d.url}</span> },
            {
              header: 'Delivery',
              cell: (d) => (
                <Status
                  value={d.deliveredAt ? 'delivered' : d.failedAt ? 'failed' : d.attempts > 0 ? 'retrying' : 'pending'}
                  detail={d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : null)}
                />
              ),
            },
            { header: 'Attempts', cell: (d) => d.attempts, className: 'tabular-nums' },
          ]}
        />
      </div>
    </div>
  );
}
