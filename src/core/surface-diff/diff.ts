import {
  fieldNames,
  jaccard,
  namesRelated,
  nameSimilarity,
  pairUp,
  sameEndpoint,
  sharedOptionsType,
  signatureSimilarity,
  type Scored,
} from './similarity.js';
import type {
  Deprecation,
  DiffField,
  DiffSurface,
  DiffSymbol,
  OptionChange,
  Rename,
  SurfaceDiff,
} from './types.js';

/** Below this a pair is two different things that happen to look a little alike. */
const NAMESPACE_THRESHOLD = 0.5;
const SYMBOL_THRESHOLD = 0.5;

type Namespace = NonNullable<DiffSurface['client']>['namespaces'][number];

/**
 * What changed in an SDK's public surface between two versions, from the declarations alone:
 * namespaces and methods added, removed or renamed (matched by structure: shared methods, the
 * same HTTP endpoint, the same option fields, related names — never a hand-kept table), option
 * fields added, removed or retyped, and new deprecations.
 */
export function diffSurfaces(from: DiffSurface, to: DiffSurface): SurfaceDiff {
  const namespaces = diffNamespaces(from.client?.namespaces ?? [], to.client?.namespaces ?? []);
  // Old namespace name -> new one, so `portal.generateLink` is looked for as `adminPortal.generateLink`.
  const nsMap = new Map<string, string>(namespaces.renamed.map((r) => [r.from, r.to]));
  const renamedName = (s: DiffSymbol): string =>
    s.namespace && nsMap.has(s.namespace) ? `${nsMap.get(s.namespace)}.${s.name}` : s.qualifiedName;

  const toByName = new Map(to.symbols.map((s) => [s.qualifiedName, s]));
  const kept: [DiffSymbol, DiffSymbol][] = [];
  const gone: DiffSymbol[] = [];
  for (const s of from.symbols) {
    const same = toByName.get(renamedName(s));
    if (same) kept.push([s, same]);
    else gone.push(s);
  }
  const keptTo = new Set(kept.map(([, t]) => t));
  const fresh = to.symbols.filter((s) => !keptTo.has(s));

  const { pairs, also } = pairUp(symbolCandidates(gone, fresh, nsMap));
  const renamed: Rename[] = pairs.map((p) => ({
    from: p.from.qualifiedName,
    to: p.to.qualifiedName,
    why: symbolEvidence(p.from, p.to),
    ...alternatives(p, also.get(p.from)),
  }));
  const pairedFrom = new Set(pairs.map((p) => p.from));
  const pairedTo = new Set(pairs.map((p) => p.to));
  const matched = [...kept, ...pairs.map((p): [DiffSymbol, DiffSymbol] => [p.from, p.to])];

  const removedSymbols = gone.filter((s) => !pairedFrom.has(s));
  return {
    package: to.package,
    from: from.version,
    to: to.version,
    namespaces,
    symbols: {
      added: fresh.filter((s) => !pairedTo.has(s)).map((s) => s.qualifiedName),
      removed: removedSymbols.map((s) => s.qualifiedName),
      renamed,
    },
    // A class's own "options" are its instance members: its methods are diffed one by one instead.
    options: matched
      .filter(([, b]) => b.kind !== 'class')
      .map(([a, b]) => optionChange(a, b))
      .filter((c): c is OptionChange => c !== undefined),
    deprecated: matched.flatMap(([a, b]) => deprecations(a, b)),
    removedDeprecated: removedSymbols.filter((s) => s.deprecated !== undefined).map((s) => s.qualifiedName),
  };
}

/** Near-equal new names beside the chosen one (a method split in two), from the same namespace only. */
function alternatives(p: Scored<DiffSymbol>, near: DiffSymbol[] | undefined): { also?: string[] } {
  const also = (near ?? []).filter(
    (s) => s.namespace === p.to.namespace && namesRelated(p.from.name, s.name),
  );
  return also.length > 0 ? { also: also.map((s) => s.qualifiedName) } : {};
}

function diffNamespaces(from: Namespace[], to: Namespace[]): SurfaceDiff['namespaces'] {
  const toNames = new Set(to.map((n) => n.name));
  const fromNames = new Set(from.map((n) => n.name));
  const removed = from.filter((n) => !toNames.has(n.name));
  const added = to.filter((n) => !fromNames.has(n.name));
  const candidates: Scored<Namespace>[] = [];
  for (const a of removed) {
    for (const b of added) {
      const methods = jaccard(a.methods, b.methods);
      const names = Math.max(nameSimilarity(a.name, b.name), nameSimilarity(a.className, b.className));
      // Shared methods are the evidence; a related name only tips a partial overlap over the line.
      const score = methods === 0 ? 0 : 0.7 * methods + 0.3 * names;
      if (score >= NAMESPACE_THRESHOLD) candidates.push({ from: a, to: b, score });
    }
  }
  const { pairs } = pairUp(candidates);
  const renamedFrom = new Set(pairs.map((p) => p.from));
  const renamedTo = new Set(pairs.map((p) => p.to));
  return {
    added: added.filter((n) => !renamedTo.has(n)).map((n) => n.name),
    removed: removed.filter((n) => !renamedFrom.has(n)).map((n) => n.name),
    renamed: pairs.map((p) => {
      const shared = p.from.methods.filter((m) => p.to.methods.includes(m));
      const cls =
        p.from.className !== p.to.className ? `, class ${p.from.className} -> ${p.to.className}` : '';
      return { from: p.from.name, to: p.to.name, why: `same methods (${list(shared)})${cls}` };
    }),
  };
}

/**
 * Pairs of a vanished symbol and a new one that could be the same thing renamed. In the same
 * (possibly renamed) namespace, or among top-level exports: related names with a similar call
 * shape, or the same endpoint. Across namespaces (a method that moved) the evidence must be
 * stronger: the same endpoint, the same name, or a related name with the same options.
 */
function symbolCandidates(
  gone: DiffSymbol[],
  fresh: DiffSymbol[],
  nsMap: Map<string, string>,
): Scored<DiffSymbol>[] {
  const out: Scored<DiffSymbol>[] = [];
  for (const a of gone) {
    const home = a.namespace ? (nsMap.get(a.namespace) ?? a.namespace) : undefined;
    for (const b of fresh) {
      if (a.kind !== b.kind && !(isCallable(a) && isCallable(b))) continue;
      if (sameEndpoint(a, b)) {
        out.push({ from: a, to: b, score: 1 });
        continue;
      }
      const sig = signatureSimilarity(a, b);
      const related = namesRelated(a.name, b.name);
      const score = 0.5 * sig.score + 0.5 * (a.name === b.name ? 1 : nameSimilarity(a.name, b.name));
      if (home === b.namespace) {
        // Unrelated names need strong shape evidence: many shared option fields, not just `(id: string)`.
        if ((related && score >= SYMBOL_THRESHOLD) || (sig.fields >= 3 && sig.score >= 0.8))
          out.push({ from: a, to: b, score });
      } else if (
        (a.name === b.name && sig.score >= 0.5) ||
        (related && sig.score >= 0.8 && sig.fields >= 2)
      ) {
        // Slightly below a same-namespace match of equal quality: staying home is the likelier story.
        out.push({ from: a, to: b, score: 0.9 * score });
      }
    }
  }
  return out;
}

function isCallable(s: DiffSymbol): boolean {
  return s.kind === 'method' || s.kind === 'function' || s.kind === 'hook';
}

function symbolEvidence(a: DiffSymbol, b: DiffSymbol): string {
  if (sameEndpoint(a, b)) return `same endpoint ${b.endpoint!.method.toUpperCase()} ${b.endpoint!.path}`;
  const shared = fieldNames(a).filter((f) => fieldNames(b).includes(f));
  const where = a.namespace !== b.namespace ? 'moved; ' : '';
  const type = sharedOptionsType(a, b);
  if (type) return `${where}same options type ${type}`;
  if (shared.length > 0) return `${where}same options (${list([...new Set(shared)])})`;
  const params = b.signatures[0]?.params.map((p) => `${p.name}: ${p.type}`).join(', ') ?? '';
  return `${where}same parameters (${params || 'none'}) and a related name`;
}

function fieldsOf(s: DiffSymbol): Map<string, DiffField> {
  const out = new Map<string, DiffField>();
  for (const sig of s.signatures)
    for (const p of sig.params) for (const f of p.fields ?? []) if (!out.has(f.name)) out.set(f.name, f);
  return out;
}

const compact = (t: string): string => t.replace(/\s+/g, ' ').replace(/;\s*}/g, ' }').trim();

function optionChange(a: DiffSymbol, b: DiffSymbol): OptionChange | undefined {
  const fa = fieldsOf(a);
  const fb = fieldsOf(b);
  const change: OptionChange = {
    symbol: b.qualifiedName,
    added: [],
    removed: [],
    changed: [],
    nowRequired: [],
    nowOptional: [],
  };
  for (const [name, f] of fb) {
    const old = fa.get(name);
    if (!old) change.added.push(f.optional ? name : `${name} (required)`);
    else {
      if (compact(old.type) !== compact(f.type))
        change.changed.push({ name, from: compact(old.type), to: compact(f.type) });
      if (old.optional && !f.optional) change.nowRequired.push(name);
      if (!old.optional && f.optional) change.nowOptional.push(name);
    }
  }
  for (const name of fa.keys()) if (!fb.has(name)) change.removed.push(name);
  const pa = paramList(a);
  const pb = paramList(b);
  if (pa !== pb) change.params = { from: pa, to: pb };
  const empty = Object.values(change).every((v) => !Array.isArray(v) || v.length === 0);
  return empty ? undefined : change;
}

/** The first signature's parameter list as code would show it: `(id: string, options?: PaginationOptions)`. */
function paramList(s: DiffSymbol): string {
  const params = s.signatures[0]?.params ?? [];
  // Inline option object types are compared field by field above; here they are just `{ … }`.
  const type = (p: DiffSymbol['signatures'][number]['params'][number]): string =>
    p.fields?.length && compact(p.type).startsWith('{') ? '{ … }' : compact(p.type);
  return `(${params.map((p) => `${p.rest ? '...' : ''}${p.name}${p.optional ? '?' : ''}: ${type(p)}`).join(', ')})`;
}

function deprecations(a: DiffSymbol, b: DiffSymbol): Deprecation[] {
  const out: Deprecation[] = [];
  if (b.deprecated !== undefined && a.deprecated === undefined)
    out.push({ symbol: b.qualifiedName, text: b.deprecated });
  const fa = fieldsOf(a);
  for (const [name, f] of fieldsOf(b)) {
    if (f.deprecated !== undefined && fa.get(name)?.deprecated === undefined && fa.has(name))
      out.push({ symbol: b.qualifiedName, field: name, text: f.deprecated });
  }
  return out;
}

function list(names: string[], max = 4): string {
  return names.length > max ? `${names.slice(0, max).join(', ')}, …` : names.join(', ');
}
