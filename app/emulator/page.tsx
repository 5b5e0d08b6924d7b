import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AccessNote } from '@/components/operator/access-note';
import { dashboardAccess } from '@/lib/operator/session';
import { config } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { messagesTranslator } from '@/lib/i18n';
import { emulator } from '@/lib/i18n/messages/emulator';
import { getLocale } from '@/lib/i18n/server';
import { formatMoney } from '@/lib/money';
import { DataTable } from '@/components/data-table';
import { Id, Status, When } from './table';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesTranslator(emulator, await getLocale())('title') };
}

type Data = Record<string, unknown>;
const str = (data: Data, key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null);
const num = (data: Data, key: string) => (typeof data[key] === 'number' ? (data[key] as number) : 0);
const money = (amount: number, currency: string) => formatMoney({ amount, currency });

/** What the embedded Stripe saw: accounts, customers, cards, intents, tokens, events, deliveries. */
export default async function EmulatorPage() {
  const access = await dashboardAccess('emulator');
  if (access === 'signed_out') redirect('/emulator/sign-in');
  const t = messagesTranslator(emulator, await getLocale());
  if (config().stripe.mode !== 'emulator') {
    return (
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p className="text-muted">{t('off')}</p>
      </div>
    );
  }
  const { emulatorSnapshot, maskSecretKey } = await import('@/lib/stripe/emulator');
  const snapshot = await emulatorSnapshot(await getDb());
  const accountName = new Map(snapshot.accounts.map((a) => [a.id, a.name]));
  const account = (id: string | null) => (id ? (accountName.get(id) ?? id) : t('testHelper'));
  const [leadBefore, leadAfter] = t('lead').split('{path}');

  return (
    <div className="space-y-8">
      <AccessNote realm="emulator" access={access} />
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p className="max-w-3xl text-sm text-muted">
          {leadBefore}
          <code className="font-mono">/v1</code>
          {leadAfter}
        </p>
      </header>

      <DataTable
        id="accounts"
        title={t('accounts')}
        rows={snapshot.accounts}
        rowKey={(a) => a.id}
        empty={t('accountsEmpty')}
        columns={[
          { header: t('colAccount'), cell: (a) => <span className="font-medium">{a.name}</span> },
          { header: t('colId'), cell: (a) => <Id value={a.id} /> },
          { header: t('colSecretKey'), cell: (a) => <Id value={maskSecretKey(a.secretKey)} /> },
          { header: t('colPublishableKey'), cell: (a) => <Id value={a.publishableKey} /> },
          { header: t('colNetworkProfile'), cell: (a) => <Id value={a.networkBusinessProfile} /> },
          { header: t('colCountry'), cell: (a) => `${a.country} · ${a.defaultCurrency.toUpperCase()}` },
        ]}
      />

      <DataTable
        id="shared-payment-tokens"
        title={t('tokens')}
        note={t('tokensNote')}
        rows={snapshot.tokens}
        rowKey={(t) => t.token.id}
        empty={t('tokensEmpty')}
        columns={[
          { header: t('colToken'), cell: (t) => <Id value={t.token.id} /> },
          {
            header: t('colFromTo'),
            cell: (t) => `${account(t.issuerAccountId)} → ${account(t.sellerAccountId)}`,
          },
          {
            header: t('colStatus'),
            cell: (t) => (
              <Status
                value={t.expiredUnnoticed ? 'expired' : t.token.status}
                detail={t.token.deactivated_reason}
              />
            ),
          },
          {
            header: t('colLimit'),
            cell: (t) => money(t.token.usage_limits.max_amount, t.token.usage_limits.currency),
            className: 'tabular-nums',
          },
          {
            header: t('colUsed'),
            cell: (t) => money(t.token.usage_details.amount_captured.value, t.token.usage_limits.currency),
            className: 'tabular-nums',
          },
          {
            header: t('colLeft'),
            cell: (t) => money(t.remaining, t.token.usage_limits.currency),
            className: 'tabular-nums',
          },
          { header: t('colExpires'), cell: (t) => <When unix={t.token.usage_limits.expires_at} /> },
          { header: t('colCard'), cell: (t) => <Id value={t.token.payment_method} /> },
        ]}
      />

      <DataTable
        id="payment-intents"
        title={t('paymentIntents')}
        rows={snapshot.paymentIntents}
        rowKey={(r) => r.id}
        empty={t('paymentIntentsEmpty')}
        columns={[
          { header: t('colPayment'), cell: (r) => <Id value={r.id} /> },
          { header: t('colAccount'), cell: (r) => account(r.accountId) },
          {
            header: t('colAmount'),
            cell: (r) => money(num(r.data, 'amount'), str(r.data, 'currency') ?? 'usd'),
            className: 'tabular-nums',
          },
          {
            header: t('colStatus'),
            cell: (r) => (
              <Status
                value={str(r.data, 'status') ?? '?'}
                detail={(r.data.last_payment_error as Data | null)?.code as string | undefined}
              />
            ),
          },
          { header: t('colCapture'), cell: (r) => str(r.data, 'capture_method') },
          { header: t('colCard'), cell: (r) => <Id value={str(r.data, 'payment_method')} /> },
          { header: t('colCreated'), cell: (r) => <When unix={r.created} /> },
        ]}
      />

      <DataTable
        id="setup-intents"
        title={t('setupIntents')}
        rows={snapshot.setupIntents}
        rowKey={(r) => r.id}
        empty={t('setupIntentsEmpty')}
        columns={[
          { header: t('colSetup'), cell: (r) => <Id value={r.id} /> },
          { header: t('colAccount'), cell: (r) => account(r.accountId) },
          { header: t('colCustomer'), cell: (r) => <Id value={str(r.data, 'customer')} /> },
          {
            header: t('colStatus'),
            cell: (r) => (
              <Status
                value={str(r.data, 'status') ?? '?'}
                detail={(r.data.last_setup_error as Data | null)?.code as string | undefined}
              />
            ),
          },
          { header: t('colCard'), cell: (r) => <Id value={str(r.data, 'payment_method')} /> },
          { header: t('colCreated'), cell: (r) => <When unix={r.created} /> },
        ]}
      />

      <div className="grid gap-8 lg:grid-cols-2">
        <DataTable
          id="customers"
          title={t('customers')}
          rows={snapshot.customers}
          rowKey={(r) => r.id}
          empty={t('customersEmpty')}
          columns={[
            { header: t('colCustomer'), cell: (r) => <Id value={r.id} /> },
            { header: t('colAccount'), cell: (r) => account(r.accountId) },
            {
              header: t('colEmail'),
              cell: (r) => str(r.data, 'email') ?? <span className="text-muted">—</span>,
            },
            { header: t('colCreated'), cell: (r) => <When unix={r.created} /> },
          ]}
        />
        <DataTable
          id="payment-methods"
          title={t('paymentMethods')}
          note={t('paymentMethodsNote')}
          rows={snapshot.paymentMethods}
          rowKey={(r) => r.id}
          empty={t('paymentMethodsEmpty')}
          columns={[
            { header: t('colCard'), cell: (r) => <Id value={r.id} /> },
            { header: t('colAccount'), cell: (r) => account(r.accountId) },
            {
              header: t('colDetails'),
              cell: (r) => {
                const card = (r.data.card ?? {}) as Data;
                return `${str(card, 'brand')} •••• ${str(card, 'last4')} · ${num(card, 'exp_month')}/${num(card, 'exp_year')}`;
              },
            },
            {
              header: t('colBelongsTo'),
              cell: (r) =>
                str(r.data, 'shared_payment_granted_token') ? (
                  <Id value={str(r.data, 'shared_payment_granted_token')} />
                ) : (
                  <Id value={str(r.data, 'customer')} />
                ),
            },
          ]}
        />
      </div>

      <DataTable
        id="refunds"
        title={t('refunds')}
        rows={snapshot.refunds}
        rowKey={(r) => r.id}
        empty={t('refundsEmpty')}
        columns={[
          { header: t('colRefund'), cell: (r) => <Id value={r.id} /> },
          { header: t('colAccount'), cell: (r) => account(r.accountId) },
          {
            header: t('colAmount'),
            cell: (r) => money(num(r.data, 'amount'), str(r.data, 'currency') ?? 'usd'),
            className: 'tabular-nums',
          },
          { header: t('colPayment'), cell: (r) => <Id value={str(r.data, 'payment_intent')} /> },
          {
            header: t('colStatus'),
            cell: (r) => <Status value={str(r.data, 'status') ?? '?'} detail={str(r.data, 'reason')} />,
          },
          { header: t('colCreated'), cell: (r) => <When unix={r.created} /> },
        ]}
      />

      <div className="grid gap-8 lg:grid-cols-2">
        <DataTable
          id="events"
          title={t('events')}
          rows={snapshot.events}
          rowKey={(r) => r.id}
          empty={t('eventsEmpty')}
          columns={[
            {
              header: t('colType'),
              cell: (r) => <code className="font-mono text-xs">{str(r.data, 'type')}</code>,
            },
            { header: t('colAccount'), cell: (r) => account(r.accountId) },
            {
              header: t('colObject'),
              cell: (r) => (
                <Id
                  value={
                    ((r.data.data as Data | undefined)?.object as Data | undefined)?.id as string | undefined
                  }
                />
              ),
            },
            { header: t('colCreated'), cell: (r) => <When unix={r.created} /> },
          ]}
        />
        <DataTable
          id="webhook-deliveries"
          title={t('deliveries')}
          note={t('deliveriesNote')}
          rows={snapshot.deliveries}
          rowKey={(d) => `${d.eventId}:${d.endpointId}`}
          empty={t('deliveriesEmpty')}
          columns={[
            { header: t('colEvent'), cell: (d) => <code className="font-mono text-xs">{d.eventType}</code> },
            { header: t('colEndpoint'), cell: (d) => <span className="break-all text-xs">{d.url}</span> },
            {
              header: t('colDelivery'),
              cell: (d) => (
                <Status
                  value={
                    d.deliveredAt
                      ? 'delivered'
                      : d.failedAt
                        ? 'failed'
                        : d.attempts > 0
                          ? 'retrying'
                          : 'pending'
                  }
                  detail={d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : null)}
                />
              ),
            },
            { header: t('colAttempts'), cell: (d) => d.attempts, className: 'tabular-nums' },
          ]}
        />
      </div>
    </div>
  );
}
