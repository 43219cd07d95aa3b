import semver from 'semver';
import { surfaceDocs } from '../corpus/api-docs.js';
import { linkDocsToSurfaces } from '../corpus/docs-links.js';
import { LANGUAGE_NAMES } from '../corpus/reference-markdown.js';
import type { SdkCorpusData, SdkSurface } from '../corpus/sdk-surface.js';
import type { Doc, ReferenceLanguage } from '../corpus/types.js';
import type { AnswerContext, ProjectSdk, SurfaceAnswer } from './answer-context.js';
import type { Runtime } from './runtime.js';

/**
 * Which SDK versions an answer speaks for. The corpus carries one version per package (the pinned
 * one); a project (or a call) may use another, whose surface the answer context brings. The choice is
 * the corpus's SDK data with those surfaces put in place and the docs' methods linked to them again,
 * so every answer that reads SDK data (reference pages, check, search snippets) reads the same thing.
 */
export interface SdkChoice {
  sdk: SdkCorpusData | undefined;
  /**
   * What the answer must say about versions, per package: whose version it is (the project's, the
   * call's), or what could not be used as wanted and the version used instead.
   */
  said: { package: string; text: string }[];
  /** Package -> the version answers use for it, and why. */
  versions: Map<string, { version: string; basis: 'project' | 'asked' | 'corpus'; source?: string }>;
}

const byContext = new WeakMap<AnswerContext, WeakMap<Runtime, SdkChoice>>();

/** The SDK data answers use for the session's project (the corpus's own when there is none). */
export function projectSdk(runtime: Runtime, context: AnswerContext): SdkChoice {
  let memo = byContext.get(context);
  if (!memo) byContext.set(context, (memo = new WeakMap()));
  const known = memo.get(runtime);
  if (known) return known;
  const choice = choose(runtime, context.project, []);
  memo.set(runtime, choice);
  return choice;
}

/**
 * The SDK data for one package at a version a call names (an explicit `version` wins over the
 * project's). When that version's surface cannot be had, the answer uses the project's (or the
 * corpus's) and the notes say so.
 */
export async function sdkWithVersion(
  runtime: Runtime,
  context: AnswerContext,
  pkg: string,
  version: string,
): Promise<SdkChoice> {
  const base = projectSdk(runtime, context);
  const wanted = version.trim().replace(/^v/, '');
  const current = base.versions.get(pkg);
  if (current?.version === wanted) return base;
  if (!semver.valid(wanted)) {
    const text = `"${wanted.slice(0, 40)}" is not an exact version (like 8.13.0): ${answersUse(pkg, current)}.`;
    return { ...base, said: [...base.said, { package: pkg, text }] };
  }
  const found = await surfaceAt(runtime, context, pkg, wanted);
  if (!found.ok)
    return {
      ...base,
      said: [
        ...base.said,
        {
          package: pkg,
          text: `No API surface for ${pkg} ${wanted} (${found.reason}): ${answersUse(pkg, current)}.`,
        },
      ],
    };
  return choose(runtime, context.project, [{ pkg, surface: found.surface }]);
}

/** The surface of one exact version: the corpus's, the project's, or through the context (cache, npm). */
export async function surfaceAt(
  runtime: Runtime,
  context: AnswerContext,
  pkg: string,
  version: string,
): Promise<SurfaceAnswer> {
  const pinned = runtime.corpus.sdk?.surfaces.find((s) => s.package === pkg);
  if (pinned?.version === version) return { ok: true, surface: pinned, origin: 'corpus' };
  const mine = context.project.find((p) => p.name === pkg && p.version === version)?.surface;
  if (mine?.ok) return mine;
  if (!context.surface) return { ok: false, reason: 'this server only has the versions its corpus carries' };
  return context.surface(pkg, version);
}

function answersUse(pkg: string, current: { version: string } | undefined): string {
  return current ? `this answer is for ${pkg} ${current.version}` : `nothing to answer ${pkg} with`;
}

function choose(
  runtime: Runtime,
  project: ProjectSdk[],
  asked: { pkg: string; surface: SdkSurface }[],
): SdkChoice {
  const corpusSdk = runtime.corpus.sdk;
  const versions: SdkChoice['versions'] = new Map();
  for (const s of corpusSdk?.surfaces ?? []) versions.set(s.package, { version: s.version, basis: 'corpus' });
  const said: SdkChoice['said'] = [];
  const say = (pkg: string, text: string): number => said.push({ package: pkg, text });
  const replaced = new Map<string, SdkSurface>();
  const askedFor = new Set(asked.map((a) => a.pkg));
  for (const p of project) {
    if (p.ecosystem !== 'npm') continue;
    const pinned = versions.get(p.name);
    if (askedFor.has(p.name)) {
      const a = asked.find((x) => x.pkg === p.name)!;
      if (p.version !== a.surface.version)
        say(
          p.name,
          `For ${p.name} ${a.surface.version}, as asked; your project has ${p.version ?? p.range} (from ${p.source}).`,
        );
      continue;
    }
    if (p.version && p.surface?.ok) {
      replaced.set(p.name, p.surface.surface);
      versions.set(p.name, { version: p.version, basis: 'project', source: p.source });
      say(p.name, `Your project: ${p.name} ${p.version}, from ${p.source}.`);
    } else if (p.version && p.surface && !p.surface.ok) {
      say(
        p.name,
        `Your project has ${p.name} ${p.version} (from ${p.source}), but its API surface is not available (${p.surface.reason})${pinned ? `: SDK signatures here are from ${pinned.version}, not your version` : ''}.`,
      );
    } else if (!p.version && p.range && pinned) {
      const allowed = semver.validRange(p.range) ? semver.satisfies(pinned.version, p.range) : undefined;
      say(
        p.name,
        `Your project asks ${p.name} ${p.range} (from ${p.source}; no lockfile or install says which version): SDK signatures here are from ${pinned.version}${allowed === false ? ', which that range does not allow' : ''}.`,
      );
    }
  }
  for (const a of asked) {
    replaced.set(a.pkg, a.surface);
    versions.set(a.pkg, { version: a.surface.version, basis: 'asked' });
  }
  if (replaced.size === 0 || !corpusSdk) return { sdk: corpusSdk, said, versions };
  const surfaces = corpusSdk.surfaces.filter((s) => !replaced.has(s.package)).concat([...replaced.values()]);
  return { sdk: { surfaces, links: linksFor(runtime, surfaces) }, said, versions };
}

/** Linking the docs' methods to a set of surfaces reads every reference page: done once per set. */
const linkMemo = new WeakMap<Runtime, Map<string, SdkCorpusData['links']>>();
const MAX_LINK_SETS = 8;

function linksFor(runtime: Runtime, surfaces: SdkSurface[]): SdkCorpusData['links'] {
  let memo = linkMemo.get(runtime);
  if (!memo) linkMemo.set(runtime, (memo = new Map()));
  const key = surfaces
    .map((s) => `${s.package}@${s.version}`)
    .sort()
    .join(' ');
  let links = memo.get(key);
  if (!links) {
    links = linkDocsToSurfaces(runtime.corpus.docs, surfaces);
    if (memo.size >= MAX_LINK_SETS) memo.delete(memo.keys().next().value as string);
    memo.set(key, links);
  }
  return links;
}

/**
 * For a language without a surface here (Python, Ruby, Go, …): the project's SDK version and how old
 * the docs are, so the model knows what it is reading against.
 */
export function otherLanguageLine(
  runtime: Runtime,
  context: AnswerContext,
  language: ReferenceLanguage | undefined,
): string | undefined {
  if (!language || language === 'js' || language === 'curl') return undefined;
  const p = context.project.find((s) => s.language === language && s.ecosystem !== 'npm');
  if (!p) return undefined;
  const name = LANGUAGE_NAMES[language] ?? language;
  return `Your project: ${p.name} ${p.version ?? p.range ?? ''} (${name}), from ${p.source}. These ${name} examples are from the WorkOS docs as of ${docsDate(runtime)}; this server has no ${name} SDK declarations, so check method names against your version.`.replace(
    /\s{2,}/g,
    ' ',
  );
}

/** The docs' age: the newest platform changelog entry, else when the corpus was built. */
export function docsDate(runtime: Runtime): string {
  let newest = '';
  for (const e of runtime.corpus.changelogs)
    if (e.package === 'workos-platform' && e.date && e.date > newest) newest = e.date;
  return newest || runtime.corpus.manifest.builtAt.slice(0, 10);
}

const apiDocsMemo = new WeakMap<SdkCorpusData, Map<string, Doc>>();

/**
 * The `api` pages (`sdk-api/<slug>/…`) of the surfaces a choice put in place of the corpus's, by
 * path: a project on 8.13.0 reads `sdk-api/node/portal`, which the corpus (12.3.0) has no page for.
 * Undefined when the choice is the corpus's own data.
 */
export function replacedApiDocs(runtime: Runtime, choice: SdkChoice): Map<string, Doc> | undefined {
  const sdk = choice.sdk;
  if (!sdk || sdk === runtime.corpus.sdk) return undefined;
  let docs = apiDocsMemo.get(sdk);
  if (!docs) {
    docs = new Map();
    for (const surface of sdk.surfaces) {
      if (runtime.corpus.sdk?.surfaces.includes(surface)) continue;
      for (const doc of surfaceDocs(surface, sdk.links)) docs.set(doc.path, doc);
    }
    apiDocsMemo.set(sdk, docs);
  }
  return docs;
}

/** The slug (`node`) of each package whose surface a choice replaced: their corpus `api` pages are another version's. */
export function replacedSlugs(runtime: Runtime, choice: SdkChoice): Set<string> {
  const out = new Set<string>();
  if (!choice.sdk || choice.sdk === runtime.corpus.sdk) return out;
  for (const s of choice.sdk.surfaces) if (!runtime.corpus.sdk?.surfaces.includes(s)) out.add(s.slug);
  return out;
}

const costSaid = new WeakSet<SdkSurface>();

/**
 * What an answer says about the SDK versions it used: the choice's sentences, and — once per
 * downloaded version, on the first answer that used it — how long getting it took.
 */
export function versionNotes(choice: SdkChoice, context: AnswerContext): string[] {
  const cost: string[] = [];
  for (const p of context.project) {
    const s = p.surface;
    if (!s?.ok || s.origin !== 'fetched' || s.ms === undefined || costSaid.has(s.surface)) continue;
    costSaid.add(s.surface);
    cost.push(
      `${p.name} ${p.version} was downloaded from npm and read for this answer in ${(s.ms / 1000).toFixed(1)} s (cached for next time).`,
    );
  }
  return [...choice.said.map((s) => s.text), ...cost];
}
