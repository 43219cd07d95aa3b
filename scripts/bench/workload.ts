/**
 * What both servers are asked, derived from the project's relevance set so the benchmark needs no
 * list of its own to keep in sync: its queries for search, its judged docs for workos_docs.
 */
import type { EvalQuery } from '../../harness/eval/evaluate.js';

export type CallKind = 'search' | 'search@10' | 'docs' | 'examples' | 'changelogs';

export interface Call {
  kind: CallKind;
  /** Query text, doc path or example topic. */
  input: string;
  /** Eval query id, for search calls scored for quality. */
  queryId?: string;
  /** Which measurement this call feeds; `fill` calls only make up the 1,000 for the memory figure. */
  phase: 'measure' | 'quality' | 'fill';
}

/** Topics a user asks examples for; all exist as product areas in the docs. */
export const EXAMPLE_TOPICS = [
  'sso',
  'directory-sync',
  'user-management',
  'audit-logs',
  'webhooks',
  'authkit',
  'organizations',
  'magic-auth',
  'mfa',
  'admin-portal',
];

/** The docs the latency pass reads: each query's most relevant doc, in first-seen order. */
export function docSet(queries: readonly EvalQuery[]): string[] {
  return [...new Set(queries.map((q) => q.relevant[0]))];
}

export interface WorkloadOptions {
  /** Passes over the query set and over the doc set for latency (default 2). */
  passes: number;
  /** Total calls made before the second memory reading (default 1,000). */
  totalCalls: number;
}

/**
 * The call sequence for one long-lived server: latency passes (default arguments), one quality pass
 * (depth 10), examples and changelogs, then a mixed fill (6 search : 3 docs : 1 other) up to
 * `totalCalls`. Deterministic, so both servers get exactly the same calls in the same order.
 */
export function buildWorkload(queries: readonly EvalQuery[], options: WorkloadOptions): Call[] {
  const docs = docSet(queries);
  const calls: Call[] = [];
  for (let p = 0; p < options.passes; p++) {
    for (const q of queries) calls.push({ kind: 'search', input: q.query, queryId: q.id, phase: 'measure' });
    for (const d of docs) calls.push({ kind: 'docs', input: d, phase: 'measure' });
  }
  for (const q of queries) calls.push({ kind: 'search@10', input: q.query, queryId: q.id, phase: 'quality' });
  for (const t of EXAMPLE_TOPICS) calls.push({ kind: 'examples', input: t, phase: 'measure' });
  for (let i = 0; i < 5; i++) calls.push({ kind: 'changelogs', input: 'workos-platform', phase: 'measure' });
  for (let i = 0; calls.length < options.totalCalls; i++) {
    const slot = i % 10;
    if (slot < 6)
      calls.push({ kind: 'search', input: queries[(i * 7) % queries.length].query, phase: 'fill' });
    else if (slot < 9) calls.push({ kind: 'docs', input: docs[(i * 5) % docs.length], phase: 'fill' });
    else if (i % 20 === 9)
      calls.push({ kind: 'examples', input: EXAMPLE_TOPICS[i % EXAMPLE_TOPICS.length], phase: 'fill' });
    else calls.push({ kind: 'changelogs', input: 'workos-platform', phase: 'fill' });
  }
  return calls.slice(0, Math.max(options.totalCalls, calls.length));
}
