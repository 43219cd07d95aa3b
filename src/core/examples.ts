import { isMethod } from '../corpus/reference-markdown.js';
import type { CodeExample, ExampleApp, ReferenceEntry, ReferenceLanguage } from '../corpus/types.js';
import { relevantExamples, type RankedExample } from './example-relevance.js';
import { FENCE_LANGUAGES, fenceLanguagesFor, LANGUAGE_LABELS, normalizeLanguage } from './language.js';
import { cleanQuery } from './query-limits.js';
import type { Runtime } from './runtime.js';

/** A single snippet longer than this is cut; the answer points at the section for the rest. */
const MAX_CODE_CHARS = 4000;
/** Total code characters per answer, to stay near the default token budget. */
const MAX_TOTAL_CODE_CHARS = 16000;
const MAX_APPS = 8;
const MAX_REFERENCE_ENTRIES = 2;
const MAX_NAME_LENGTH = 40;

/** Resolved by the examples operation's input schema (operations/examples.ts): limit defaulted and in range. */
export interface ExamplesOptions {
  query?: string;
  language?: string;
  framework?: string;
  limit: number;
}

export interface ExampleTopic {
  product: string;
  examples: number;
  languages: string[];
}

export interface ShownExample extends CodeExample {
  truncated: boolean;
}

export interface ExamplesAnswer {
  /** 'topics' when called without a filter: what exists, to pick from. */
  mode: 'topics' | 'matches';
  query?: string;
  language?: string;
  framework?: string;
  topics: ExampleTopic[];
  /** Example apps per language (topics mode). */
  appLanguages: { language: string; apps: number }[];
  examples: ShownExample[];
  apps: ExampleApp[];
  /** SDK method renderings for API questions in the asked language. */
  reference: { path: string; entry: ReferenceEntry }[];
  /** Matching code examples before the limit. */
  total: number;
  notes: string[];
}

function codeExamples(runtime: Runtime): CodeExample[] {
  return runtime.corpus.examples.filter((e): e is CodeExample => e.kind === 'code');
}

function exampleApps(runtime: Runtime): ExampleApp[] {
  return runtime.corpus.examples.filter((e): e is ExampleApp => e.kind === 'app');
}

function productOf(docPath: string): string {
  return docPath.split('/')[0] ?? docPath;
}

export function exampleTopics(runtime: Runtime): ExampleTopic[] {
  const byProduct = new Map<string, { examples: number; languages: Map<string, number> }>();
  for (const ex of codeExamples(runtime)) {
    const product = productOf(ex.docPath);
    const entry = byProduct.get(product) ?? { examples: 0, languages: new Map() };
    entry.examples += 1;
    if (ex.language) entry.languages.set(ex.language, (entry.languages.get(ex.language) ?? 0) + 1);
    byProduct.set(product, entry);
  }
  return [...byProduct.entries()]
    .map(([product, v]) => ({
      product,
      examples: v.examples,
      languages: [...v.languages.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l),
    }))
    .sort((a, b) => b.examples - a.examples);
}

function terms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^a-z0-9_.]+/)
    .filter((t) => t.length > 1);
}

function textScore(haystack: string, words: string[]): number {
  const text = haystack.toLowerCase();
  return words.reduce((n, w) => n + (text.includes(w) ? 1 : 0), 0);
}

export function findExamples(runtime: Runtime, options: ExamplesOptions): ExamplesAnswer {
  const notes: string[] = [];
  const query = cleanQuery(options.query, notes);
  // Language and framework names are short; longer input is not one and must not be echoed back whole.
  const language = options.language?.trim().slice(0, MAX_NAME_LENGTH) || undefined;
  const framework = options.framework?.trim().toLowerCase().slice(0, MAX_NAME_LENGTH) || undefined;
  const { limit } = options;
  const base = { query, language, framework, examples: [], apps: [], reference: [], total: 0, notes };
  if (!query && !language && !framework) {
    const counts = new Map<string, number>();
    for (const app of exampleApps(runtime)) counts.set(app.language, (counts.get(app.language) ?? 0) + 1);
    const appLanguages = [...counts.entries()]
      .map(([l, apps]) => ({ language: l, apps }))
      .sort((a, b) => b.apps - a.apps);
    return { ...base, mode: 'topics', topics: exampleTopics(runtime), appLanguages };
  }

  const fences = language ? new Set(fenceLanguagesFor(language)) : undefined;
  const pool = codeExamples(runtime).filter((e) => !framework || e.framework === framework);
  let candidates = pool.filter((e) => !fences || fences.has(e.language));
  const sdkLanguage = language ? knownLanguage(language) : undefined;
  let httpFallback = false;

  const words = query ? terms(query) : [];
  if (query) {
    const hits = runtime.searcher.search(query, { limit: 30 }).results;
    const context = { reference: (path: string) => runtime.docsByPath.get(path)?.reference };
    candidates = closeToBest(relevantExamples(candidates, hits, query, context));
    // No code in the asked SDK language (there is no Python, Ruby, Go… code in the docs): the HTTP
    // request for the same question is the next best thing, said so in a note below.
    if (candidates.length === 0 && sdkLanguage && sdkLanguage !== 'curl') {
      const curl = new Set(FENCE_LANGUAGES.curl);
      candidates = closeToBest(
        relevantExamples(
          pool.filter((e) => curl.has(e.language)),
          hits,
          query,
          { ...context, codeOnly: false },
        ),
      );
      httpFallback = candidates.length > 0;
    }
  }

  const examples: ShownExample[] = [];
  let used = 0;
  for (const e of candidates) {
    if (examples.length >= limit) break;
    const truncated = e.code.length > MAX_CODE_CHARS;
    const code = truncated ? `${e.code.slice(0, MAX_CODE_CHARS)}\n// …` : e.code;
    if (examples.length > 0 && used + code.length > MAX_TOTAL_CODE_CHARS) break;
    used += code.length;
    examples.push({ ...e, code, truncated });
  }

  const lowerLang = language?.toLowerCase();
  const apps = exampleApps(runtime)
    .filter((a) => {
      const appLang = a.language.toLowerCase();
      if (fences && lowerLang && !fences.has(appLang) && !appLang.includes(lowerLang)) return false;
      if (framework && !`${a.language} ${a.title}`.toLowerCase().includes(framework)) return false;
      return (
        !query ||
        textScore(`${a.title} ${a.language} ${a.docPath}`, words) > 0 ||
        /example|sample|starter|\bapp\b/i.test(query)
      );
    })
    .slice(0, MAX_APPS);

  // Without a language, the HTTP endpoint (curl) is the language-neutral answer to an API question.
  const asked = sdkLanguage ?? 'curl';
  const reference = query && (!language || sdkLanguage) ? referenceFor(runtime, query, asked) : [];
  if (reference.length > 0 && !language)
    notes.push('Pass `language` (node, python, ruby, go, …) for the SDK method.');
  if (sdkLanguage && sdkLanguage !== 'curl') {
    const label = LANGUAGE_LABELS[sdkLanguage];
    const methods = reference.some((r) => r.entry.language === sdkLanguage);
    const endpoints = reference.some((r) => r.entry.language === 'curl');
    if (httpFallback)
      notes.push(
        methods
          ? `No ${label} code example for this in the docs; showing the ${label} SDK method and the HTTP request (curl).`
          : `No ${label} code example or SDK method for this in the docs; showing the HTTP ${endpoints ? 'endpoint and ' : ''}request (curl).`,
      );
    else if (endpoints && !methods)
      notes.push(`No ${label} SDK method on the matching reference page; showing the HTTP endpoint.`);
  }
  if (examples.length === 0 && apps.length === 0 && reference.length === 0) {
    notes.push('No matching examples. Try fewer words, another language, or a docs search for the guide.');
  }
  return {
    ...base,
    mode: 'matches',
    topics: [],
    appLanguages: [],
    examples,
    apps,
    reference,
    total: candidates.length,
  };
}

/** The asked SDK's method rendering for the reference pages the query is about. */
function referenceFor(
  runtime: Runtime,
  query: string,
  language: string,
): { path: string; entry: ReferenceEntry }[] {
  let lang;
  try {
    lang = normalizeLanguage(language);
  } catch {
    return [];
  }
  // An "API question" is one whose best search hits include API reference pages.
  const hits = runtime.searcher.search(query, { limit: 3 }).results.filter((h) => h.kind === 'reference');
  const out: { path: string; entry: ReferenceEntry }[] = [];
  for (const hit of hits) {
    const doc = runtime.docsByPath.get(hit.path);
    // A page without the asked SDK's rendering still has its HTTP endpoint (fga/access-check/check has no Python).
    const entry =
      doc?.reference.find((r) => r.language === lang) ?? doc?.reference.find((r) => r.language === 'curl');
    if (doc && entry) out.push({ path: doc.path, entry });
    if (out.length >= MAX_REFERENCE_ENTRIES) break;
  }
  // What to call comes before what it returns: "create audit log event" leads with auditLogs.createEvent().
  return [...out.filter((r) => isMethod(r.entry)), ...out.filter((r) => !isMethod(r.entry))];
}

/** An SDK language name (`python`, `node`, `curl`, …), or undefined for fence names like `bash` or `json`. */
function knownLanguage(name: string): ReferenceLanguage | undefined {
  try {
    return normalizeLanguage(name);
  } catch {
    return undefined;
  }
}

/**
 * Below this share of the best block's score a block only shares a word or two with the question:
 * fewer, relevant blocks beat a full list of loose ones.
 */
const MIN_SHARE_OF_BEST = 0.7;

function closeToBest(ranked: RankedExample[]): CodeExample[] {
  const best = ranked[0]?.score ?? 0;
  return ranked.filter((r) => r.score >= best * MIN_SHARE_OF_BEST).map((r) => r.example);
}
