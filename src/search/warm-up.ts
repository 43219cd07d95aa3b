import type { Corpus } from '../corpus/types.js';
import { isSearchable } from './units.js';

/**
 * Questions a server can ask itself while its client is idle, so the search code is compiled and its
 * caches filled before the client's next real questions (see transports/idle-work.ts). They come
 * from the corpus alone, spread over its pages and shapes: a guide title as a question, an SDK
 * method name, an endpoint, a language-named question, so every path of the engine runs.
 */
export function warmUpQueries(corpus: Corpus, count = 100): string[] {
  const docs = corpus.docs.filter(isSearchable);
  if (docs.length === 0 || count <= 0) return [];
  const out: string[] = [];
  const step = Math.max(1, Math.floor(docs.length / count));
  for (let i = 0; out.length < count && i < docs.length; i += step) {
    const d = docs[i];
    const method = d.reference.find((r) => r.language !== 'curl');
    const endpoint = d.reference.find((r) => r.endpoint);
    switch (out.length % 4) {
      case 0:
        out.push(`how do I ${d.title.toLowerCase()}`);
        break;
      case 1:
        out.push(method ? method.title : d.title);
        break;
      case 2:
        out.push(endpoint ? `${endpoint.httpMethod ?? 'GET'} ${endpoint.endpoint}` : `${d.title} error`);
        break;
      default:
        out.push(`${d.title} in Python`);
    }
  }
  return out;
}
