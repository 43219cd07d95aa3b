import type { Doc } from '../corpus/types.js';
import { MAX_PATH_LENGTH, parseDocAddress, type DocAddress } from './paths.js';
import type { Runtime } from './runtime.js';

/**
 * Every URL we print must read back. WorkOS docs URLs parse into paths (paths.ts), but docs from
 * other sources carry their own canonical URL — an SDK README's is its repository
 * (`https://github.com/workos/authkit-nextjs`, `…/widgets/tree/HEAD/packages/widgets`) — and search
 * printed those with `#anchor` while `read` answered "No doc". This maps each doc's own URL back to
 * its path; the URL is only a key into the in-memory corpus, never fetched.
 */

/** `https://www.GitHub.com/a/b/` -> `github.com/a/b`; `.git`, `/tree/main` and `/blob/main/README.md` folded. */
export function urlKey(url: string): string | undefined {
  const m = /^(?:https?:)?\/\/(?:www\.)?([^/?#\s]+)([^?#\s]*)/i.exec(url.trim());
  if (!m) return undefined;
  const path = m[2]
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    // GitHub shows a repository's README at its root, `/tree/<branch>` and `/blob/<branch>/README.md`.
    .replace(/\/(?:tree\/(?:main|master|HEAD)|blob\/(?:main|master|HEAD)\/readme\.md)$/i, '');
  return `${m[1]}${path}`.toLowerCase();
}

const cache = new WeakMap<Runtime, Map<string, string>>();

/** Doc URL key -> doc path, for docs whose URL is not a WorkOS docs URL; built once per runtime. */
function urlIndex(runtime: Runtime): Map<string, string> {
  let index = cache.get(runtime);
  if (!index) {
    index = new Map();
    for (const doc of runtime.corpus.docs as Doc[]) {
      const key = urlKey(doc.url);
      // Two docs with one URL (never seen): the first keeps it, like duplicate paths at build.
      if (key && !index.has(key)) index.set(key, doc.path);
    }
    cache.set(runtime, index);
  }
  return index;
}

/**
 * A doc address from anything we print or a user pastes: a doc's own URL (with `#anchor`), else
 * the WorkOS docs forms parseDocAddress understands.
 */
export function resolveDocAddress(runtime: Runtime, raw: string): DocAddress {
  if (raw.length <= MAX_PATH_LENGTH && /^\s*(?:https?:)?\/\//i.test(raw)) {
    const hash = raw.indexOf('#');
    const key = urlKey(hash >= 0 ? raw.slice(0, hash) : raw);
    const path = key === undefined ? undefined : urlIndex(runtime).get(key);
    if (path !== undefined) {
      let anchor = hash >= 0 ? raw.slice(hash + 1).trim() : '';
      try {
        anchor = decodeURIComponent(anchor);
      } catch {
        /* keep as given */
      }
      return { path, anchor: anchor || undefined };
    }
  }
  return parseDocAddress(raw);
}
