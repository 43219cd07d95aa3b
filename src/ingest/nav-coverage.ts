import type { Doc, NavArea, NavNode } from '../corpus/types.js';
import { productOf } from './doc-paths.js';

/**
 * The site navigation leaves pages out: `integrations/_navigation.mdx` has `links: []` (71 pages),
 * there is no navigation for `sdks/*`, `changelog/*`, `glossary`, `email`, …, and SDK READMEs or
 * any later source add docs no navigation file knows. This completes it from the docs themselves,
 * so every doc is reachable from the table of contents and from its product area:
 *
 * - a navigation link to a path that is not a doc is pointed at the one unlisted doc with the same
 *   last segment under the same parent (`…/cli-auth/device-code/error-codes` -> `…/cli-auth/error-codes`),
 *   else it keeps its title only;
 * - every product (first path segment) gets an area, so `read <product>` always answers;
 * - a page missing from its area goes under the deepest listed page its path extends
 *   (`widgets/styling/css-customization` under `widgets/styling`), else into a family of pages
 *   sharing a name part (`okta-saml`, `entra-id-saml` -> "SAML"; `authkit-nextjs`, `authkit-react` ->
 *   "AuthKit"), else into "More pages" — after the navigation's own order, titles sorted.
 *
 * Pure: returns new areas and never changes its input.
 */
export function completeNavigation(areas: NavArea[], docs: Doc[]): NavArea[] {
  const docPaths = new Set(docs.map((d) => d.path));
  const out = structuredClone(areas);
  const listed = new Set<string>();
  const walk = (nodes: NavNode[], visit: (n: NavNode) => void): void =>
    nodes.forEach((n) => {
      visit(n);
      walk(n.children, visit);
    });
  for (const area of out) walk(area.children, (n) => n.path !== undefined && listed.add(n.path));

  repairDeadLinks(out, docs, docPaths, listed);

  const byProduct = new Map<string, Doc[]>();
  for (const doc of docs) {
    const product = doc.product || productOf(doc.path);
    byProduct.set(product, [...(byProduct.get(product) ?? []), doc]);
  }
  for (const [product, productDocs] of byProduct) {
    let area = out.find((a) => a.product === product);
    if (!area) {
      area = { product, title: areaTitle(product, productDocs), children: [] };
      out.push(area);
      // A new area lists all its pages, also those the navigation shows elsewhere (`on-prem-deployment`).
      placeMissing(area, productDocs);
      productDocs.forEach((d) => listed.add(d.path));
      continue;
    }
    placeMissing(
      area,
      productDocs.filter((d) => !listed.has(d.path)),
    );
    productDocs.forEach((d) => listed.add(d.path));
  }
  return out;
}

/** Pages not yet in `area`, placed as described on completeNavigation. */
function placeMissing(area: NavArea, missing: Doc[]): void {
  const loose: Doc[] = [];
  for (const doc of sortByTitle(missing)) {
    const parent = doc.path === area.product ? undefined : deepestPrefixNode(area.children, doc.path);
    if (parent) parent.children.push(leaf(doc));
    else loose.push(doc);
  }
  // The area's own page (`glossary` in `glossary`) leads, as a loose link.
  const own = loose.filter((d) => d.path === area.product);
  area.children.unshift(...own.map(leaf));
  const rest = loose.filter((d) => d.path !== area.product);
  const { families, others } = familiesOf(rest, area.product);
  // In an area with no listing of its own the pages are the contents, not "more".
  const empty = area.children.length === own.length;
  for (const family of families) area.children.push({ title: family.title, children: family.docs.map(leaf) });
  if (others.length === 0) return;
  if (empty && families.length === 0) area.children.push(...others.map(leaf));
  else area.children.push({ title: empty ? 'Other pages' : 'More pages', children: others.map(leaf) });
}

function leaf(doc: Doc): NavNode {
  return { title: doc.title || doc.path, path: doc.path, children: [] };
}

function sortByTitle(docs: Doc[]): Doc[] {
  return [...docs].sort((a, b) => (a.title || a.path).localeCompare(b.title || b.path, 'en'));
}

/** The listed node with the longest path that `path` extends segment-wise (never the area root). */
function deepestPrefixNode(nodes: NavNode[], path: string): NavNode | undefined {
  let best: NavNode | undefined;
  const visit = (list: NavNode[]): void =>
    list.forEach((n) => {
      if (
        n.path !== undefined &&
        n.path.includes('/') &&
        path.startsWith(`${n.path}/`) &&
        (!best || n.path.length > best.path!.length)
      )
        best = n;
      visit(n.children);
    });
  visit(nodes);
  return best;
}

/** Minimum pages sharing a name part before they form a group of their own. */
const MIN_FAMILY = 3;

interface Family {
  title: string;
  docs: Doc[];
}

/**
 * Groups pages by a shared first or last part of their file name, whichever groups more pages:
 * integrations share a protocol suffix (`-saml`, `-scim`, `-oauth`), SDK pages a prefix (`authkit-`).
 */
function familiesOf(docs: Doc[], product: string): { families: Family[]; others: Doc[] } {
  const nameParts = (d: Doc): string[] => {
    const last = d.path.split('/').at(-1) ?? '';
    return last === product ? [] : last.split('-').filter(Boolean);
  };
  const pick = (position: 'first' | 'last'): Map<string, Doc[]> => {
    const groups = new Map<string, Doc[]>();
    for (const d of docs) {
      const parts = nameParts(d);
      const token = position === 'first' ? parts[0] : parts.at(-1);
      if (token) groups.set(token, [...(groups.get(token) ?? []), d]);
    }
    return new Map([...groups].filter(([, g]) => g.length >= MIN_FAMILY));
  };
  const covered = (m: Map<string, Doc[]>): number => [...m.values()].reduce((n, g) => n + g.length, 0);
  const first = pick('first');
  const last = pick('last');
  const chosen = covered(last) >= covered(first) ? last : first;
  const inFamily = new Set([...chosen.values()].flat());
  const families = [...chosen]
    .map(([token, group]) => ({ title: familyTitle(token, group), docs: group }))
    .sort((a, b) => b.docs.length - a.docs.length || a.title.localeCompare(b.title, 'en'));
  return { families, others: docs.filter((d) => !inFamily.has(d)) };
}

/** The spelling the page titles use for a name part (`saml` -> "SAML", `authkit` -> "AuthKit"). */
function familyTitle(token: string, docs: Doc[]): string {
  const spellings = new Map<string, number>();
  const word = new RegExp(`\\b${token.replace(/[^a-z0-9]/gi, '')}\\b`, 'i');
  for (const d of docs) {
    const m = word.exec(d.title);
    if (m) spellings.set(m[0], (spellings.get(m[0]) ?? 0) + 1);
  }
  const best = [...spellings].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best ?? token[0].toUpperCase() + token.slice(1);
}

/** A new area's title: its own page's title, else the breadcrumb its pages share, else the segment. */
function areaTitle(product: string, docs: Doc[]): string {
  const own = docs.find((d) => d.path === product);
  if (own?.title) return own.title;
  const spelled = docs
    .map((d) => d.breadcrumb[0] ?? '')
    .filter((b) => b.toLowerCase() === product.toLowerCase())
    // "SDKs" over "Sdks": the spelling with more capitals is the deliberate one.
    .sort((a, b) => capitals(b) - capitals(a))[0];
  return spelled ?? product.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function capitals(s: string): number {
  return (s.match(/[A-Z]/g) ?? []).length;
}

/** Navigation links to paths that are not docs: pointed at the doc they meant, or left as a title. */
function repairDeadLinks(areas: NavArea[], docs: Doc[], docPaths: Set<string>, listed: Set<string>): void {
  const fix = (nodes: NavNode[]): void =>
    nodes.forEach((n) => {
      if (n.path !== undefined && !docPaths.has(n.path)) {
        const dead = n.path;
        const segments = dead.split('/');
        const name = segments.at(-1)!;
        const candidates = docs.filter(
          (d) =>
            !listed.has(d.path) &&
            d.path.split('/').at(-1) === name &&
            dead.startsWith(`${d.path.split('/').slice(0, -1).join('/')}/`),
        );
        listed.delete(dead);
        if (candidates.length === 1) {
          n.path = candidates[0].path;
          listed.add(n.path);
        } else delete n.path;
      }
      fix(n.children);
    });
  for (const area of areas) fix(area.children);
}
