import { InvalidArgumentError } from './errors.js';

/** Longest path or section argument we look at; anything longer is not a docs address. */
export const MAX_PATH_LENGTH = 500;

export interface DocAddress {
  /** Normalised like Doc.path: lower-case, no leading/trailing slash, no `.mdx`, no `/index`. '' is the docs root. */
  path: string;
  /** Fragment after `#`, when the caller gave one. */
  anchor?: string;
}

const DOCS_URL_PREFIX = /^(?:https?:\/\/)?(?:www\.)?workos\.com(?=\/|$)/i;
const RESOURCE_PREFIX = /^workos-docs:\/\/docs(?=\/|$)/i;

/**
 * Turns any way a person or model writes a doc address into the corpus key.
 * Accepts `sso`, `/sso`, `sso/index`, `sso.mdx`, `/docs/sso`, `https://workos.com/docs/sso`,
 * `workos-docs://docs/sso` and `sso#anchor`. The result is only ever used as a key into the
 * in-memory corpus; it never reaches the filesystem. Dot segments and NUL bytes are refused
 * outright so a traversal attempt gets a clear answer instead of a "did you mean".
 */
export function parseDocAddress(raw: string): DocAddress {
  if (raw.length > MAX_PATH_LENGTH) {
    throw new InvalidArgumentError(
      'path',
      `path is ${raw.length} characters long; doc paths are short, like "sso/jit-provisioning".`,
    );
  }
  let text = raw.trim();
  // Decode percent-escapes once so `%2e%2e` is judged like `..`; a malformed escape is kept verbatim.
  try {
    text = decodeURIComponent(text);
  } catch {
    /* keep as given */
  }
  if (text.includes('\0')) throw new InvalidArgumentError('path', 'path contains a NUL byte.');

  let anchor: string | undefined;
  const hash = text.indexOf('#');
  if (hash >= 0) {
    anchor = text.slice(hash + 1).trim() || undefined;
    text = text.slice(0, hash);
  }
  text = text.replace(/\?.*$/, '').replace(/\\/g, '/');
  text = text.replace(RESOURCE_PREFIX, '').replace(DOCS_URL_PREFIX, '');

  const segments = text.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) {
    throw new InvalidArgumentError(
      'path',
      `path "${raw.slice(0, 80)}" contains "." or ".." segments; use a docs path like "sso/jit-provisioning".`,
    );
  }
  if (segments[0]?.toLowerCase() === 'docs') segments.shift();
  if (segments.length > 0) {
    const last = segments.length - 1;
    segments[last] = segments[last].replace(/\.mdx?$/i, '');
    if (segments[last].toLowerCase() === 'index') segments.pop();
  }
  return { path: segments.join('/').toLowerCase(), anchor };
}
