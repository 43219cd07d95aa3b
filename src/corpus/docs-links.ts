import type { ApiSymbol, DocsSdkLink, SdkSurface } from './sdk-surface.js';
import type { Doc, ReferenceEntry } from './types.js';
import { parseDocsTitle } from './sdk-names.js';

export { parseDocsTitle };

/**
 * Links every docs reference method of the js language to the SDK surface: an exact match, a
 * proposed match found by structure, or none. No rename table: a renamed namespace is found by
 * comparing the methods the docs list under it with each SDK namespace's methods (and the names),
 * a renamed method by name tokens within the namespace, the JSDoc summary against the page title,
 * the parameters, and an HTTP endpoint when the JSDoc names one.
 */
export function linkDocsToSurfaces(docs: Doc[], surfaces: SdkSurface[]): DocsSdkLink[] {
  const methods = docsMethods(docs);
  const client = surfaces.find((s) => s.client);
  const links: DocsSdkLink[] = [];
  const nsMap = client ? namespaceMap(methods, client) : new Map<string, { to: string; why: string }>();
  for (const m of methods) {
    if (m.namespace) {
      if (client) links.push(linkMethod(m, client, nsMap));
    } else {
      const link = linkExport(m, surfaces, methods);
      if (link) links.push(link);
    }
  }
  return links;
}

export interface DocsMethod {
  doc: Doc;
  entry: ReferenceEntry;
  /** The curl entry of the same operation, for its endpoint. */
  http?: ReferenceEntry;
  namespace?: string;
  name: string;
}

export function docsMethods(docs: Doc[]): DocsMethod[] {
  const out: DocsMethod[] = [];
  for (const doc of docs) {
    for (const entry of doc.reference) {
      if (entry.language !== 'js') continue;
      const parsed = parseDocsTitle(entry.title);
      if (!parsed) continue;
      const http = doc.reference.find((r) => r.language === 'curl' && r.id === entry.id && r.endpoint);
      out.push({ doc, entry, ...(http ? { http } : {}), ...parsed });
    }
  }
  return out;
}

/** camelCase/snake words, lower-cased, plural `s` dropped: `organizationDomains` -> organization, domain. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

const STOP = new Set(['a', 'an', 'the', 'of', 'for', 'to', 'by', 'in', 'on', 'with', 'and', 'or']);

function overlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  const shared = new Set(a.filter((w) => sb.has(w))).size;
  return shared / new Set([...a, ...b]).size;
}

/** How alike two namespace names are: containment (`portal` in `adminPortal`), initials (`mfa`), shared words. */
function namespaceNameSimilarity(docsNs: string, sdkNs: string): number {
  const a = docsNs.toLowerCase();
  const b = sdkNs.toLowerCase();
  if (a === b) return 1;
  if (b.includes(a) || a.includes(b)) return 0.8;
  const initials = sdkNs.replace(/[a-z0-9]/g, '').toLowerCase();
  if (initials.length > 1 && (sdkNs[0].toLowerCase() + initials.slice(1) === a || initials === a)) return 0.8;
  return overlap(words(docsNs), words(sdkNs));
}

/** SDK method groups: client namespaces and exported classes' members. */
function sdkGroups(surface: SdkSurface): Map<string, ApiSymbol[]> {
  const groups = new Map<string, ApiSymbol[]>();
  for (const s of surface.symbols) {
    if (s.kind !== 'method' || !s.namespace) continue;
    const list = groups.get(s.namespace) ?? [];
    list.push(s);
    groups.set(s.namespace, list);
  }
  return groups;
}

/** Each docs namespace missing from the SDK -> the SDK namespace sharing the most method names (and name likeness). */
function namespaceMap(methods: DocsMethod[], surface: SdkSurface): Map<string, { to: string; why: string }> {
  const groups = sdkGroups(surface);
  const docsNs = new Map<string, string[]>();
  for (const m of methods)
    if (m.namespace) docsNs.set(m.namespace, [...(docsNs.get(m.namespace) ?? []), m.name]);
  const map = new Map<string, { to: string; why: string }>();
  for (const [ns, names] of docsNs) {
    if (groups.has(ns)) continue;
    let best: { to: string; score: number; shared: number } | undefined;
    for (const [candidate, symbols] of groups) {
      const own = new Set(symbols.map((s) => s.name));
      const shared = names.filter((n) => own.has(n)).length;
      const score = (2 * shared) / names.length + namespaceNameSimilarity(ns, candidate);
      if (!best || score > best.score) best = { to: candidate, score, shared };
    }
    if (best && best.score >= 1) {
      map.set(ns, {
        to: best.to,
        why: `namespace ${ns} → ${best.to} (${best.shared}/${names.length} of the docs' ${ns} methods exist there by name)`,
      });
    }
  }
  return map;
}

function endpointKey(method: string | undefined, path: string | undefined): string {
  return `${(method ?? '').toUpperCase()} ${(path ?? '').replace(/\{[^}]+\}|:[A-Za-z_]+/g, '{}').replace(/\/+$/, '')}`;
}

function paramNames(entry: ReferenceEntry): string[] {
  return entry.parameters.flatMap((p) => [p.name, ...(p.children ?? []).map((c) => c.name)]);
}

function symbolParamNames(s: ApiSymbol): string[] {
  const sig = s.signatures.at(-1);
  return (sig?.params ?? []).flatMap((p) => [p.name, ...(p.fields ?? []).map((f) => f.name)]);
}

interface Scored {
  symbol: ApiSymbol;
  score: number;
  basis: string[];
}

/** Below this a candidate is not proposed: "none" is more honest than a guess. */
const PROPOSE_AT = 3.5;
/** Candidates this close to the best are alternatives (one docs method split into two SDK methods). */
const TIE_WITHIN = 0.35;

function scoreCandidate(m: DocsMethod, s: ApiSymbol, mappedNs: string | undefined): Scored {
  const basis: string[] = [];
  let score = 0;
  if (s.namespace && (s.namespace === m.namespace || s.namespace === mappedNs)) {
    score += 3;
  }
  const docsWords = words(m.name);
  const nsWords = words(m.namespace ?? '');
  const own = words(s.name);
  const coverage = docsWords.filter((w) => own.includes(w)).length / Math.max(1, docsWords.length);
  const precision =
    own.filter((w) => docsWords.includes(w) || nsWords.includes(w)).length / Math.max(1, own.length);
  // Every word the docs use should be there (coverage); extra SDK words cost less, and words of the
  // docs' namespace count (`organizationDomains.verify` -> `verifyOrganizationDomain`).
  let name = s.name === m.name ? 1 : coverage * (0.5 + 0.5 * precision);
  if (own[0] !== docsWords[0]) name *= 0.5;
  score += 3 * name;
  if (s.name === m.name) {
    // The same method name under another namespace: the method moved (`featureFlags.listUserFeatureFlags`).
    score += 2.5;
    basis.push(`same method name under ${s.namespace}`);
  } else if (name >= 0.7 || (name >= 0.5 && s.namespace === m.namespace))
    basis.push(`method name ${m.name} ~ ${s.name}`);
  const summary = overlap(words(s.summary), words(m.doc.title));
  score += 2 * summary;
  if (summary >= 0.6) basis.push(`JSDoc summary "${s.summary}" ~ page title "${m.doc.title}"`);
  if (
    s.endpoint &&
    m.http &&
    endpointKey(s.endpoint.method, s.endpoint.path) === endpointKey(m.http.httpMethod, m.http.endpoint)
  ) {
    score += 4;
    basis.push(`same endpoint ${s.endpoint.method} ${s.endpoint.path}`);
  }
  const params = overlap(paramNames(m.entry), symbolParamNames(s));
  score += params;
  // Between equals, point at what the SDK wants used, not at what it is phasing out.
  if (s.deprecated !== undefined) score -= 0.5;
  return { symbol: s, score, basis };
}

function linkMethod(
  m: DocsMethod,
  surface: SdkSurface,
  nsMap: Map<string, { to: string; why: string }>,
): DocsSdkLink {
  const base = {
    docPath: m.doc.path,
    entryId: m.entry.id,
    docsTitle: m.entry.title,
    docsName: `${m.namespace}.${m.name}`,
    package: surface.package,
    version: surface.version,
  };
  const exact = surface.symbols.find((s) => s.kind === 'method' && s.qualifiedName === base.docsName);
  if (exact) return { ...base, status: 'exact', symbol: exact.qualifiedName };
  const mapped = nsMap.get(m.namespace ?? '');
  const scored = surface.symbols
    .filter((s) => s.kind === 'method' && s.namespace)
    .map((s) => scoreCandidate(m, s, mapped?.to))
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  const basisOf = (c: Scored): string[] => [
    ...(mapped && c.symbol.namespace === mapped.to ? [mapped.why] : []),
    ...c.basis,
  ];
  // A proposal needs a reason a reader can check, not just a total.
  if (!best || best.score < PROPOSE_AT || basisOf(best).length === 0) return { ...base, status: 'missing' };
  const alternatives = scored
    .slice(1)
    .filter((c) => best.score - c.score <= TIE_WITHIN && c.score >= PROPOSE_AT && basisOf(c).length > 0)
    .slice(0, 2)
    .map((c) => c.symbol.qualifiedName);
  const basis = basisOf(best);
  return {
    ...base,
    status: 'renamed',
    symbol: best.symbol.qualifiedName,
    ...(alternatives.length ? { alternatives } : {}),
    ...(basis.length ? { basis } : {}),
  };
}

/** A bare docs function (`withAuth()`): the package exporting most of that page's functions is the one the page documents. */
function linkExport(m: DocsMethod, surfaces: SdkSurface[], all: DocsMethod[]): DocsSdkLink | undefined {
  const siblings = all.filter((o) => !o.namespace && o.doc.path === m.doc.path).map((o) => o.name);
  const ranked = surfaces
    .map((s) => ({ s, hits: siblings.filter((n) => s.symbols.some((x) => x.qualifiedName === n)).length }))
    .sort((a, b) => b.hits - a.hits);
  const surface = ranked[0]?.hits ? ranked[0].s : undefined;
  if (!surface) return undefined;
  const base = {
    docPath: m.doc.path,
    entryId: m.entry.id,
    docsTitle: m.entry.title,
    docsName: m.name,
    package: surface.package,
    version: surface.version,
  };
  const exact = surface.symbols.find((s) => s.qualifiedName === m.name);
  if (exact) return { ...base, status: 'exact', symbol: exact.qualifiedName };
  const scored = surface.symbols
    .filter((s) => !s.namespace)
    .map((s) => ({ s, sim: overlap(words(m.name), words(s.name)) }))
    .sort((a, b) => b.sim - a.sim);
  if (!scored[0] || scored[0].sim < 0.5) return { ...base, status: 'missing' };
  return {
    ...base,
    status: 'renamed',
    symbol: scored[0].s.qualifiedName,
    basis: [`name ${m.name} ~ ${scored[0].s.name}`],
  };
}
