import type { Corpus } from '../corpus/types.js';
import {
  type ConceptSlots,
  type Passage,
  type PassageScorer,
  sectionBody,
  type SplitPassage,
  splitPassages,
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
  /**
   * Scores every passage of `unit` with `scorer` (whose slots are `slots`); `fits` says whether a
   * passage of that shape (answer-type.ts) holds the kind of answer asked, when one is asked.
   */
  best(
    unit: number,
    slots: ConceptSlots,
    scorer: PassageScorer,
    fits?: (shape: number) => boolean,
    withShapes?: boolean,
  ): BestPassage;
  /** Passage `index` of `unit` with its text, for a snippet (undefined past its last passage). */
  passage(unit: number, index: number): Passage | undefined;
  /** The number of the unit's first passage whose text starts with `prefix`, -1 when none does. */
  startingWith(unit: number, prefix: string): number;
}

/** Scores the passages a function lists: shared by both stores (same loop, same tie rule). */
export function bestOf(
  count: number,
  mark: (i: number) => number,
  shape: (i: number) => number,
  scorer: PassageScorer,
  fits?: (shape: number) => boolean,
  withShapes = false,
): BestPassage {
  let index = -1;
  let score = 0;
  let shapes = 0;
  for (let i = 0; i < count; i++) {
    const stamp = mark(i);
    const s = scorer.score(stamp, fits ? { fits: fits(shape(i)) } : undefined);
    if (withShapes) shapes |= shape(i);
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

  constructor(
    private readonly corpus: Corpus,
    private readonly refs: readonly UnitRef[],
  ) {}

  best(
    unit: number,
    slots: ConceptSlots,
    scorer: PassageScorer,
    fits?: (shape: number) => boolean,
    withShapes?: boolean,
  ): BestPassage {
    const ps = this.split(unit);
    return bestOf(
      ps.length,
      (i) => slots.markSet(ps[i].terms),
      (i) => ps[i].shape,
      scorer,
      fits,
      withShapes,
    );
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
