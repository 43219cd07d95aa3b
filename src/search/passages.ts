import { passageShape } from './answer-type.js';
import { markdownToPlainText } from './plain-text.js';
import type { Concept } from './query.js';
import { cachedTerms as termsOf, rawTokens, tokenize } from './tokenize.js';

/**
 * Passages: the units an answer lives in. A fact is one sentence, one table row, one list item or
 * one code line ("6,000 requests per 60 seconds per IP address", "- Go: `organizations.Create...`"),
 * so sections are cut at those boundaries and each piece is scored by how many of the question's
 * concepts it holds together. This picks the answering section of a page and the snippet shown.
 */
export interface Passage {
  /** Plain text, as shown in a snippet. */
  readonly text: string;
  /** Offsets of the tokens and their terms, for highlighting. */
  readonly tokens: readonly PassageToken[];
  /** What kind of answer it can give (answer-type.ts: a number, a duration). */
  readonly shape: number;
}

export interface PassageToken {
  start: number;
  end: number;
  terms: string[];
}

/**
 * Every passage of a candidate section is scored, but only the few shown become snippets: the
 * token offsets are worked out (and kept) for those alone, which is most of the cold-query time
 * and of what the per-section cache holds.
 */
export class TextPassage implements Passage {
  private offsets?: PassageToken[];

  /** `shape`: when already known (the passage table stores it); else worked out on first ask. */
  constructor(
    readonly text: string,
    private shapeBits?: number,
  ) {}

  get tokens(): readonly PassageToken[] {
    this.offsets ??= passageTokens(this.text);
    return this.offsets;
  }

  /** Asked for only when the question expects a number or a duration. */
  get shape(): number {
    this.shapeBits ??= passageShape(this.text);
    return this.shapeBits;
  }
}

/** A passage cut at run time, with its index terms. */
export class SplitPassage extends TextPassage {
  constructor(
    text: string,
    /** Index terms of the passage (query-independent, cached with it). */
    readonly terms: ReadonlySet<string>,
  ) {
    super(text);
  }
}

/** Token offsets and terms of a passage's text, for highlighting (snippet.ts). */
export function passageTokens(text: string): PassageToken[] {
  return rawTokens(text).map((t) => ({ start: t.start, end: t.end, terms: termsOf(t.text) }));
}

/** A section's Markdown without its heading line: what its passages are cut from. */
export function sectionBody(markdown: string): string {
  return markdown.replace(/^\s*#{1,6}[^\n]*\n?/, '');
}

/** Passages longer than this are split into sentences: a snippet should be one thought. */
const MAX_PASSAGE = 320;
/** Bounded work per section: the facts a reader needs are rarely past the first few kilobytes. */
const MAX_SECTION_CHARS = 12_000;
const MAX_PASSAGES = 120;

function makePassage(text: string, context?: ReadonlySet<string>): SplitPassage | undefined {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length < 2) return undefined;
  const raw = tokenize(clean);
  if (raw.length === 0) return undefined;
  const terms = new Set<string>(context);
  for (const token of raw) for (const term of termsOf(token)) terms.add(term);
  return new SplitPassage(clean, terms);
}

/** A raw passage with, for a table row, the terms of its table's header row. */
interface RawPassage {
  text: string;
  context?: ReadonlySet<string>;
}

function sentences(text: string): string[] {
  if (text.length <= MAX_PASSAGE) return [text];
  const out: string[] = [];
  // a sentence ends at . ! ? followed by a space and a capital, a digit or a quote (not "e.g. the")
  for (const s of text.split(/(?<=[.!?])\s+(?=[A-Z0-9"'(`*])/)) {
    if (s.length <= MAX_PASSAGE) out.push(s);
    else for (let i = 0; i < s.length; i += MAX_PASSAGE) out.push(s.slice(i, i + MAX_PASSAGE));
  }
  return out;
}

/** Splits one section's Markdown (its heading line excluded) into passages. */
export function splitPassages(markdown: string): SplitPassage[] {
  const lines = markdown.slice(0, MAX_SECTION_CHARS).split('\n');
  const raw: RawPassage[] = [];
  const push = (texts: string[], context?: ReadonlySet<string>): void => {
    for (const text of texts) raw.push({ text, context });
  };
  let prose: string[] = [];
  const flush = (): void => {
    if (prose.length > 0) push(sentences(markdownToPlainText(prose.join(' '))));
    prose = [];
  };
  let inCode = false;
  // A row answers with its columns' names: "| Invitation | <welcome@...> |" under "| Email | Sent from |"
  // is where invitation emails are sent from. The header row's terms count as the row's own.
  let header: ReadonlySet<string> | undefined;
  let headerLine: string | undefined;
  for (const line of lines) {
    const t = line.trim();
    if (!t.startsWith('|')) header = headerLine = undefined;
    if (/^(```|~~~)/.test(t)) {
      flush();
      inCode = !inCode;
      continue;
    }
    if (t === '' || /^#{1,6}\s/.test(t)) {
      flush();
      continue;
    }
    // a definition line ("403" then ": The API key used did not have ...") is one passage with its term
    if (!inCode && /^:\s/.test(t) && prose.length === 1) {
      push(sentences(markdownToPlainText(`${prose[0]} — ${t.slice(1).trim()}`)));
      prose = [];
      continue;
    }
    // list items, table rows, definition lines and code lines are passages of their own
    if (inCode || /^([-*+]|\d+\.)\s|^\||^:\s/.test(t)) {
      flush();
      if (/^\|?\s*:?-{3,}/.test(t)) {
        // table rule: the line above was the header
        if (headerLine !== undefined) header = termSet(markdownToPlainText(headerLine));
        continue;
      }
      if (t.startsWith('|') && !inCode) headerLine ??= t;
      push(sentences(markdownToPlainText(t)), header);
      continue;
    }
    prose.push(t);
  }
  flush();
  const out: SplitPassage[] = [];
  for (const r of raw) {
    const p = makePassage(r.text, r.context);
    if (p) out.push(p);
    if (out.length >= MAX_PASSAGES) break;
  }
  return out;
}

export function termSet(text: string): Set<string> {
  return new Set(rawTokens(text).flatMap((t) => termsOf(t.text)));
}

/** How much of a concept's weight a passage earns when the title or heading already says it. */
export const TITLE_SHARE = 0.3;
export const HEADING_SHARE = 0.6;

/**
 * The most passageScore can give for these concepts, whatever the passage, heading and title: no
 * more than a concept's weight per concept, or its best alternative's quality if that is above 1.
 * Infinity when a weight is not positive (then no bound holds). Summed in passageScore's order, so
 * the bound holds in floating point too.
 */
export function passageScoreCeiling(concepts: readonly Concept[]): number {
  let sum = 0;
  let total = 0;
  for (const c of concepts) {
    const w = c.weight ?? 1;
    if (!(w > 0)) return Infinity;
    total += w;
    let quality = 1;
    for (const alt of c.alternatives) if (alt.quality > quality) quality = alt.quality;
    sum += w * quality;
  }
  return total > 0 ? sum / total : 0;
}

/**
 * Weighted share of the question's concepts a passage holds (0..1). A concept the doc title already
 * satisfies counts little (every passage of the page has it); one in the section heading counts
 * more; in the passage itself, fully.
 */
export function passageScore(
  concepts: readonly Concept[],
  passage: ReadonlySet<string>,
  heading: ReadonlySet<string>,
  title: ReadonlySet<string>,
  answer?: { fits: boolean },
): number {
  const slots = new ConceptSlots(concepts);
  return PassageScorer.forSets(slots, heading, title).score(slots.markSet(passage), answer);
}

/**
 * The distinct terms of a query's concepts, numbered (slots), and for each alternative of each
 * concept the slots of its terms in order (a repeated term counts twice). A
 * passage is scored from which slots it holds, however its terms are stored: a Set of strings when
 * split at run time, term numbers when it comes from the prebuilt table (passage-table.ts).
 */
export class ConceptSlots {
  readonly terms: string[] = [];
  readonly alternatives: { slots: Int32Array; quality: number }[][];
  /** present[slot] === stamp: the passage being scored holds the slot's term. */
  readonly present: Uint32Array;
  private stamp = 0;

  constructor(readonly concepts: readonly Concept[]) {
    const slotOf = new Map<string, number>();
    this.alternatives = concepts.map((c) =>
      c.alternatives.map((alt) => ({
        quality: alt.quality,
        slots: Int32Array.from(alt.terms, (t) => {
          let s = slotOf.get(t);
          if (s === undefined) {
            s = this.terms.push(t) - 1;
            slotOf.set(t, s);
          }
          return s;
        }),
      })),
    );
    this.present = new Uint32Array(this.terms.length);
  }

  /** Starts a passage: no slot is present until marked. Returns the stamp to mark with. */
  next(): number {
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.present.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /** How well the terms marked with `stamp` satisfy concept `i`: conceptSatisfaction with exact matches. */
  satisfied(i: number, stamp: number): number {
    let best = 0;
    for (const alt of this.alternatives[i]) {
      let hit = 0;
      for (let k = 0; k < alt.slots.length; k++) if (this.present[alt.slots[k]] === stamp) hit += 1;
      const s = (hit / alt.slots.length) * alt.quality;
      if (s > best) best = s;
    }
    return best;
  }

  /**
   * Per concept, what every passage of a section is given anyway: the larger of its heading's and
   * its title's shares. `markHeading` and `markTitle` mark the slots each holds and return the stamp.
   */
  floors(markHeading: () => number, markTitle: () => number): number[] {
    const n = this.concepts.length;
    const heading = markHeading();
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(HEADING_SHARE * this.satisfied(i, heading));
    const title = markTitle();
    for (let i = 0; i < n; i++) out[i] = Math.max(out[i], TITLE_SHARE * this.satisfied(i, title));
    return out;
  }

  /** Marks the slots a set of terms holds, for a new passage; returns its stamp. */
  markSet(terms: ReadonlySet<string>): number {
    const stamp = this.next();
    for (let s = 0; s < this.terms.length; s++) if (terms.has(this.terms[s])) this.present[s] = stamp;
    return stamp;
  }
}

/**
 * passageScore for the passages of one section: what the heading and the title give each concept
 * is worked out once, not once per passage. Same arithmetic in the same order, so the same scores.
 */
export class PassageScorer {
  private readonly weights: number[] = [];
  private readonly total: number = 0;

  /** `floors`: per concept, the larger of its heading and title shares (ConceptSlots.floors). */
  constructor(
    private readonly slots: ConceptSlots,
    private readonly floors: readonly number[],
  ) {
    let total = 0;
    for (const c of slots.concepts) {
      const w = c.weight ?? 1;
      total += w;
      this.weights.push(w);
    }
    this.total = total;
  }

  /** For a section whose heading and title terms are sets of strings. */
  static forSets(
    slots: ConceptSlots,
    heading: ReadonlySet<string>,
    title: ReadonlySet<string>,
  ): PassageScorer {
    return new PassageScorer(
      slots,
      slots.floors(
        () => slots.markSet(heading),
        () => slots.markSet(title),
      ),
    );
  }

  /** The score of the passage whose slots were marked with `stamp` (ConceptSlots.next / markSet). */
  score(stamp: number, answer?: { fits: boolean }): number {
    let sum = 0;
    const { weights, floors, slots } = this;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i];
      const inP = slots.satisfied(i, stamp);
      if (inP >= 1) {
        sum += w;
        continue;
      }
      sum += w * (inP > floors[i] ? inP : floors[i]);
    }
    const score = this.total > 0 ? sum / this.total : 0;
    // a passage without the expected kind of answer (no number for "how many") answers less
    return answer && !answer.fits ? score * MISSING_ANSWER_SHARE : score;
  }
}

/** What a passage without a number or duration keeps of its score when the question asks for one. */
const MISSING_ANSWER_SHARE = 0.4;
