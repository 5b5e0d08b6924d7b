import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { DataTable, Mono } from '@/components/data-table';
import { AccessNote } from '@/components/operator/access-note';
import { IssueKeyForm, KeyButton } from '@/components/seller/agent-key-forms';
import { when } from '@/components/seller/format';
import { config } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { getLocale, getT } from '@/lib/i18n/server';
import { dashboardAccess } from '@/lib/operator/session';
import { listAgentKeys } from '@/lib/seller/agents';
import { findSeller } from '@/lib/seller/context';
import { issueAgentKeyAction, revokeAgentKeyAction, rotateAgentKeyAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Agents' };

/** The keys of agents other than Aisle's: issue (shown once), see last use, revoke, rotate. */
export default async function AgentsPage({ params }: { params: Promise<{ seller: string }> }) {
  const seller = findSeller((await params).seller);
  if (!seller) notFound();
  const access = await dashboardAccess(`seller:${seller.id}`);
  if (access === 'signed_out') redirect(`/sellers/${seller.id}/sign-in`);
  const [t, locale, keys] = await Promise.all([
    getT('seller'),
    getLocale(),
    getDb().then((db) => listAgentKeys(db, seller.id)),
  ]);
  return (
    <div className="space-y-6">
      <AccessNote realm={`seller:${seller.id}`} access={access} />
      <header className="space-y-2">
        <Link href={`/sellers/${seller.id}`} className="text-sm text-muted hover:text-ink">
          ← {seller.profile.name}
        </Link>
        <h1 className="text-2xl font-semibold">{t('agentsTitle')}</h1>
        <p className="max-w-3xl text-sm text-muted">{t('agentsLead')}</p>
        <p className="text-sm">
          {t('apiBase')}{' '}
          <code className="font-mono text-xs">{`${config().origin}/sellers/${seller.id}`}</code>
        </p>
      </header>
      <IssueKeyForm sellerId={seller.id} action={issueAgentKeyAction} />
      <DataTable
        id="agent-keys"
        title={t('agentsTitle')}
        rows={keys}
        rowKey={(k) => k.id}
        empty={t('agentsEmpty')}
        columns={[
          {
            header: t('colLabel'),
            cell: (k) => (
              <div className="space-y-0.5">
                <p className="font-medium">{k.label}</p>
                <Mono value={k.id} />
              </div>
            ),
          },
          { header: t('colKey'), cell: (k) => <span className="font-mono text-xs">…{k.keyHint}</span> },
          {
            header: t('colWebhook'),
            cell: (k) =>
              k.webhookUrl ? <Mono value={k.webhookUrl} /> : <span className="text-muted">—</span>,
          },
          {
            header: t('colLastUsed'),
            cell: (k) => (
              <span className="whitespace-nowrap text-muted">
                {k.lastUsedAt ? when(k.lastUsedAt, locale) : t('never')}
              </span>
            ),
          },
          {
            header: t('colIssued'),
            cell: (k) => <span className="whitespace-nowrap text-muted">{when(k.createdAt, locale)}</span>,
          },
          {
            header: t('colKeyStatus'),
            cell: (k) => (k.revokedAt ? <span className="text-bad">{t('revoked')}</span> : t('active')),
          },
          {
            header: t('colActions'),
            cell: (k) =>
              k.revokedAt ? null : (
                <div className="flex gap-2">
                  <KeyButton
                    sellerId={seller.id}
                    keyId={k.id}
                    action={rotateAgentKeyAction}
                    label={t('rotate')}
                  />
                  <KeyButton
                    sellerId={seller.id}
                    keyId={k.id}
                    action={revokeAgentKeyAction}
                    label={t('revoke')}
                    tone="danger"
                  />
                </div>
              ),
          },
        ]}
      />
    </div>
  );
}
