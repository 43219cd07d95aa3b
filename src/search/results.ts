import type { Corpus } from '../corpus/types.js';
import { markdownToPlainText } from './plain-text.js';
import type { RankingConfig, UnitScore } from './rank.js';
import { analyzeForSnippet, makeSnippet } from './snippet.js';
import type { SearchResult, SectionHit } from './types.js';
import type { UnitRef } from './units.js';

const MORE_SECTIONS = 2;
/** An extra section is listed only if it scores at least this share of the doc's best section. */
const MORE_SECTION_MIN_SHARE = 0.2;

export interface DocGroup {
  doc: number;
  score: number;
  /** Best section first, at most 1 + MORE_SECTIONS. */
  units: UnitScore[];
}

/** Turns ranked sections into ranked documents with snippets. Caches each section's snippet text. */
export class ResultBuilder {
  private readonly snippetSource = new Map<
    number,
    { text: string; tokens: ReturnType<typeof analyzeForSnippet> }
  >();

  constructor(
    private readonly corpus: Corpus,
    private readonly refs: readonly UnitRef[],
    private readonly cfg: RankingConfig,
  ) {}

  /** Units arrive best first, so each doc's first unit is its best section. */
  groupByDoc(units: readonly UnitScore[]): DocGroup[] {
    const byDoc = new Map<number, DocGroup>();
    for (const u of units) {
      const d = this.refs[u.id].doc;
      const g = byDoc.get(d);
      if (!g) byDoc.set(d, { doc: d, score: u.score, units: [u] });
      else if (g.units.length <= MORE_SECTIONS) {
        g.score += (this.cfg.extraSectionWeights[g.units.length - 1] ?? 0) * u.score;
        g.units.push(u);
      }
    }
    const docs = [...byDoc.values()];
    for (const g of docs) g.score *= this.cfg.kindPrior[this.corpus.docs[g.doc].kind] ?? 1;
    return docs.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  toResult(d: DocGroup): SearchResult {
    const doc = this.corpus.docs[d.doc];
    const [best, ...rest] = d.units;
    const top = this.hit(best);
    return {
      path: doc.path,
      anchor: top.anchor,
      title: doc.title,
      section: top.section,
      url: top.anchor ? `${doc.url}#${top.anchor}` : doc.url,
      kind: doc.kind,
      product: doc.product,
      snippet: top.snippet,
      score: round(d.score),
      // only sections that matter next to the best one; a passing mention is not worth the reader's time
      more: rest.filter((u) => u.score >= MORE_SECTION_MIN_SHARE * best.score).map((u) => this.hit(u)),
    };
  }

  private hit(u: UnitScore): SectionHit {
    const { doc, section } = this.refs[u.id];
    const d = this.corpus.docs[doc];
    const s = d.sections[section];
    return {
      anchor: s.anchor,
      section: s.heading || d.title,
      snippet: this.snippetFor(u.id, new Set(u.matched)),
      score: round(u.score),
    };
  }

  private snippetFor(id: number, matched: ReadonlySet<string>): string {
    let src = this.snippetSource.get(id);
    if (!src) {
      const { doc, section } = this.refs[id];
      const d = this.corpus.docs[doc];
      // the heading is shown as `section`; the snippet is about the text under it
      const body = d.sections[section].markdown.replace(/^\s*#{1,6}[^\n]*\n?/, '');
      const text = markdownToPlainText(body) || d.description;
      src = { text, tokens: analyzeForSnippet(text) };
      this.snippetSource.set(id, src);
    }
    return makeSnippet(src.text, matched, src.tokens);
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
