import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuntime } from '../../src/lifecycle/load-runtime.js';
import { readDoc } from '../../src/core/read-doc.js';
import type { Runtime } from '../../src/core/runtime.js';
import { bundledCorpusFile } from '../../src/lifecycle/corpus-location.js';
import { searchDocs } from '../../src/core/search.js';
import { formatSearch } from '../../src/core/format/search.js';
import { MCP_FACE } from '../../src/server/face.js';
import {
  ANSWER_KINDS,
  type AnswerEngine,
  factsIn,
  loadAnswerSet,
  metricsOf,
  normalizeForFacts,
  playTrajectory,
} from '../../harness/eval/answers.js';

const questions = loadAnswerSet();

describe('answer-level evaluation set', () => {
  it('has enough questions of every kind, a quarter naming an SDK language, a third or more held out', () => {
    expect(questions.length).toBeGreaterThanOrEqual(150);
    for (const kind of ANSWER_KINDS)
      expect(questions.filter((q) => q.kind === kind).length).toBeGreaterThan(15);
    expect(questions.filter((q) => q.language).length).toBeGreaterThanOrEqual(questions.length / 4);
    const held = questions.filter((q) => q.split === 'holdout').length / questions.length;
    expect(held).toBeGreaterThan(0.28);
    // at most about half: the rest is what ranking may be tuned on (b001-b040 were added held out,
    // written blind to the engine, to check this session's changes generalise)
    expect(held).toBeLessThan(0.5);
    for (const c of ['identifier', 'language', 'generic', 'cross-cutting', 'symptom', 'repeated-heading'])
      expect(questions.some((q) => q.class === c)).toBe(true);
  });

  it('matches facts through Markdown marks and escapes, not across unrelated text', () => {
    const text = normalizeForFacts('Limit: **6,000** requests per `60` seconds; use `\\_id`');
    expect(factsIn(text, [['6,000 requests per 60 seconds'], ['_id'], ['7,000', '60 SECONDS']])).toEqual([
      true,
      true,
      true,
    ]);
    expect(factsIn(text, [['per minute']])).toEqual([false]);
  });

  it('scores a trajectory step by step', async () => {
    const engine: AnswerEngine = {
      name: 'fake',
      search: async () => ({
        text: 'one fact: alpha',
        targets: [{ path: 'a', section: 's' }, { path: 'b' }],
      }),
      read: async (t) => (t.path === 'b' ? 'beta is here' : 'nothing'),
    };
    const q = { ...questions[0], doc: 'b', section: '', facts: [['alpha'], ['beta']] };
    const t = await playTrajectory(engine, q);
    expect(t).toMatchObject({ s0: false, s1: false, s3: true, readsToAnswer: 2, docRank: 2 });
    expect(t.charsToAnswer).toBe('one fact: alpha'.length + 'nothing'.length + 'beta is here'.length);
    expect(metricsOf([t])).toMatchObject({ n: 1, s0: 0, s1: 0, s3: 1 });
  });
});

// The real corpus is part of the build (CI runs `npm run build` first).
describe('answer-level set on the real corpus', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    const file = bundledCorpusFile();
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" before the tests.`);
    runtime = await loadRuntime({ corpusFile: file });
  });

  it('every fact is in the section the question names', () => {
    const wrong: string[] = [];
    for (const q of questions) {
      const page = readDoc(runtime, {
        path: q.doc,
        section: q.section || undefined,
        maxTokens: 20000,
        page: 1,
      });
      // '' is the page's intro: the text before its first heading
      const text = q.section ? page.markdown : page.markdown.split(/\n#{1,6} /)[0];
      const found = factsIn(normalizeForFacts(text), q.facts);
      if (!found.every(Boolean)) wrong.push(`${q.id} ${q.doc}#${q.section}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers most tuning questions from the search answer alone (regression guard; targets in bench:answers)', () => {
    // held-out questions are measured by bench:answers, never guarded here: a guard is tuned against
    const tuning = questions.filter((q) => q.split !== 'holdout');
    let answered = 0;
    for (const q of tuning) {
      const text = formatSearch(searchDocs(runtime, { query: q.question, limit: 8 }), MCP_FACE);
      if (factsIn(normalizeForFacts(text), q.facts).every(Boolean)) answered++;
    }
    expect(answered / tuning.length).toBeGreaterThanOrEqual(0.68);
  });
});
