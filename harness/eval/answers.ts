/**
 * Answer-level evaluation shared by `npm run bench:answers` and the set's own tests: load the
 * question set, play the minimal assistant trajectory against any engine, and score it.
 *
 * The trajectory is what a model does with a docs server: search with the question, read the
 * section the top result points at, then the next results' sections. A question counts as answered
 * at a step when every one of its facts has appeared in what was read so far (S0 = the search answer
 * alone, S1 = after one read, S3 = after three). Characters are counted as the model receives them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ANSWER_KINDS = ['exact', 'how-to', 'concept', 'troubleshooting'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export interface AnswerQuestion {
  id: string;
  kind: AnswerKind;
  /** Failure class the question probes (identifier, language, generic, cross-cutting, symptom, ...). */
  class: string;
  question: string;
  /** Doc path that holds the answer. */
  doc: string;
  /** Anchor of the section that holds it ('' = the page's intro). */
  section: string;
  /** Every fact must appear; each fact is a list of acceptable spellings. */
  facts: string[][];
  /** SDK language the question names, when it does. */
  language?: string;
  /** 'holdout': never looked at while tuning. */
  split?: 'holdout';
  /**
   * 'blind': written from the docs by someone who never ran a search (no ranking seen, no engine
   * code read), so the wording owes nothing to what the engine finds. The most honest measure of
   * how the engine does on questions it has not met.
   */
  written?: 'blind';
}

export const DEFAULT_ANSWER_FILE = fileURLToPath(new URL('../../test/eval/answers.json', import.meta.url));

export function loadAnswerSet(file = DEFAULT_ANSWER_FILE): AnswerQuestion[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { questions?: AnswerQuestion[] };
  const questions = data.questions ?? [];
  const ids = new Set<string>();
  for (const q of questions) {
    const bad = (why: string): never => {
      throw new Error(`Answer set ${file}: question ${q.id ?? JSON.stringify(q)} ${why}`);
    };
    if (!q.id || ids.has(q.id)) bad('needs a unique id');
    ids.add(q.id);
    if (!q.question?.trim()) bad('needs a question');
    if (!ANSWER_KINDS.includes(q.kind)) bad(`has kind "${q.kind}", not one of ${ANSWER_KINDS.join(', ')}`);
    if (!q.doc || typeof q.section !== 'string') bad('needs doc and section');
    if (q.written !== undefined && q.written !== 'blind')
      bad(`has written "${String(q.written)}", not "blind"`);
    if (!Array.isArray(q.facts) || q.facts.length < 1 || q.facts.length > 3) bad('needs 1-3 facts');
    for (const f of q.facts)
      if (!Array.isArray(f) || f.length === 0 || f.some((s) => !s.trim())) bad('has an empty fact');
  }
  return questions;
}

/**
 * Text as a fact is looked for in it: lower case, Markdown emphasis, code marks and escapes gone,
 * whitespace collapsed. The same for facts and answers, so `**6,000**` and `\_id` still match.
 */
export function normalizeForFacts(text: string): string {
  return text
    .toLowerCase()
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
    .replace(/[`*]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ');
}

/** Which facts a (normalized) text holds. */
export function factsIn(normalized: string, facts: readonly string[][]): boolean[] {
  return facts.map((alts) => alts.some((a) => normalized.includes(normalizeForFacts(a).trim())));
}

/** Where a result points: the doc, and for engines that have them the section and SDK language. */
export interface ReadTarget {
  path: string;
  section?: string;
  language?: string;
}

export interface SearchOutcome {
  /** What the model receives (the tool's text content, or the error it is shown). */
  text: string;
  /** Results in rank order, as read calls. */
  targets: ReadTarget[];
}

export interface AnswerEngine {
  readonly name: string;
  search(question: AnswerQuestion): Promise<SearchOutcome>;
  read(target: ReadTarget): Promise<string>;
}

export interface Trajectory {
  id: string;
  /** Facts present in the search answer alone. */
  s0: boolean;
  /** ... after the first read, after three reads. */
  s1: boolean;
  s3: boolean;
  /** Reads needed (0 = the search answer sufficed), null when three were not enough. */
  readsToAnswer: number | null;
  /** Characters received until answered; when never answered, everything received in the trajectory. */
  charsToAnswer: number;
  searchChars: number;
  /** Characters of each read, in order. */
  readChars: number[];
  /** Top result, for diagnosis. */
  top?: ReadTarget;
  /** 1-based rank of the answer's doc among the targets, null when absent. */
  docRank: number | null;
  /** The top result points at the answer's doc and section. */
  sectionAt1: boolean;
}

export const MAX_READS = 3;

export async function playTrajectory(engine: AnswerEngine, q: AnswerQuestion): Promise<Trajectory> {
  const searched = await engine.search(q);
  const seen = factsIn(normalizeForFacts(searched.text), q.facts);
  let chars = searched.text.length;
  const all = (): boolean => seen.every(Boolean);
  const s0 = all();
  let readsToAnswer: number | null = s0 ? 0 : null;
  let charsToAnswer = s0 ? chars : 0;
  const readChars: number[] = [];
  let s1 = s0;
  for (let i = 0; i < Math.min(MAX_READS, searched.targets.length); i++) {
    if (readsToAnswer !== null) break;
    const text = await engine.read(searched.targets[i]);
    readChars.push(text.length);
    chars += text.length;
    factsIn(normalizeForFacts(text), q.facts).forEach((f, j) => (seen[j] ||= f));
    if (all()) {
      readsToAnswer = i + 1;
      charsToAnswer = chars;
    }
    if (i === 0) s1 = all();
  }
  if (readsToAnswer === null) charsToAnswer = chars;
  const want = normalizeDocPath(q.doc);
  const rank = searched.targets.findIndex((t) => normalizeDocPath(t.path) === want);
  const top = searched.targets[0];
  return {
    id: q.id,
    s0,
    s1,
    s3: readsToAnswer !== null,
    readsToAnswer,
    charsToAnswer,
    searchChars: searched.text.length,
    readChars,
    top,
    docRank: rank === -1 ? null : rank + 1,
    sectionAt1: top !== undefined && normalizeDocPath(top.path) === want && (top.section ?? '') === q.section,
  };
}

export function normalizeDocPath(path: string): string {
  return path
    .trim()
    .replace(/#.*$/, '')
    .replace(/\.mdx?$/, '')
    .replace(/^\/+|\/+$/g, '')
    .replace(/(^|\/)index$/, '');
}

export interface AnswerMetrics {
  n: number;
  s0: number;
  s1: number;
  s3: number;
  /** Top result is the answer's doc; and its pointed section is the answer's section. */
  pageAt1: number;
  sectionAt1: number;
  medianChars: number;
  meanChars: number;
  /** Mean characters of the search answer itself. */
  meanSearchChars: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function metricsOf(runs: readonly Trajectory[]): AnswerMetrics {
  const n = runs.length;
  const share = (f: (t: Trajectory) => boolean): number => (n ? runs.filter(f).length / n : 0);
  const chars = runs.map((t) => t.charsToAnswer);
  return {
    n,
    s0: share((t) => t.s0),
    s1: share((t) => t.s1),
    s3: share((t) => t.s3),
    pageAt1: share((t) => t.docRank === 1),
    sectionAt1: share((t) => t.sectionAt1),
    medianChars: median(chars),
    meanChars: n ? chars.reduce((a, b) => a + b, 0) / n : NaN,
    meanSearchChars: n ? runs.reduce((a, t) => a + t.searchChars, 0) / n : NaN,
  };
}

export interface AnswerReport {
  overall: AnswerMetrics;
  byKind: Record<string, AnswerMetrics>;
  byClass: Record<string, AnswerMetrics>;
  bySplit: Record<string, AnswerMetrics>;
  /** Questions written blind to the engine (see AnswerQuestion.written) and the others. */
  bySet: Record<string, AnswerMetrics>;
}

export function splitOf(q: AnswerQuestion): string {
  return q.split === 'holdout' ? 'holdout' : 'tuning';
}

export function report(
  questions: readonly AnswerQuestion[],
  runs: ReadonlyMap<string, Trajectory>,
): AnswerReport {
  const group = (key: (q: AnswerQuestion) => string): Record<string, AnswerMetrics> => {
    const by = new Map<string, Trajectory[]>();
    for (const q of questions) {
      const t = runs.get(q.id);
      if (!t) continue;
      const k = key(q);
      by.set(k, [...(by.get(k) ?? []), t]);
    }
    return Object.fromEntries([...by.entries()].sort().map(([k, list]) => [k, metricsOf(list)]));
  };
  const all = questions.map((q) => runs.get(q.id)).filter((t): t is Trajectory => t !== undefined);
  return {
    overall: metricsOf(all),
    byKind: group((q) => q.kind),
    byClass: group((q) => q.class),
    bySplit: group(splitOf),
    bySet: group((q) => (q.written === 'blind' ? `written blind, ${splitOf(q)}` : 'written earlier')),
  };
}
