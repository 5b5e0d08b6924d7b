import {
  AcpProblem,
  acpReply,
  type AcpReply,
  bearerToken,
  invalidRequest,
  readBodyText,
  refuseUnstorableText,
} from '@/lib/acp/server';
import { guardFor, keyMatches } from '@/lib/operator/access';
import type { Db } from '@/lib/db/client';
import {
  AgentKeyRequest,
  issueAgentKey,
  listAgentKeys,
  revokeAgentKey,
  rotateAgentKey,
  type AgentKeyView,
  type IssuedAgentKey,
} from './agents';
import type { Seller } from './context';

/**
 * The seller admin API, `/sellers/{id}/admin/agent_keys`: what the dashboard's Agents page does,
 * for scripts. `Authorization: Bearer <SELLER_{ID}_ADMIN_KEY>`; on a loopback origin without that
 * key the local demo is open. Every POST must be `Content-Type: application/json`, so no other
 * site's form can reach it through a browser. Errors use ACP's flat format like the rest.
 */

const KEY_ID = /^agt_[a-f0-9]{16}$/;

const viewJson = (k: AgentKeyView) => ({
  id: k.id,
  label: k.label,
  key_hint: k.keyHint,
  webhook_url: k.webhookUrl,
  created_at: k.createdAt.toISOString(),
  last_used_at: k.lastUsedAt?.toISOString() ?? null,
  rotated_at: k.rotatedAt?.toISOString() ?? null,
  revoked_at: k.revokedAt?.toISOString() ?? null,
});

const issuedJson = (k: IssuedAgentKey) => ({
  id: k.id,
  api_key: k.apiKey,
  ...(k.webhookSecret ? { webhook_secret: k.webhookSecret } : {}),
});

function refuseUnlessOperator(request: Request, seller: Seller): void {
  if (keyMatches(guardFor(`seller:${seller.id}`), bearerToken(request))) return;
  throw new AcpProblem(
    401,
    {
      type: 'invalid_request',
      code: 'unauthorized',
      message: `Send this seller's admin key (SELLER_…_ADMIN_KEY) as \`Authorization: Bearer <key>\`.`,
    },
    { 'WWW-Authenticate': 'Bearer realm="seller-admin"' },
  );
}

async function jsonBody(request: Request): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type')?.trim() ?? ''))
    throw invalidRequest('unsupported_media_type', 'Send `Content-Type: application/json`.', undefined, 415);
  const text = await readBodyText(request, 16 * 1024);
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest('invalid_json', 'The request body is not valid JSON.');
  }
  refuseUnstorableText(value);
  return value;
}

const notFound = () => invalidRequest('not_found', 'No such agent key.', undefined, 404);

export async function handleAdminRequest(
  db: Db,
  seller: Seller,
  request: Request,
  parts: string[],
): Promise<AcpReply> {
  refuseUnlessOperator(request, seller);
  const [collection, id, action] = parts;
  if (collection !== 'agent_keys' || parts.length > 3)
    throw invalidRequest('not_found', 'No such endpoint.', undefined, 404);
  if (parts.length === 1) {
    if (request.method === 'GET')
      return acpReply(200, { data: (await listAgentKeys(db, seller.id)).map(viewJson) });
    if (request.method !== 'POST') throw methodNotAllowed('GET,POST');
    const parsed = AgentKeyRequest.safeParse(await jsonBody(request));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalidRequest(
        'invalid_request',
        issue.message,
        `$.${issue.path.join('.') || ''}`.replace(/\.$/, ''),
      );
    }
    const issued = await issueAgentKey(db, seller.id, {
      label: parsed.data.label,
      webhookUrl: parsed.data.webhook_url,
      webhookSecret: parsed.data.webhook_secret,
    });
    return acpReply(201, issuedJson(issued));
  }
  if (!KEY_ID.test(id ?? '') || (action !== 'revoke' && action !== 'rotate')) throw notFound();
  if (request.method !== 'POST') throw methodNotAllowed('POST');
  await jsonBody(request);
  if (action === 'revoke') {
    const revoked = await revokeAgentKey(db, seller.id, id);
    if (!revoked) throw notFound();
    return acpReply(200, viewJson(revoked));
  }
  const rotated = await rotateAgentKey(db, seller.id, id);
  if (!rotated)
    throw invalidRequest(
      'not_found',
      'No such active agent key (revoked keys stay revoked).',
      undefined,
      404,
    );
  return acpReply(200, issuedJson(rotated));
}

function methodNotAllowed(methods: string): AcpProblem {
  return new AcpProblem(
    405,
    { type: 'invalid_request', code: 'method_not_allowed', message: `Use ${methods.replace(',', ' or ')}.` },
    { Allow: methods },
  );
}
