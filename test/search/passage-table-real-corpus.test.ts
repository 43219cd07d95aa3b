/**
 * Over the real corpus and every question of our evaluation sets, searching with the stored passage
 * table gives exactly the answers cutting the passages at run time gives (ties, snippets and
 * sections included): the guarantee that storing them moved nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEvalSet } from '../../harness/eval/evaluate.js';
import { DEFAULT_ANSWER_FILE } from '../../harness/eval/answers.js';
import { loadBundle } from '../../src/corpus/bundle.js';
import { bundledCorpusFile } from '../../src/lifecycle/corpus-location.js';
import { createSearcher } from '../../src/search/index.js';

const questions = [
  ...loadEvalSet().map((q) => q.query),
  ...(
    JSON.parse(readFileSync(DEFAULT_ANSWER_FILE, 'utf8')) as { questions: { question: string }[] }
  ).questions.map((q) => q.question),
];

describe('passage table on the real corpus', () => {
  it('answers every evaluation question exactly as passages cut at run time', () => {
    const { corpus, searchIndex } = loadBundle(bundledCorpusFile());
    const stored = createSearcher(corpus, searchIndex);
    expect(stored.stats.passages).toBe('prebuilt');
    const cut = createSearcher(corpus, { ...(searchIndex as object), passages: undefined });
    expect(cut.stats.passages).toMatch(/no passage table/);
    for (const options of [{}, { language: 'python' as const, limit: 3 }])
      for (const q of questions) expect(stored.search(q, options), q).toEqual(cut.search(q, options));
  }, 120_000);
});
