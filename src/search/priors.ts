import type { Corpus, Doc, ReferenceLanguage } from '../corpus/types.js';
import { MethodIndex, asksSdkSurface, definesSdkMethod } from './methods.js';
import { expandToken } from './tokenize.js';
import { type QuestionType, questionType } from './question-type.js';

/**
 * What a question says beyond its words: the SDK language it wants, the framework or package it
 * names, and whether it asks about limits, HTTP errors or a term's meaning. These become doc-level
 * factors (priors) on the ranked list.
 */
export interface QueryCues {
  language?: ReferenceLanguage;
  /** SDK guide docs (indices) whose framework or package the question names. */
  namedSdks: Set<number>;
  /** Asks about rate limits: 2 = explicitly (429, rate limit, throttled), 1 = a count or frequency. */
  limits: 0 | 1 | 2;
  /** Asks what a response status means: 2 = names a status code (403, 5xx), 1 = "status code" in words. */
  httpStatus: 0 | 1 | 2;
  /** "what is X", "what does X mean/stand for". */
  definition: boolean;
  /** Index terms of the question (its words and their synonyms), for method-name matching. */
  terms: ReadonlySet<string>;
  /** Spells a JavaScript-style identifier (`verifyOrganizationDomain`, `adminPortal.generateLink`). */
  jsIdentifier: boolean;
  /** Reference docs defining a method the question spells exactly (see methods.ts). */
  methodDocs: ReadonlySet<number>;
  /** Asks about the SDK surface itself (types, signatures, a package): declaration pages lead. */
  sdkSurface: boolean;
  /** Symptom or behaviour question, and whether it names the API (question-type.ts). */
  question: QuestionType;
}

/** camelCase with a lower-case start, as JS SDK members are named (Python and Ruby use snake_case). */
const JS_IDENTIFIER = /\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*\b/;

/** The words of a method's own name: `$organizations->createOrganization()` gives creat, organ. */
function methodWords(title: string): string[] {
  const name =
    title
      .replace(/\(.*$/, '')
      .split(/->|::|[.\s/]/)
      .filter(Boolean)
      .pop() ?? '';
  return expandToken(name).words;
}

/** What a cross-cutting page is for: found by title, not by path, so a reorganised corpus keeps it. */
type Role = 'limits' | 'errors' | 'glossary';

function roleOf(doc: Doc): Role | undefined {
  if (doc.kind === 'glossary') return 'glossary';
  if (/^rate limits?$/i.test(doc.title.trim())) return 'limits';
  if (/^(?:api )?errors$/i.test(doc.title.trim())) return 'errors';
  return undefined;
}

/**
 * Names a question uses for an SDK guide: its path's last segment without the `authkit-` prefix and
 * the spellings people type ("next.js", "nextjs", "next"; "react router"; "tanstack").
 */
function sdkNames(doc: Doc): string[] {
  const slug = doc.path.split('/').pop() ?? '';
  const bare = slug.replace(/^authkit-/, '');
  // too generic alone: "js" and "session" name this package only with its prefix
  if (bare === 'js' || bare === 'session') return [slug, slug.replace(/-/g, ' ')];
  const names = new Set<string>([slug, bare, bare.replace(/-/g, ' '), bare.replace(/-/g, '')]);
  const extra: Record<string, string[]> = {
    nextjs: ['next.js'],
    'tanstack-start': ['tanstack'],
    sveltekit: ['svelte'],
    node: ['node sdk', '@workos-inc/node'],
  };
  for (const n of extra[bare] ?? []) names.add(n);
  return [...names].filter((n) => n.length >= 2);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const LIMITS_STRONG =
  /\b(?:429|rate[- ]?limit\w*|throttl\w*|too many requests|requests? per|per (?:second|minute|hour)|quota)\b/i;
const LIMITS_WEAK = /\bhow (?:many|often)\b|\blimit(?:s|ed)?\b|\bper (?:day|ip)\b/i;
/** 429 is the rate-limit page's code, not the error catalogue's first concern. */
const HTTP_STATUS_CODE = /\b(?:4(?!29)\d\d|5\d\d|5xx|4xx)\b/i;
/** A number is a status code only next to words of a response ("returns 403"; not "500 users"). */
const RESPONSE_WORDS =
  /\b(?:errors?|status|response|respond\w*|return\w*|gett?ing|got|http|fail\w*|rejected)\b/i;
const HTTP_STATUS_WORDS = /\bstatus code|\b429\b/i;
const DEFINITION =
  /^\s*(?:what(?:'s| is| are| does)\b(?!.*\b(?:difference|happens?|limit|default)\b)|define\b|meaning of\b)/i;

export class DocPriors {
  private readonly roles = new Map<number, Role>();
  private readonly sdkPatterns: { doc: number; re: RegExp }[] = [];
  private readonly languages: Set<ReferenceLanguage>[];
  /** Per doc: the words of each SDK method name it defines, by language (worked out on first use). */
  private readonly methods: ({ language: ReferenceLanguage; words: string[] }[] | undefined)[];
  private readonly methodIndex: MethodIndex;
  /** Reference pages that define an object and no endpoint or method (see factor). */
  private readonly objectPages = new Set<number>();
  /** Reference pages of an operation that lists things ("List organization memberships"). */
  private readonly listPages = new Set<number>();

  constructor(private readonly corpus: Corpus) {
    this.methodIndex = new MethodIndex(corpus);
    this.languages = corpus.docs.map((d) => new Set(d.reference.map((r) => r.language)));
    // Splitting every method name of 963 reference entries up front was a third of this constructor,
    // on every start; a query needs the few docs it ranks.
    this.methods = new Array(corpus.docs.length);
    corpus.docs.forEach((d, i) => {
      const role = roleOf(d);
      if (role) this.roles.set(i, role);
      if (d.kind === 'reference' && d.reference.length > 0 && !d.reference.some((r) => r.endpoint))
        this.objectPages.add(i);
      if (d.kind === 'reference' && /^list\b/i.test(d.title.trim()) && d.reference.some((r) => r.endpoint))
        this.listPages.add(i);
      if (d.kind === 'sdk') {
        const alts = sdkNames(d).map((n) => escape(n).replace(/\\ | /g, '[\\s-]?'));
        this.sdkPatterns.push({
          doc: i,
          re: new RegExp(`(?<![\\w@/-])(?:${alts.join('|')})(?![\\w-])`, 'i'),
        });
      }
    });
  }

  private methodsOf(doc: number): { language: ReferenceLanguage; words: string[] }[] {
    let methods = this.methods[doc];
    if (!methods) {
      methods = this.corpus.docs[doc].reference
        .filter(definesSdkMethod)
        .map((r) => ({ language: r.language, words: methodWords(r.title) }))
        .filter((m) => m.words.length > 0);
      this.methods[doc] = methods;
    }
    return methods;
  }

  cues(
    text: string,
    language: ReferenceLanguage | undefined,
    terms: ReadonlySet<string> = new Set(),
  ): QueryCues {
    const namedSdks = new Set<number>();
    for (const p of this.sdkPatterns) if (p.re.test(text)) namedSdks.add(p.doc);
    const question = questionType(text);
    return {
      language,
      namedSdks,
      limits: LIMITS_STRONG.test(text) ? 2 : LIMITS_WEAK.test(text) ? 1 : 0,
      httpStatus:
        HTTP_STATUS_CODE.test(text) && RESPONSE_WORDS.test(text) ? 2 : HTTP_STATUS_WORDS.test(text) ? 1 : 0,
      // "what's the Go function for ..." asks for a call, not for what a term means
      definition: DEFINITION.test(text) && !question.operation && language === undefined,
      terms,
      jsIdentifier: JS_IDENTIFIER.test(text),
      methodDocs: this.methodIndex.definedBy(text, language),
      sdkSurface: asksSdkSurface(text),
      question,
    };
  }

  /** Cross-cutting docs the cues ask for, with how strongly (2 = put first, 1 = next to the first). */
  wanted(cues: QueryCues): { doc: number; strength: 1 | 2 }[] {
    const out: { doc: number; strength: 1 | 2 }[] = [];
    for (const [doc, role] of this.roles) {
      if (role === 'limits' && cues.limits > 0) out.push({ doc, strength: cues.limits === 2 ? 2 : 1 });
      // a status code named in a question is looked up in the error catalogue first
      if (role === 'errors' && cues.httpStatus > 0)
        out.push({ doc, strength: cues.httpStatus === 2 ? 2 : 1 });
      if (role === 'glossary' && cues.definition) out.push({ doc, strength: 1 });
    }
    return out;
  }

  /** Multiplier on a doc's score from the cues (1 = neutral). */
  factor(doc: number, cues: QueryCues, cfg: PriorConfig): number {
    const d = this.corpus.docs[doc];
    let f = 1;
    if (d.kind === 'sdk') {
      // an SDK README answers questions about its framework; for others the product docs say it better
      if (cues.namedSdks.has(doc)) f *= cfg.namedSdkBoost;
      else if (!this.isLanguageSdk(doc, cues.language)) f *= cfg.sdkPrior;
    }
    // Endpoint pages share a topic's words ("invitation", "email", "organization") with every
    // question about it; a question that names no API (no endpoint, method, identifier or SDK
    // language) is usually answered by the guide, and a symptom almost always is (policies, FAQ,
    // troubleshooting). Cross-cutting reference pages (limits, errors) are placed on their own cues.
    if (d.kind === 'reference' && !this.asksApi(cues) && !this.roles.has(doc))
      f *= cues.question.explain ? cfg.explainReferencePrior : cfg.plainReferencePrior;
    // An object's page (its properties and SDK types) shares the name of every operation on it, and
    // its title is the shortest: a question asking for the endpoint or method wants an operation.
    if (cues.question.operation && this.objectPages.has(doc)) f *= cfg.objectPagePrior;
    // "which orgs does a user belong to, in Python" asks for the SDK's list method: the question's
    // nouns name the things listed, and its verb ("belong", "enrolled") is not the method's.
    if (cues.language && cues.question.list) {
      if (this.listPages.has(doc)) f *= cfg.listPageBoost;
      else if (this.objectPages.has(doc)) f *= cfg.objectPagePrior;
    }
    if (d.kind === 'api') {
      // SDK API pages are the JavaScript packages' declarations: the answer for a JS question, a
      // second opinion beside the product docs otherwise, and no answer for Python or Ruby.
      if (!cues.language) f *= cues.jsIdentifier ? 1 : cfg.apiPrior;
      else if (cues.language !== 'js') f *= cfg.apiOtherLanguagePrior;
    }
    if (cues.language) {
      if (this.languages[doc].has(cues.language)) f *= cfg.languageBoost;
      else if (this.languages[doc].size > 1) f *= cfg.otherLanguagePrior;
    }
    // with a zero boost the factor is exactly 1 whatever the coverage: not worked out per doc
    const methodBoost = cues.language ? cfg.methodBoost : cfg.methodBoostNoLanguage;
    const cov = methodBoost === 0 ? 0 : this.methodCoverage(doc, cues);
    if (cov > 0) f *= 1 + methodBoost * cov * cov;
    return f;
  }

  /**
   * How fully the question spells a method this doc defines ("create an organization" and
   * `createOrganization()`: 1; `createOrganizationMembership()`: 2/3). A question naming the SDK
   * language asks for a method, and its verb and noun are the method's name.
   */
  private methodCoverage(doc: number, cues: QueryCues): number {
    let best = 0;
    for (const m of this.methodsOf(doc)) {
      if (cues.language && m.language !== cues.language) continue;
      let spelled = 0;
      for (const w of m.words) if (cues.terms.has(w)) spelled++;
      const hit = spelled / m.words.length;
      if (hit > best) best = hit;
    }
    return best;
  }

  private asksApi(cues: QueryCues): boolean {
    return cues.question.api || cues.language !== undefined || cues.methodDocs.size > 0;
  }

  /** The language's own SDK page (sdks/ruby for Ruby) is not a secondary source for that language. */
  private isLanguageSdk(doc: number, language: ReferenceLanguage | undefined): boolean {
    if (!language) return false;
    const slug = this.corpus.docs[doc].path.split('/').pop();
    return slug === language || (language === 'js' && slug === 'node');
  }

  hasLanguage(doc: number, language: ReferenceLanguage): boolean {
    return this.languages[doc].has(language);
  }
}

export interface PriorConfig {
  /** SDK READMEs when the question names no framework or package. */
  sdkPrior: number;
  namedSdkBoost: number;
  /** Reference pages with the asked language's method. */
  languageBoost: number;
  /** Reference pages that have SDK renderings, but not in the asked language. */
  otherLanguagePrior: number;
  /** Factor 1 + boost x coverage^2 for a doc defining a method the question spells out. */
  methodBoost: number;
  methodBoostNoLanguage: number;
  /** SDK API pages (kind `api`) when the question names no language. */
  apiPrior: number;
  /** SDK API pages when the question names a language other than JavaScript. */
  apiOtherLanguagePrior: number;
  /** Reference pages for a question that does not name the API... */
  plainReferencePrior: number;
  /** ... and for a symptom or behaviour question that does not. */
  explainReferencePrior: number;
  /** Reference pages of an object (no endpoint) for a question asking for an endpoint or method. */
  objectPagePrior: number;
  /** List operations' pages for a question in an SDK language asking which things there are. */
  listPageBoost: number;
}
