import { invalidRequest } from './errors';

/** A decoded Stripe request: nested objects, arrays and string leaves, as `qs` would build them. */
export type ParamValue = string | ParamValue[] | { [key: string]: ParamValue };
export type Params = { [key: string]: ParamValue };

const MAX_DEPTH = 8;
const MAX_PAIRS = 2000;
/** Hashes whose keys are the caller's own: numeric keys there stay keys, never become array slots. */
const FREE_FORM = new Set(['metadata', 'shared_metadata']);

function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  const rest = key.slice(open);
  const pattern = /\[([^\]]*)\]/g;
  let consumed = 0;
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
    if (match.index !== consumed) break;
    segments.push(match[1]);
    consumed = pattern.lastIndex;
  }
  if (consumed !== rest.length) throw invalidRequest(`Invalid parameter name: ${key}`);
  if (segments.length > MAX_DEPTH) throw invalidRequest(`Parameter ${key} is nested too deeply.`);
  return segments;
}

function isHash(value: ParamValue | undefined): value is { [key: string]: ParamValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assign(target: Params, segments: string[], value: string, fullKey: string) {
  let node: Params | ParamValue[] = target;
  for (let i = 0; i < segments.length; i++) {
    const last = i === segments.length - 1;
    const segment = segments[i];
    if (Array.isArray(node)) {
      // `a[]=x`: append; `a[][b]=x` starts a new element unless the last one lacks `b`.
      if (segment !== '') throw invalidRequest(`Invalid array parameter: ${fullKey}`);
      if (last) {
        node.push(value);
        return;
      }
      const tail: ParamValue | undefined = node[node.length - 1];
      const nextKey = segments[i + 1];
      if (isHash(tail) && !(nextKey in tail)) node = tail;
      else {
        const fresh: Params = {};
        node.push(fresh);
        node = fresh;
      }
      continue;
    }
    if (segment === '') throw invalidRequest(`Invalid parameter name: ${fullKey}`);
    if (last) {
      if (node[segment] !== undefined && typeof node[segment] !== 'string')
        throw invalidRequest(`Invalid value for ${fullKey}: it is also given as a hash.`);
      node[segment] = value;
      return;
    }
    const wantsArray = segments[i + 1] === '';
    const existing: ParamValue | undefined = node[segment];
    if (existing === undefined || existing === '') node[segment] = wantsArray ? [] : {};
    else if (typeof existing === 'string' || Array.isArray(existing) !== wantsArray) {
      throw invalidRequest(
        `Invalid value for ${fullKey}: ${segments.slice(0, i + 1).join('.')} is given twice in different shapes.`,
      );
    }
    node = node[segment] as Params | ParamValue[];
  }
}

/** `{0: a, 1: b}` → `[a, b]`: how `expand[0]=a&expand[1]=b` (stripe-node's encoding) becomes a list. */
function normalise(value: ParamValue, key: string): ParamValue {
  if (Array.isArray(value)) return value.map((v) => normalise(v, ''));
  if (!isHash(value)) return value;
  const keys = Object.keys(value);
  if (!FREE_FORM.has(key) && keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => normalise(value[String(index)], ''));
  }
  const out: Params = {};
  for (const k of keys) out[k] = FREE_FORM.has(key) ? value[k] : normalise(value[k], k);
  return out;
}

/** Decodes `application/x-www-form-urlencoded` with Stripe's bracket notation into nested params. */
export function parseForm(encoded: string): Params {
  const search = new URLSearchParams(encoded.startsWith('?') ? encoded.slice(1) : encoded);
  const params: Params = {};
  let pairs = 0;
  for (const [key, value] of search) {
    if (++pairs > MAX_PAIRS) throw invalidRequest('Too many parameters.');
    assign(params, splitKey(key), value, key);
  }
  return normalise(params, '') as Params;
}

/** Stripe takes form bodies; JSON is accepted too so hand-written calls from tests and tools work. */
export function parseBody(text: string, contentType: string | null): Params {
  if (!text) return {};
  if (contentType?.includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw invalidRequest('Invalid JSON body.');
    }
    if (!isHash(parsed as ParamValue)) throw invalidRequest('The request body must be an object.');
    return parsed as Params;
  }
  return parseForm(text);
}
