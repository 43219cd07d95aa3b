import { type Corpus, REFERENCE_LANGUAGES, type Section } from '../corpus/types.js';
import { STATES_BEHAVIOUR, fitsAnswer } from './answer-type.js';
import { LANGUAGE_NAMES } from '../corpus/reference-markdown.js';
import { ConceptSlots, passageScoreCeiling } from './passages.js';
import { bestPassage, type PassageStore } from './passage-store.js';
import type { DocPriors, QueryCues } from './priors.js';
import type { AnalyzedQuery } from './query.js';
import type { RankingConfig, UnitScore } from './rank.js';
import { makeSnippet } from './snippet.js';
import { isExplainingHeading } from './question-type.js';
import type { SearchResult, SectionHit } from './types.js';
import type { UnitRef } from './units.js';
import { descending } from './order.js';

const MORE_SECTIONS = 2;
/** Two sibling sections this close in score are read together through their parent... */
const SIBLING_SHARE = 0.6;
/** ... when the parent section, with everything under it, is at most this long. */
const MAX_PARENT_READ = 4_000;
/** An extra section is listed only if it scores at least this share of the doc's best section. */
const MORE_SECTION_MIN_SHARE = 0.35;
/** Sections of one doc considered when choosing the answering one (best first by index score). */
const SECTION_CANDIDATES = 24;

export interface DocGroup {
  doc: number;
  score: number;
  /** Every matching section of the doc, best index score first. */
  units: UnitScore[];
}

/** Everything a result needs to know about the query beyond its index scores. */
export interface QueryContext {
  query: AnalyzedQuery;
  cues: QueryCues;
  /** Snippets may run on into the next passage (the first result: see snippetOf). */
  wide?: boolean;
}

/**
 * Setup boilerplate repeated across guides ("Install the WorkOS SDK", "Set secrets"): it matches
 * the generic words of many questions (SDK, API key, environment) and answers almost none of them.
 */
const BOILERPLATE_HEADINGS =
  /^(?:install(?:ing)? the workos sdk|installation|set secrets|before getting started|implementing sso with workos|what you(?:'|\u2019)?ll need|what you will need|what you(?:'|\u2019)?ll build|next steps|api object definitions|what workos provides)$/i;

/** Asks for the HTTP endpoint itself ("which endpoint exchanges the code"), not for an SDK method. */
const ENDPOINT_QUESTION = /\b(?:endpoints?|http|rest(?:ful)? api)\b/i;

/** Sections about limits answer "how many" even in lists without digits. */
const LIMIT_HEADINGS = /\b(?:limits?|limitations|quotas?|constraints|restrictions|maximums?)\b/i;

/** Turns ranked sections into ranked documents, choosing each doc's answering section and snippet. */
export class ResultBuilder {
  /** Unit ids of each doc, in section order (for docs a cue brings in without a matching section). */
  private readonly unitsOfDoc = new Map<number, number[]>();
  /** Per unit its doc, and per doc its kind's prior: read for every matching unit of every query. */
  private readonly docOfUnit: Int32Array;
  private readonly kindFactor: Float64Array;
  /** Per unit: FLAGGED once its heading was tested, with BOILERPLATE and EXPLAINS (see flagHeading). */
  private readonly headingFlags: Uint8Array;
  /** The concept slots of the query whose results are being built (one query at a time). */
  private slots?: { query: AnalyzedQuery; slots: ConceptSlots };

  constructor(
    private readonly corpus: Corpus,
    private readonly refs: readonly UnitRef[],
    private readonly cfg: RankingConfig,
    private readonly priors: DocPriors,
    private readonly store: PassageStore,
  ) {
    refs.forEach((r, id) => {
      const list = this.unitsOfDoc.get(r.doc) ?? [];
      list.push(id);
      this.unitsOfDoc.set(r.doc, list);
    });
    this.docOfUnit = Int32Array.from(refs, (r) => r.doc);
    this.kindFactor = Float64Array.from(corpus.docs, (d) => cfg.kindPrior[d.kind] ?? 1);
    this.headingFlags = new Uint8Array(refs.length);
  }

  /** Units arrive best first, so each doc's first unit is its best section. */
  groupByDoc(units: readonly UnitScore[], cues: QueryCues, allowed?: (unit: number) => boolean): DocGroup[] {
    const byDoc = new Map<number, DocGroup>();
    for (const u of units) {
      const d = this.docOfUnit[u.id];
      const g = byDoc.get(d);
      if (!g) byDoc.set(d, { doc: d, score: u.score, units: [u] });
      else {
        if (g.units.length <= MORE_SECTIONS)
          g.score += (this.cfg.extraSectionWeights[g.units.length - 1] ?? 0) * u.score;
        g.units.push(u);
      }
    }
    const docs = [...byDoc.values()];
    for (const g of docs) {
      g.score *= this.kindFactor[g.doc];
      g.score *= this.priors.factor(g.doc, cues, this.cfg.priors);
    }
    docs.sort((a, b) => descending(a.score, b.score) || a.doc - b.doc);
    this.placeCrossCutting(docs, byDoc, cues, allowed);
    placeMethodPages(docs, this.corpus, cues);
    return docs.sort((a, b) => descending(a.score, b.score) || a.doc - b.doc);
  }

  /**
   * Limits, error and glossary pages hold facts the product pages only allude to: when a question
   * asks for one (429, "how many per minute", "what is an ACS URL"), its page goes first (strong cue)
   * or right after the first result (weak cue), whether or not its words matched.
   */
  private placeCrossCutting(
    docs: DocGroup[],
    byDoc: Map<number, DocGroup>,
    cues: QueryCues,
    allowed?: (unit: number) => boolean,
  ): void {
    const top = docs[0]?.score ?? 0;
    if (top <= 0) return;
    for (const { doc, strength } of this.priors.wanted(cues)) {
      const ids = this.unitsOfDoc.get(doc) ?? [];
      if (allowed && !ids.some(allowed)) continue;
      const target = strength === 2 ? top * 1.01 : top * 0.99;
      const g = byDoc.get(doc);
      if (g) g.score = Math.max(g.score, target);
      else docs.push({ doc, score: target, units: [] });
    }
  }

  toResult(d: DocGroup, ctx: QueryContext): SearchResult {
    const doc = this.corpus.docs[d.doc];
    const chosen = this.chooseSections(d, ctx);
    const [best] = chosen;
    const parent = this.commonParent(chosen);
    // siblings that answer about equally are read together through their small parent section
    const pointed = parent === undefined ? best : { ...best, id: parent };
    const rest = chosen.slice(1).filter((c) => parent === undefined || !this.isWithin(c.id, parent));
    const top = { ...this.hit(best, ctx), ...this.place(pointed.id) };
    const language =
      ctx.cues.language && this.priors.hasLanguage(d.doc, ctx.cues.language) ? ctx.cues.language : undefined;
    return {
      path: doc.path,
      anchor: top.anchor,
      title: doc.title,
      section: top.section,
      headingPath: this.headingPath(pointed.id),
      url: top.anchor ? `${doc.url}#${top.anchor}` : doc.url,
      kind: doc.kind,
      product: doc.product,
      snippet: top.snippet,
      score: round(d.score),
      ...(language ? { language } : {}),
      more: rest.map((c) => this.hit(c, ctx)),
    };
  }

  /**
   * The answering section: the index score of each matching section blended with its best
   * passage's concept coverage, so the section whose one sentence or row holds the question's
   * words together wins over the one that mentions them most often.
   */
  private chooseSections(d: DocGroup, ctx: QueryContext): Scored[] {
    const ids =
      d.units.length > 0
        ? d.units.slice(0, SECTION_CANDIDATES).map((u) => u.id)
        : (this.unitsOfDoc.get(d.doc) ?? []).slice(0, SECTION_CANDIDATES);
    // only the candidates' scores are read
    const unitScore = new Map<number, number>();
    for (let i = 0; i < d.units.length && i < SECTION_CANDIDATES; i++)
      unitScore.set(d.units[i].id, d.units[i].score);
    const maxUnit = Math.max(1e-9, ...ids.map((id) => unitScore.get(id) ?? 0));
    const lambda = this.cfg.passageWeight;
    const explain = ctx.cues.question.explain;
    const blend = (id: number, passage: number): number => {
      const score = (1 - lambda) * ((unitScore.get(id) ?? 0) / maxUnit) + lambda * passage;
      if (this.isBoilerplate(id)) return score * this.cfg.boilerplatePrior;
      return explain && this.isExplaining(id) ? score * this.cfg.explainingSectionBoost : score;
    };
    // Scoring a section's passages is the costly part of a query. A section whose score could not
    // reach the kept ones even with a perfect passage is never scored: candidates go best bound
    // first, and once the bound falls below the last kept score no later one can be kept.
    // The kept sections, their order and scores are exactly what scoring all of them gives.
    const ceiling = passageScoreCeiling(ctx.query.concepts);
    const candidates = ids.map((id) => ({ id, bound: blend(id, ceiling) }));
    candidates.sort((a, b) => descending(a.bound, b.bound) || a.id - b.id);
    const scored: Scored[] = [];
    const kept = 1 + MORE_SECTIONS;
    const slots = this.slotsOf(ctx.query);
    for (const { id, bound } of candidates) {
      if (scored.length >= kept && bound < scored[kept - 1].score) break;
      const scorer = this.store.scorer(id, slots);
      const fits = fitsOf(ctx.query, this.namesLimits(id));
      const found = bestPassage(this.store, id, slots, scorer, fits, explain);
      // a symptom is explained by a section that states the rule or exception behind it, not by steps
      const best =
        explain && (found.shapes & STATES_BEHAVIOUR) === 0
          ? found.score * this.cfg.behaviourlessShare
          : found.score;
      // a section with nothing under its heading still answers by its heading
      const score = found.index < 0 ? scorer.score(slots.next(), fits ? { fits: fits(0) } : undefined) : best;
      scored.push({ id, score: blend(id, score), passage: found.index, matched: EMPTY });
      scored.sort((a, b) => descending(a.score, b.score) || a.id - b.id);
    }
    const [first, ...others] = scored;
    return [
      first,
      ...others
        .filter((s) => s.score >= MORE_SECTION_MIN_SHARE * first.score && s.score > 0)
        .slice(0, MORE_SECTIONS),
    ].map((s) => ({ ...s, matched: this.matchedTerms(s.id, d) }));
  }

  private slotsOf(query: AnalyzedQuery): ConceptSlots {
    if (this.slots?.query !== query) this.slots = { query, slots: new ConceptSlots(query.concepts) };
    return this.slots.slots;
  }

  private isExplaining(id: number): boolean {
    let f = this.headingFlags[id];
    if (f === 0) f = this.flagHeading(id);
    return (f & EXPLAINS) !== 0;
  }

  /** Its heading names limits (see LIMIT_HEADINGS): such a section answers "how many" without digits. */
  private namesLimits(id: number): boolean {
    let f = this.headingFlags[id];
    if (f === 0) f = this.flagHeading(id);
    return (f & LIMITS) !== 0;
  }

  private isBoilerplate(id: number): boolean {
    let f = this.headingFlags[id];
    if (f === 0) f = this.flagHeading(id);
    return (f & BOILERPLATE) !== 0;
  }

  /** What a unit's heading says (boilerplate, explaining), tested once per unit rather than per query. */
  private flagHeading(id: number): number {
    const { doc, section } = this.refs[id];
    const s = this.corpus.docs[doc].sections[section];
    const f =
      FLAGGED |
      (BOILERPLATE_HEADINGS.test(s.heading.trim()) ? BOILERPLATE : 0) |
      (explainsBehaviour(s) ? EXPLAINS : 0) |
      (LIMIT_HEADINGS.test(s.heading) ? LIMITS : 0);
    this.headingFlags[id] = f;
    return f;
  }

  /**
   * The parent section of the two best sections when they are siblings that score about the same
   * ("Stream states" and "State transitions" under "Stream states and management") and the parent,
   * with everything under it, is short enough to read at once.
   */
  private commonParent(chosen: readonly Scored[]): number | undefined {
    const [a, b] = chosen;
    if (!b || b.score < SIBLING_SHARE * a.score) return undefined;
    const pa = this.parentOf(a.id);
    if (pa === undefined || pa !== this.parentOf(b.id)) return undefined;
    const { doc, section } = this.refs[pa];
    const sections = this.corpus.docs[doc].sections;
    const depth = sections[section].depth;
    let chars = sections[section].markdown.length;
    for (let i = section + 1; i < sections.length && sections[i].depth > depth; i++)
      chars += sections[i].markdown.length;
    return chars <= MAX_PARENT_READ ? pa : undefined;
  }

  /** Unit id of a section's parent (the nearest section above it with a smaller depth). */
  private parentOf(id: number): number | undefined {
    const { doc, section } = this.refs[id];
    const sections = this.corpus.docs[doc].sections;
    const depth = sections[section].depth;
    if (depth <= 1) return undefined;
    for (let i = section - 1; i >= 0; i--) {
      if (sections[i].depth < depth) return sections[i].depth > 0 ? id - (section - i) : undefined;
    }
    return undefined;
  }

  private isWithin(id: number, parent: number): boolean {
    for (let p = this.parentOf(id); p !== undefined; p = this.parentOf(p)) if (p === parent) return true;
    return false;
  }

  /** Anchor and heading of a unit's section. */
  private place(id: number): { anchor: string; section: string } {
    const { doc, section } = this.refs[id];
    const d = this.corpus.docs[doc];
    return { anchor: d.sections[section].anchor, section: d.sections[section].heading || d.title };
  }

  private matchedTerms(id: number, d: DocGroup): ReadonlySet<string> {
    return new Set(d.units.find((u) => u.id === id)?.matched ?? []);
  }

  private hit(s: Scored, ctx: QueryContext): SectionHit {
    const { doc, section } = this.refs[s.id];
    const d = this.corpus.docs[doc];
    const sec = d.sections[section];
    return {
      anchor: sec.anchor,
      section: sec.heading || d.title,
      snippet: this.snippetOf(s, ctx),
      score: round(s.score),
    };
  }

  /**
   * The answering passage, highlighted; on a reference page asked about in one SDK language, that
   * language's method line ("Go: `organizations.CreateOrganization()` — parameters: ...").
   */
  private snippetOf(s: Scored, ctx: QueryContext): string {
    const matched = new Set([...s.matched, ...ctx.query.termWeights.keys()]);
    const lang = ctx.cues.language;
    if (lang) {
      const line = this.store.passage(s.id, this.store.startingWith(s.id, `${LANGUAGE_NAMES[lang]}:`));
      if (line) return makeSnippet(line.text, matched, line.tokens, this.cfg.snippetLength);
    }
    const at = s.passage >= 0 ? s.passage : 0;
    // "which endpoint / SDK method ...": the line naming it leads, the answering passage follows
    const lead = this.operationLine(s.id, ctx);
    if (lead >= 0 && lead !== at) {
      const line = this.store.passage(s.id, lead);
      const p = this.store.passage(s.id, at);
      if (line && p) {
        const head = makeSnippet(line.text, matched, line.tokens, this.cfg.snippetLength);
        const room = this.cfg.snippetLength - line.text.length;
        return room >= this.cfg.snippetRunOnRoom
          ? `${head} ${makeSnippet(p.text, matched, p.tokens, room)}`
          : head;
      }
    }
    const p = this.store.passage(s.id, at);
    if (!p) return this.corpus.docs[this.refs[s.id].doc].description.slice(0, this.cfg.snippetLength);
    // A short passage leaves room for the next one, which often carries the fact the matching
    // sentence introduces ("It is possible to receive the same event more than once." -> "... use
    // idempotent operations"). Only for the first result, the one read first: elsewhere it costs more
    // characters than it answers.
    const next = ctx.wide ? this.store.passage(s.id, at + 1) : undefined;
    if (next && this.cfg.snippetLength - p.text.length >= this.cfg.snippetRunOnRoom)
      return makeSnippet(`${p.text} ${next.text}`, matched, undefined, this.cfg.snippetLength);
    return makeSnippet(p.text, matched, p.tokens, this.cfg.snippetLength);
  }

  /**
   * For a question asking which endpoint or SDK method to call (and naming no language), the line of
   * a reference section that names it: "Endpoint: POST /user_management/authenticate", or the first
   * SDK method line. -1 when the section has none or the question asks otherwise.
   */
  private operationLine(id: number, ctx: QueryContext): number {
    if (!ctx.cues.question.operation) return -1;
    if (this.corpus.docs[this.refs[id].doc].kind !== 'reference') return -1;
    if (ENDPOINT_QUESTION.test(ctx.query.text)) return this.store.startingWith(id, 'Endpoint:');
    for (const language of REFERENCE_LANGUAGES) {
      if (language === 'curl') continue;
      const at = this.store.startingWith(id, `${LANGUAGE_NAMES[language]}:`);
      if (at >= 0) return at;
    }
    return -1;
  }

  private headingPath(id: number): string[] {
    const { doc, section } = this.refs[id];
    const d = this.corpus.docs[doc];
    return d.sections[section].headingPath.filter((h) => h && h !== d.title);
  }
}

/**
 * A reference page defining the method the question spells, in the asked language, goes above the
 * SDK declaration pages that define the same name: it has the parameters, the other languages and
 * the endpoint, while the declaration page answers questions about the SDK surface itself (then it
 * keeps its place). Order among the lifted pages is kept.
 */
function placeMethodPages(docs: DocGroup[], corpus: Corpus, cues: QueryCues): void {
  if (cues.methodDocs.size === 0 || cues.sdkSurface) return;
  let top = 0;
  let best = 0;
  for (const g of docs) {
    if (corpus.docs[g.doc].kind === 'api') top = Math.max(top, g.score);
    if (cues.methodDocs.has(g.doc)) best = Math.max(best, g.score);
  }
  if (top <= best || best <= 0) return;
  const lift = (top * 1.01) / best;
  for (const g of docs) if (cues.methodDocs.has(g.doc)) g.score *= lift;
}

const EMPTY: ReadonlySet<string> = new Set();

const FLAGGED = 1;
const BOILERPLATE = 2;
const EXPLAINS = 4;
const LIMITS = 8;

/** An FAQ or troubleshooting entry, or a section under one ("Troubleshooting › Build validation failed"). */
function explainsBehaviour(section: Section): boolean {
  return section.headingPath.some(isExplainingHeading);
}

interface Scored {
  id: number;
  score: number;
  /** The answering passage's number in its section, -1 when none matched. */
  passage: number;
  matched: ReadonlySet<string>;
}

/**
 * Whether a passage of a given shape (or its section, by a heading like "Limits") can give the kind
 * of answer asked; undefined when the question asks for no particular kind.
 */
function fitsOf(q: AnalyzedQuery, limits: boolean): ((shape: number) => boolean) | undefined {
  const type = q.answerType;
  if (!type) return undefined;
  return (shape) => (type === 'count' && limits) || fitsAnswer(shape, type);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
