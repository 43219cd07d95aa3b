import { editDistance } from './edit-distance.js';
import type { DocSuggestion } from './errors.js';
import type { Runtime } from './runtime.js';

const MAX_SUGGESTIONS = 5;

function tokens(path: string): string[] {
  return path
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1);
}

/** 0..1, higher is closer: edit distance on the whole path blended with shared path words. */
export function pathSimilarity(asked: string, candidate: string): number {
  const a = asked.toLowerCase();
  const edit = 1 - editDistance(a, candidate) / Math.max(a.length, candidate.length, 1);
  const askedTokens = tokens(a);
  const candTokens = new Set(tokens(candidate));
  const shared = askedTokens.filter(
    (t) => candTokens.has(t) || [...candTokens].some((c) => c.startsWith(t) || t.startsWith(c)),
  );
  const overlap = askedTokens.length > 0 ? shared.length / askedTokens.length : 0;
  const lastAsked = a.split('/').pop() ?? '';
  const lastBonus = lastAsked !== '' && candidate.split('/').pop() === lastAsked ? 0.3 : 0;
  return 0.5 * edit + 0.5 * overlap + lastBonus;
}

/** The docs a caller most likely meant: best path matches first, then search hits for the path's words. */
export function suggestDocs(runtime: Runtime, asked: string): DocSuggestion[] {
  const clipped = asked.slice(0, 200);
  const byPath = runtime.corpus.docs
    .map((doc) => ({ doc, score: pathSimilarity(clipped, doc.path) }))
    .filter((x) => x.score >= 0.45)
    .sort((x, y) => y.score - x.score || x.doc.path.localeCompare(y.doc.path))
    .slice(0, 3)
    .map((x) => ({ path: x.doc.path, title: x.doc.title }));
  const words = tokens(clipped).join(' ');
  const bySearch =
    words === ''
      ? []
      : runtime.searcher
          .search(words, { limit: MAX_SUGGESTIONS })
          .results.map((r) => ({ path: r.path, title: r.title }));
  const seen = new Set<string>();
  const merged: DocSuggestion[] = [];
  for (const s of [...byPath, ...bySearch]) {
    if (seen.has(s.path)) continue;
    seen.add(s.path);
    merged.push(s);
  }
  return merged.slice(0, MAX_SUGGESTIONS);
}
