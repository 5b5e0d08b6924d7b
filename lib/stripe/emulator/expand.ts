import type { RequestContext, RouteResult } from './context';
import { Reply } from './context';
import { invalidRequest } from './errors';
import { findObject, type ApiObject, type ObjectType } from './store';

const BY_PREFIX: Array<[string, ObjectType]> = [
  ['cus_', 'customer'],
  ['pm_', 'payment_method'],
  ['pi_', 'payment_intent'],
  ['seti_', 'setup_intent'],
  ['ch_', 'charge'],
  ['re_', 'refund'],
];

const MAX_DEPTH = 4;

function typeOf(id: string): ObjectType | undefined {
  return BY_PREFIX.find(([prefix]) => id.startsWith(prefix))?.[1];
}

async function expandPath(
  ctx: RequestContext,
  target: Record<string, unknown>,
  path: string[],
  full: string,
): Promise<void> {
  const [field, ...rest] = path;
  if (!(field in target))
    throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
  let value = target[field];
  if (typeof value === 'string') {
    const type = typeOf(value);
    if (!type) throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
    const found = await findObject(ctx.db, ctx.account.id, type, value);
    if (!found) return;
    value = structuredClone(found.data);
    target[field] = value;
  }
  if (rest.length === 0 || value === null || value === undefined) return;
  if (typeof value !== 'object')
    throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
  await expandPath(ctx, value as Record<string, unknown>, rest, full);
}

/** Applies `expand[]` to a response: ids become the objects they name (`data.` for lists). */
export async function applyExpand(ctx: RequestContext, result: RouteResult): Promise<RouteResult> {
  if (result instanceof Reply) return result;
  const raw = ctx.params.expand;
  if (raw === undefined || raw === '') return result;
  const paths = (Array.isArray(raw) ? raw : [raw]).filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  if (paths.length === 0) return result;
  const copy = structuredClone(result) as ApiObject;
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > MAX_DEPTH)
      throw invalidRequest(`You cannot expand more than ${MAX_DEPTH} levels of a property (${path}).`, {
        param: 'expand',
      });
    if (copy.object === 'list' && segments[0] === 'data') {
      for (const item of copy.data as ApiObject[]) await expandPath(ctx, item, segments.slice(1), path);
    } else {
      await expandPath(ctx, copy, segments, path);
    }
  }
  return copy;
}
