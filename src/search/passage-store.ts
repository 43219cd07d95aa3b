import type { Corpus, Doc, Section } from '../corpus/types.js';
import {
  type ConceptSlots,
  type Passage,
  PassageScorer,
  sectionBody,
  type SplitPassage,
  splitPassages,
  termSet,
} from './passages.js';
import type { UnitRef } from './units.js';

/** The best passage of a unit for one query: its number in the unit (-1: none scored above 0). */
export interface BestPassage {
  index: number;
  score: number;
  /** The shape bits of all the unit's passages OR-ed together, when asked for (else 0). */
  shapes: number;
}

/**
 * The passages of every unit (section), however they are kept: cut from the section's Markdown when
 * first needed (SplitPassageStore), or read from the table the corpus build stored (passage-table.ts).
 * Both give the same passages in the same order, so the same scores and snippets.
 */
export interface PassageStore {
  /** How many passages `unit` has. */
  count(unit: number): number;
  /** Marks in `slots` the query terms passage `index` of `unit` holds; returns the stamp (ConceptSlots). */
  mark(unit: number, index: number, slots: ConceptSlots): number;
  /** The shape bits (answer-type.ts) of passage `index` of `unit`. */
  shape(unit: number, index: number): number;
  /**
   * The scorer of `unit`'s passages for a query: what its heading and its doc's title (with the
   * breadcrumb) already give each concept is worked out once per section.
   */
  scorer(unit: number, slots: ConceptSlots): PassageScorer;
  /** Passage `index` of `unit` with its text, for a snippet (undefined past its last passage). */
  passage(unit: number, index: number): Passage | undefined;
  /** The number of the unit's first passage whose text starts with `prefix`, -1 when none does. */
  startingWith(unit: number, prefix: string): number;
}

/** What a section's heading says beyond its doc's title: its heading path below the title. */
export function headingText(doc: Doc, section: Section): string {
  return section.headingPath.filter((h) => h !== doc.title).join(' ');
}

/** What every section of a doc says by its place: the doc's title and breadcrumb. */
export function titleText(doc: Doc): string {
  return `${doc.title} ${doc.breadcrumb.join(' ')}`;
}

/**
 * Scores every passage of `unit` with `scorer` (whose slots are `slots`), whichever store holds
 * them; `fits` says whether a passage of that shape holds the kind of answer asked, when one is
 * asked; `withShapes` also ORs all the passages' shapes together.
 */
export function bestPassage(
  store: PassageStore,
  unit: number,
  slots: ConceptSlots,
  scorer: PassageScorer,
  fits?: (shape: number) => boolean,
  withShapes = false,
): BestPassage {
  let index = -1;
  let score = 0;
  let shapes = 0;
  const count = store.count(unit);
  for (let i = 0; i < count; i++) {
    const stamp = store.mark(unit, i, slots);
    const s = scorer.score(stamp, fits ? { fits: fits(store.shape(unit, i)) } : undefined);
    if (withShapes) shapes |= store.shape(unit, i);
    if (s > score) {
      score = s;
      index = i;
    }
  }
  return { index, score, shapes };
}

/**
 * Passages cut at run time, kept per unit once cut: the fallback for a corpus whose build stored no
 * passage table (or one made by other passage code).
 */
export class SplitPassageStore implements PassageStore {
  private readonly cache = new Map<number, SplitPassage[]>();
  private readonly headings = new Map<number, ReadonlySet<string>>();
  private readonly titles = new Map<number, ReadonlySet<string>>();

  constructor(
    private readonly corpus: Corpus,
    private readonly refs: readonly UnitRef[],
  ) {}

  count(unit: number): number {
    return this.split(unit).length;
  }

  mark(unit: number, index: number, slots: ConceptSlots): number {
    return slots.markSet(this.split(unit)[index].terms);
  }

  shape(unit: number, index: number): number {
    return this.split(unit)[index].shape;
  }

  scorer(unit: number, slots: ConceptSlots): PassageScorer {
    const { doc, section } = this.refs[unit];
    let heading = this.headings.get(unit);
    if (!heading) {
      const d = this.corpus.docs[doc];
      heading = termSet(headingText(d, d.sections[section]));
      this.headings.set(unit, heading);
    }
    let title = this.titles.get(doc);
    if (!title) {
      title = termSet(titleText(this.corpus.docs[doc]));
      this.titles.set(doc, title);
    }
    return PassageScorer.forSets(slots, heading, title);
  }

  passage(unit: number, index: number): Passage | undefined {
    return this.split(unit)[index];
  }

  startingWith(unit: number, prefix: string): number {
    return this.split(unit).findIndex((p) => p.text.startsWith(prefix));
  }

  private split(unit: number): SplitPassage[] {
    let ps = this.cache.get(unit);
    if (!ps) {
      const { doc, section } = this.refs[unit];
      ps = splitPassages(sectionBody(this.corpus.docs[doc].sections[section].markdown));
      this.cache.set(unit, ps);
    }
    return ps;
  }
}
