import GithubSlugger from 'github-slugger';
import type { Doc, Section } from '../corpus/types.js';

/**
 * The docs site addresses a section by its heading path, not by a `#fragment`:
 * `workos.com/docs/authkit/sessions/configuring-sessions/sign-out-redirect` is the "Sign-out redirect"
 * section under "Configuring Sessions" of `authkit/sessions`. The docs link to each other that way,
 * so `read` must resolve it. Each path segment is the slug of one heading level, not de-duplicated
 * (the path already tells `custom-attributes/custom-attributes` apart, where our anchor says
 * `custom-attributes-1`), or the heading's `{{ "url" }}` annotation, which is our anchor.
 */

/**
 * The docs site's slug: every run of other characters becomes one `-` (`dsync.activated` ->
 * `dsync-activated`, `OAuth 2.0` -> `oauth-2-0`), where github-slugger drops them (`dsyncactivated`).
 */
export function siteSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The ways one heading can be named in a site path: its anchor, its text's slug without
 * de-duplication, by our rule and the site's, and without a trailing `(…)` — ingest names merged
 * per-framework variants "Add a callback endpoint (nodejs, ruby, python)", the site does not.
 */
function levelNames(section: Section): Set<string> {
  const bare = section.heading.replace(/\s*\([^)]*\)\s*$/, '');
  return new Set([
    section.anchor.toLowerCase(),
    new GithubSlugger().slug(section.heading),
    siteSlug(section.heading),
    siteSlug(bare),
  ]);
}

/** For each section of `doc`, the names of each level of its heading path (itself last). */
function siteChains(doc: Doc): { section: Section; chain: Set<string>[] }[] {
  const out: { section: Section; chain: Set<string>[] }[] = [];
  const stack: { depth: number; names: Set<string> }[] = [];
  for (const section of doc.sections) {
    if (section.depth <= 0) continue;
    while (stack.length > 0 && stack[stack.length - 1].depth >= section.depth) stack.pop();
    stack.push({ depth: section.depth, names: levelNames(section) });
    out.push({ section, chain: stack.map((s) => s.names) });
  }
  return out;
}

/**
 * The anchor of the section that `segments` (the part of a site path after the doc's own path)
 * names in `doc`, or undefined. The whole heading path wins; else a path that skips levels but ends
 * at the section (`sso/login-flows/configure-idp-initiated-sso` for a section two levels down);
 * else the last segment alone, when it names exactly one section.
 */
export function sectionAtSitePath(doc: Doc, segments: string[]): string | undefined {
  if (segments.length === 0) return undefined;
  const wanted = segments.map((s) => s.toLowerCase());
  const chains = siteChains(doc);
  const exact = chains.find(
    ({ chain }) => chain.length === wanted.length && chain.every((names, i) => names.has(wanted[i])),
  );
  if (exact) return exact.section.anchor;
  const last = wanted[wanted.length - 1];
  const ending = chains.filter(({ chain }) => chain[chain.length - 1].has(last));
  const inOrder = ending.filter(({ chain }) => isSubsequence(wanted, chain));
  if (inOrder.length >= 1) return inOrder[0].section.anchor;
  if (ending.length === 1) return ending[0].section.anchor;
  // A deeper level the headings do not have (an event inside "Directory events", a heading since
  // renamed): the deepest section the path does name, rather than nothing.
  return wanted.length > 1 ? sectionAtSitePath(doc, wanted.slice(0, -1)) : undefined;
}

/** Every wanted segment names a level of `chain`, in order. */
function isSubsequence(wanted: string[], chain: Set<string>[]): boolean {
  let i = 0;
  for (const names of chain) if (i < wanted.length && names.has(wanted[i])) i++;
  return i === wanted.length;
}

/**
 * Old site paths the docs still link to, renamed since: the site redirects them, and so do we.
 * `user-management` became AuthKit (guides and API reference alike); `<product>/guide` was a
 * product's quick start, now the product's own page.
 */
const RENAMED: [RegExp, string][] = [
  [/^(reference\/)?user-management(?=\/|$)/, '$1authkit'],
  [/\/guide$/, ''],
  [/^authkit\/authkit(?=\/|$)/, 'authkit'],
];

/**
 * The doc (and section) a site path names when no doc has that exact path: the longest doc path it
 * starts with, the rest naming a section; old paths are renamed first. `anchor` is the `#fragment`
 * the caller gave, which wins over a section the path names.
 */
export function docAtSitePath(
  docsByPath: ReadonlyMap<string, Doc>,
  path: string,
  anchor: string | undefined,
): { doc: Doc; anchor?: string } | undefined {
  let renamed = path;
  for (const [from, to] of RENAMED) renamed = renamed.replace(from, to);
  const direct = renamed !== path ? docsByPath.get(renamed) : undefined;
  if (direct) return { doc: direct, anchor };
  const segments = renamed.split('/');
  for (let cut = segments.length - 1; cut > 0; cut--) {
    const doc = docsByPath.get(segments.slice(0, cut).join('/'));
    if (!doc) continue;
    const section = sectionAtSitePath(doc, segments.slice(cut));
    if (section !== undefined) return { doc, anchor: anchor ?? section };
    break;
  }
  // A level the site has since dropped: `rbac/assignments/idp-role-assignment` is `rbac/idp-role-assignment`.
  const outer =
    segments.length > 2 ? docsByPath.get(`${segments[0]}/${segments[segments.length - 1]}`) : undefined;
  if (outer) return { doc: outer, anchor };
  // The API reference addresses an object by its anchor alone (`reference/organization-domain` is
  // the "Organization domain" object of `reference/domain-verification`): the one page that has it.
  if (segments.length === 2 && segments[0] === 'reference') {
    const holders = [...docsByPath.values()].filter(
      (d) =>
        d.path.startsWith('reference/') && d.sections.some((x) => x.depth > 0 && x.anchor === segments[1]),
    );
    if (holders.length === 1) return { doc: holders[0], anchor: anchor ?? segments[1] };
  }
  return undefined;
}
