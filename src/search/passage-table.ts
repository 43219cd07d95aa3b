/**
 * Every section's passages, cut once by the corpus build and stored as flat typed arrays in the
 * bundle (as raw bytes, like the term index): a query scores a section's passages from their term
 * numbers without cutting Markdown, tokenizing or allocating, which was most of a cold query's CPU
 * and the largest cache a long session grew (11 MB of passage objects and Sets after 1,000 calls).
 * Texts are decoded only for the passages a snippet shows.
 *
 * Layout: passages of unit u are p in [units[u], units[u+1]); passage p's term numbers are
 * terms[termStart[p] .. termStart[p+1]), its shape bits shapes[p] (answer-type.ts), its text the
 * UTF-8 bytes text[textEnd[p-1] .. textEnd[p]) (textEnd[-1] = 0). Term numbers index the dictionary:
 * term d is the UTF-8 bytes dict[dictEnd[d-1] .. dictEnd[d]), terms sorted by their bytes. The
 * terms of unit u's heading path (below its doc's title) are headTerms[heads[u] .. heads[u+1]), those
 * of its doc's title and breadcrumb titleTerms[titles[u] .. titles[u+1]).
 */
import { createHash } from 'node:crypto';
import type { Corpus } from '../corpus/types.js';
import { passageShape } from './answer-type.js';
import { headingText, type PassageStore, titleText } from './passage-store.js';
import {
  type ConceptSlots,
  type Passage,
  PassageScorer,
  sectionBody,
  splitPassages,
  termSet,
  TextPassage,
} from './passages.js';
import type { UnitRef } from './units.js';

/** Bumped when the layout below changes. */
export const PASSAGE_TABLE_FORMAT = 2;

export interface StoredPassageTable {
  format: number;
  /** passageFingerprint() of the code that cut them: other passage code means other passages. */
  fingerprint: string;
  units: Uint32Array;
  termStart: Uint32Array;
  terms: Uint16Array | Uint32Array;
  shapes: Uint8Array;
  textEnd: Uint32Array;
  text: Uint8Array;
  dict: Uint8Array;
  dictEnd: Uint32Array;
  heads: Uint32Array;
  headTerms: Uint16Array | Uint32Array;
  titles: Uint32Array;
  titleTerms: Uint16Array | Uint32Array;
}

/**
 * Markdown that exercises every passage rule (sentences, list items, table rows under a header,
 * definition lines, code, long prose). Its passages are hashed, so a table cut by code that cuts or
 * tokenizes differently is not used (the passages are then cut at run time), even if nobody
 * remembered to bump PASSAGE_TABLE_FORMAT.
 */
const PASSAGE_PROBE = [
  'Use the `getAuthorizationUrl()` method. It returns a URL; e.g. the user is redirected. Sessions last 15 minutes.',
  '',
  '- Go: `organizations.CreateOrganization()` — parameters: name',
  '1. Step one',
  '',
  '| Email | Sent from |',
  '| ----- | --------- |',
  '| Invitation | <welcome@workos.dev> |',
  '',
  '403',
  ': The API key used did not have permission.',
  '',
  '```js',
  'const { user } = await workos.userManagement.authenticateWithCode({ code });',
  '```',
  '',
  `${'A very long sentence about Directory Sync webhooks and dsync.user.created events, '.repeat(6)}End.`,
].join('\n');

export function passageFingerprint(): string {
  const probe = splitPassages(PASSAGE_PROBE).map((p) => [p.text, [...p.terms].sort(), passageShape(p.text)]);
  return createHash('sha256')
    .update(JSON.stringify([PASSAGE_TABLE_FORMAT, probe]))
    .digest('hex')
    .slice(0, 16);
}

declare const __WDM_PASSAGE_FINGERPRINT__: string | undefined;

/** As currentAnalyzerFingerprint (index-build.ts): the bundles carry it as a constant. */
export function currentPassageFingerprint(): string {
  return typeof __WDM_PASSAGE_FINGERPRINT__ === 'string' ? __WDM_PASSAGE_FINGERPRINT__ : passageFingerprint();
}

/** Cuts every unit's passages (corpus build). */
export function buildPassageTable(corpus: Corpus, refs: readonly UnitRef[]): StoredPassageTable {
  const cut = refs.map(({ doc, section }) =>
    splitPassages(sectionBody(corpus.docs[doc].sections[section].markdown)),
  );
  const headSets = refs.map(({ doc, section }) =>
    termSet(headingText(corpus.docs[doc], corpus.docs[doc].sections[section])),
  );
  const titleSets = new Map<number, Set<string>>();
  for (const { doc } of refs)
    if (!titleSets.has(doc)) titleSets.set(doc, termSet(titleText(corpus.docs[doc])));
  const all = new Set<string>();
  for (const ps of cut) for (const p of ps) for (const t of p.terms) all.add(t);
  for (const set of [...headSets, ...titleSets.values()]) for (const t of set) all.add(t);
  const dictionary = [...all].map((t) => Buffer.from(t, 'utf8')).sort(Buffer.compare);
  const numberOf = new Map(dictionary.map((b, i) => [b.toString('utf8'), i]));
  const units = [0];
  const termStart = [0];
  const terms: number[] = [];
  const shapes: number[] = [];
  const textEnd: number[] = [];
  const texts: Buffer[] = [];
  let textBytes = 0;
  for (const ps of cut) {
    for (const p of ps) {
      for (const t of p.terms) terms.push(numberOf.get(t)!);
      termStart.push(terms.length);
      shapes.push(passageShape(p.text));
      const bytes = Buffer.from(p.text, 'utf8');
      texts.push(bytes);
      textBytes += bytes.length;
      textEnd.push(textBytes);
    }
    units.push(termStart.length - 1);
  }
  const lists = (sets: readonly ReadonlySet<string>[]): { starts: number[]; numbers: number[] } => {
    const starts = [0];
    const numbers: number[] = [];
    for (const set of sets) {
      for (const t of set) numbers.push(numberOf.get(t)!);
      starts.push(numbers.length);
    }
    return { starts, numbers };
  };
  const heads = lists(headSets);
  const titles = lists(refs.map(({ doc }) => titleSets.get(doc)!));
  const Numbers = dictionary.length <= 0x10000 ? Uint16Array : Uint32Array;
  let dictBytes = 0;
  const dictEnd = dictionary.map((b) => (dictBytes += b.length));
  return {
    format: PASSAGE_TABLE_FORMAT,
    fingerprint: passageFingerprint(),
    units: Uint32Array.from(units),
    termStart: Uint32Array.from(termStart),
    terms: Numbers.from(terms),
    shapes: Uint8Array.from(shapes),
    textEnd: Uint32Array.from(textEnd),
    text: new Uint8Array(Buffer.concat(texts)),
    dict: new Uint8Array(Buffer.concat(dictionary)),
    dictEnd: Uint32Array.from(dictEnd),
    heads: Uint32Array.from(heads.starts),
    headTerms: Numbers.from(heads.numbers),
    titles: Uint32Array.from(titles.starts),
    titleTerms: Numbers.from(titles.numbers),
  };
}

function ascending(a: Uint32Array, first: number, last: number): boolean {
  if (a.length === 0 || a[0] < first) return false;
  for (let i = 1; i < a.length; i++) if (a[i] < a[i - 1]) return false;
  return a[a.length - 1] === last;
}

/**
 * The stored table when it is this code's and fits `unitCount` units; otherwise the reason it is not
 * used (the passages are then cut at run time: same answers, slower cold queries).
 */
export function loadPassageTable(stored: unknown, unitCount: number): PassageTable | { reason: string } {
  const t = stored as Partial<StoredPassageTable> | undefined;
  if (!t || typeof t !== 'object') return { reason: 'no passage table' };
  if (t.format !== PASSAGE_TABLE_FORMAT) return { reason: `passage table format ${String(t.format)}` };
  if (t.fingerprint !== currentPassageFingerprint()) return { reason: 'passage table cut by other code' };
  const {
    units,
    termStart,
    terms,
    shapes,
    textEnd,
    text,
    dict,
    dictEnd,
    heads,
    headTerms,
    titles,
    titleTerms,
  } = t;
  const numbers = (a: unknown): a is Uint16Array | Uint32Array =>
    a instanceof Uint16Array || a instanceof Uint32Array;
  const fits =
    units instanceof Uint32Array &&
    termStart instanceof Uint32Array &&
    numbers(terms) &&
    numbers(headTerms) &&
    numbers(titleTerms) &&
    heads instanceof Uint32Array &&
    titles instanceof Uint32Array &&
    heads.length === unitCount + 1 &&
    titles.length === unitCount + 1 &&
    ascending(heads, 0, headTerms.length) &&
    ascending(titles, 0, titleTerms.length) &&
    shapes instanceof Uint8Array &&
    textEnd instanceof Uint32Array &&
    text instanceof Uint8Array &&
    dict instanceof Uint8Array &&
    dictEnd instanceof Uint32Array &&
    units.length === unitCount + 1 &&
    units[0] === 0 &&
    ascending(units, 0, termStart.length - 1) &&
    ascending(termStart, 0, terms.length) &&
    shapes.length === termStart.length - 1 &&
    textEnd.length === shapes.length &&
    (textEnd.length === 0 || ascending(textEnd, 0, text.length)) &&
    (dictEnd.length === 0 || ascending(dictEnd, 0, dict.length));
  // Term numbers are not checked one by one (200k of them, on the start-up path): one past the
  // dictionary reads `undefined` from owner[] and simply matches nothing.
  if (!fits) return { reason: 'passage table does not fit the index' };
  return new PassageTable(t as StoredPassageTable);
}

/**
 * Passages decoded for snippets (with their token offsets once highlighted), kept for the most
 * recently shown ones only: a session's memory stays flat.
 */
const DECODED_PASSAGES = 2048;

export class PassageTable implements PassageStore {
  private readonly dict: Buffer;
  private readonly text: Buffer;
  /** For the query being scored (generation `gen`): slotOf[term number] when owner[term number] === gen. */
  private readonly slotOf: Int32Array;
  private readonly owner: Uint32Array;
  private gen = 0;
  private bound?: ConceptSlots;
  private readonly decoded = new Map<number, TextPassage>();

  constructor(private readonly t: StoredPassageTable) {
    this.dict = Buffer.from(t.dict.buffer, t.dict.byteOffset, t.dict.byteLength);
    this.text = Buffer.from(t.text.buffer, t.text.byteOffset, t.text.byteLength);
    this.slotOf = new Int32Array(t.dictEnd.length);
    this.owner = new Uint32Array(t.dictEnd.length);
  }

  /** The term number of a term, -1 when no passage holds it (binary search over the sorted bytes). */
  termNumber(term: string): number {
    const key = Buffer.from(term, 'utf8');
    const { dictEnd } = this.t;
    let lo = 0;
    let hi = dictEnd.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.dict.compare(key, 0, key.length, mid === 0 ? 0 : dictEnd[mid - 1], dictEnd[mid]);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Points the term numbers of a query's slots at their slots (once per query). */
  private bind(slots: ConceptSlots): void {
    if (this.bound === slots) return;
    this.gen = (this.gen + 1) >>> 0;
    if (this.gen === 0) {
      this.owner.fill(0);
      this.gen = 1;
    }
    slots.terms.forEach((term, s) => {
      const n = this.termNumber(term);
      if (n < 0) return;
      this.owner[n] = this.gen;
      this.slotOf[n] = s;
    });
    this.bound = slots;
  }

  count(unit: number): number {
    return this.t.units[unit + 1] - this.t.units[unit];
  }

  mark(unit: number, index: number, slots: ConceptSlots): number {
    this.bind(slots);
    const p = this.t.units[unit] + index;
    return this.markList(slots, this.t.terms, this.t.termStart[p], this.t.termStart[p + 1]);
  }

  shape(unit: number, index: number): number {
    return this.t.shapes[this.t.units[unit] + index];
  }

  scorer(unit: number, slots: ConceptSlots): PassageScorer {
    this.bind(slots);
    const { heads, headTerms, titles, titleTerms } = this.t;
    return new PassageScorer(
      slots,
      slots.floors(
        () => this.markList(slots, headTerms, heads[unit], heads[unit + 1]),
        () => this.markList(slots, titleTerms, titles[unit], titles[unit + 1]),
      ),
    );
  }

  /** Marks the slots that term numbers list[from .. to) hold, as one new stamp. */
  private markList(slots: ConceptSlots, list: Uint16Array | Uint32Array, from: number, to: number): number {
    const stamp = slots.next();
    const { owner, slotOf, gen } = this;
    for (let k = from; k < to; k++) {
      const n = list[k];
      if (owner[n] === gen) slots.present[slotOf[n]] = stamp;
    }
    return stamp;
  }

  passage(unit: number, index: number): Passage | undefined {
    const { units, textEnd, shapes } = this.t;
    if (index < 0 || index >= units[unit + 1] - units[unit]) return undefined;
    const p = units[unit] + index;
    let passage = this.decoded.get(p);
    if (passage) {
      // most recently used last
      this.decoded.delete(p);
    } else {
      passage = new TextPassage(
        this.text.toString('utf8', p === 0 ? 0 : textEnd[p - 1], textEnd[p]),
        shapes[p],
      );
      if (this.decoded.size >= DECODED_PASSAGES) this.decoded.delete(this.decoded.keys().next().value!);
    }
    this.decoded.set(p, passage);
    return passage;
  }

  startingWith(unit: number, prefix: string): number {
    const key = Buffer.from(prefix, 'utf8');
    const { units, textEnd } = this.t;
    for (let p = units[unit]; p < units[unit + 1]; p++) {
      const start = p === 0 ? 0 : textEnd[p - 1];
      if (
        textEnd[p] - start >= key.length &&
        this.text.compare(key, 0, key.length, start, start + key.length) === 0
      )
        return p - units[unit];
    }
    return -1;
  }
}
