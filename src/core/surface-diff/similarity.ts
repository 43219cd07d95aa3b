import type { DiffSymbol } from './types.js';

/** `verifyOrganizationDomain` -> [verify, organization, domain]; `MFA`/`mfa` -> [mfa]. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((t) => t.toLowerCase());
}

export function jaccard<T>(a: Iterable<T>, b: Iterable<T>): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 0;
  let common = 0;
  for (const x of sa) if (sb.has(x)) common++;
  return common / (sa.size + sb.size - common);
}

/**
 * How alike two names are, 0..1: shared camel-case words, and the forms renames take in practice —
 * one name inside the other (`portal` in `adminPortal`, `verify` in `verifyOrganizationDomain`)
 * and an acronym of the other (`mfa` for `multiFactorAuth`).
 */
export function nameSimilarity(a: string, b: string): number {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  let score = jaccard(ta, tb);
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length > 0 && short.every((t) => long.includes(t))) score = Math.max(score, 0.6);
  const initials = (ts: string[]): string => ts.map((t) => t[0]).join('');
  if (short.length === 1 && long.length > 1 && short[0] === initials(long)) score = Math.max(score, 0.7);
  return score;
}

/** Every option field name a symbol accepts, across overloads and union members. */
export function fieldNames(symbol: DiffSymbol): string[] {
  return symbol.signatures.flatMap((s) => s.params.flatMap((p) => (p.fields ?? []).map((f) => f.name)));
}

/**
 * What a caller writes: the field names of object parameters and the names of the others, so
 * `(organizationId: string)` and `({ organizationId })` have the same shape.
 */
function shapeNames(symbol: DiffSymbol): string[] {
  return symbol.signatures.flatMap((s) =>
    s.params.flatMap((p) => (p.fields?.length ? p.fields.map((f) => f.name) : [p.name])),
  );
}

/** Named option types (`EnrollAuthFactorOptions`); inline object types and primitives name nothing. */
function namedTypes(symbol: DiffSymbol): Set<string> {
  const out = new Set<string>();
  for (const s of symbol.signatures)
    for (const p of s.params)
      if (p.fields?.length && /^[A-Z]\w*(<.*>)?$/.test(p.type.trim())) out.add(p.type.trim());
  return out;
}

/** The options type both take, when they take the same named one. */
export function sharedOptionsType(a: DiffSymbol, b: DiffSymbol): string | undefined {
  const ta = namedTypes(a);
  return [...namedTypes(b)].find((t) => ta.has(t));
}

/**
 * How alike two call shapes are, 0..1, and how many
 * fields the evidence rests on: `(id: string)` against `(id: string)` is weak, five shared
 * option fields are not.
 */
export function signatureSimilarity(a: DiffSymbol, b: DiffSymbol): { score: number; fields: number } {
  const sa = shapeNames(a);
  const sb = shapeNames(b);
  const fields = Math.min(new Set(sa).size, new Set(sb).size);
  // A shared named type (`PaginationOptions`) is no evidence by itself: many methods take the same one.
  if (sa.length === 0 && sb.length === 0) return { score: 1, fields: 0 };
  return { score: jaccard(sa, sb), fields };
}

/** Verbs every API uses: sharing only one of these says nothing about two methods being one. */
const GENERIC_WORDS = new Set([
  'list',
  'get',
  'create',
  'update',
  'delete',
  'set',
  'add',
  'remove',
  'find',
  'by',
  'id',
]);

/** Names that share a meaningful word, or where one is inside (or an acronym of) the other. */
export function namesRelated(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.some((t) => !GENERIC_WORDS.has(t) && tb.some((u) => u === t || u === `${t}s` || t === `${u}s`)))
    return true;
  return nameSimilarity(a, b) >= 0.6;
}

export function sameEndpoint(a: DiffSymbol, b: DiffSymbol): boolean {
  if (!a.endpoint || !b.endpoint) return false;
  const norm = (p: string): string => p.replace(/\{[^}]*\}|:[\w]+/g, '{}').replace(/\/+$/, '');
  return (
    a.endpoint.method.toUpperCase() === b.endpoint.method.toUpperCase() &&
    norm(a.endpoint.path) === norm(b.endpoint.path)
  );
}

export interface Scored<T> {
  from: T;
  to: T;
  score: number;
}

/**
 * One-to-one pairs, best first (greedy on score, ties by the input order so results are stable).
 * Each leftover `to` that its best `from` wanted almost as much is reported as an alternative.
 */
export function pairUp<T>(
  candidates: Scored<T>[],
  closeness = 0.2,
): { pairs: Scored<T>[]; also: Map<T, T[]> } {
  const sorted = candidates.map((c, i) => ({ c, i })).sort((x, y) => y.c.score - x.c.score || x.i - y.i);
  const usedFrom = new Set<T>();
  const usedTo = new Set<T>();
  const pairs: Scored<T>[] = [];
  for (const { c } of sorted) {
    if (usedFrom.has(c.from) || usedTo.has(c.to)) continue;
    usedFrom.add(c.from);
    usedTo.add(c.to);
    pairs.push(c);
  }
  const also = new Map<T, T[]>();
  for (const p of pairs) {
    const near = candidates
      .filter((c) => c.from === p.from && !usedTo.has(c.to) && c.score >= p.score - closeness)
      .map((c) => c.to);
    if (near.length > 0) also.set(p.from, near);
  }
  return { pairs, also };
}
