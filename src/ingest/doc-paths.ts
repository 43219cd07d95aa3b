import type { DocKind } from '../corpus/types.js';

export const DEFAULT_BASE_URL = 'https://workos.com/docs';

/** `sso/index.mdx` -> `sso`, `reference/organization/create.mdx` -> `reference/organization/create`, root `index` -> ''. */
export function docPathFromFile(relativeFile: string): string {
  const noExt = relativeFile
    .split(/[\\/]/)
    .join('/')
    .replace(/\.mdx?$/i, '');
  if (noExt === 'index') return '';
  return noExt.replace(/\/index$/, '');
}

/** Files that are site plumbing rather than pages: `_navigation`, `_partials/...`, demo pages. */
export function isDocumentFile(relativeFile: string): boolean {
  const segments = relativeFile.split(/[\\/]/);
  return !segments.some((s) => s.startsWith('_') || s === 'demo' || s === 'demos');
}

export function isNavigationFile(relativeFile: string): boolean {
  return /(^|[\\/])_navigation\.mdx?$/i.test(relativeFile);
}

export function docUrl(path: string, baseUrl = DEFAULT_BASE_URL): string {
  return path ? `${baseUrl}/${path}` : baseUrl;
}

export function productOf(path: string): string {
  return path.split('/')[0] || 'overview';
}

export function kindOf(path: string): DocKind {
  const first = productOf(path);
  if (first === 'reference') return 'reference';
  if (first === 'integrations') return 'integration';
  if (first === 'glossary') return 'glossary';
  if (first === 'migrate') return 'migration';
  if (first === 'changelog' || first === 'changelogs') return 'changelog';
  if (first === 'sdks' || first === 'sdk') return 'sdk';
  return 'guide';
}

/**
 * Turns a docs link into an absolute URL so answers work outside the site:
 * `/authkit/domain-verification#x` -> `https://workos.com/docs/authkit/domain-verification#x`;
 * `#anchor` -> the current page's URL with the anchor; `./sibling` resolves against the current page;
 * a bare `admin-portal` (an authoring slip the site happens to tolerate) is taken from the docs root.
 * Links with a scheme (`https:`, `mailto:`) are left alone.
 */
export function absoluteDocLink(url: string, baseUrl = DEFAULT_BASE_URL, docPath?: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url === '') return url;
  if (url.startsWith('#')) return docPath === undefined ? url : `${docUrl(docPath, baseUrl)}${url}`;
  if (url.startsWith('./') || url.startsWith('../')) {
    if (docPath === undefined) return url;
    return new URL(url, `${docUrl(docPath, baseUrl)}`).toString();
  }
  if (!url.startsWith('/')) return `${baseUrl}/${url}`;
  const origin = baseUrl.replace(/\/docs\/?$/, '');
  if (url === '/docs' || url.startsWith('/docs/') || url.startsWith('/docs#')) return origin + url;
  if (url === '/') return baseUrl;
  return baseUrl + url.replace(/\/index(?=$|[#?])/, '').replace(/\/(?=$|[#?])/, '');
}

/** A navigation link as a doc path, when it points inside the docs. */
export function navLinkToPath(url: string): string | undefined {
  if (!url.startsWith('/') || url.startsWith('//')) return undefined;
  const clean = url
    .replace(/[#?].*$/, '')
    .replace(/^\/(docs\/?)?/, '')
    .replace(/\/$/, '');
  return clean.replace(/(^|\/)index$/, '');
}

/** Rewrites `](/path)` Markdown links inside free text (YAML descriptions are Markdown strings). */
export function absolutiseMarkdownLinks(markdown: string, baseUrl = DEFAULT_BASE_URL): string {
  return markdown.replace(/\]\((\/[^)\s]*)\)/g, (_m, url: string) => `](${absoluteDocLink(url, baseUrl)})`);
}
