/**
 * Coordinate search over the ranking knobs: `node --import tsx scripts/tune-ranking.ts [--corpus FILE]`.
 * Tunes on half of the relevance set and reports the other half, so a change that only fits our own
 * wording shows up as a gap between the two. Coarse steps on purpose.
 */
import { parseArgs } from 'node:util';
import { loadBundle } from '../src/corpus/bundle.js';
import { resolveCorpusFile } from '../src/lifecycle/corpus-location.js';
import { createSearcher } from '../src/search/index.js';
import { DEFAULT_RANKING, type RankingConfig } from '../src/search/rank.js';
import { type EvalQuery, evaluate, loadEvalSet } from '../harness/eval/evaluate.js';

const { values: args } = parseArgs({
  options: { corpus: { type: 'string' }, rounds: { type: 'string', default: '2' } },
});

const bundle = await loadBundle(resolveCorpusFile({ corpusFile: args.corpus }));
const all = loadEvalSet();
const tuneSet = all.filter((_, i) => i % 2 === 0);
const checkSet = all.filter((_, i) => i % 2 === 1);

function objective(cfg: RankingConfig, queries: EvalQuery[]): { score: number; r5: number; mrr: number } {
  const s = createSearcher(bundle.corpus, bundle.searchIndex, cfg);
  const rankings = new Map(
    queries.map((q) => [q.id, s.search(q.query, { limit: 10 }).results.map((r) => r.path)]),
  );
  const m = evaluate(queries, rankings).overall;
  return { score: m.mrrAt10 + m.recallAt5, r5: m.recallAt5, mrr: m.mrrAt10 };
}

type Knob = { name: string; values: number[]; apply: (c: RankingConfig, v: number) => RankingConfig };
const boost = (field: string, values: number[]): Knob => ({
  name: `boost.${field}`,
  values,
  apply: (c, v) => ({ ...c, fieldBoosts: { ...c.fieldBoosts, [field]: v } }),
});
const knobs: Knob[] = [
  boost('title', [3, 5, 8]),
  boost('heading', [2, 3, 5]),
  boost('identifiers', [1, 2, 3]),
  boost('path', [1, 2, 3]),
  boost('description', [1, 1.5, 2.5]),
  { name: 'bm25.b', values: [0.4, 0.6, 0.75], apply: (c, v) => ({ ...c, bm25: { ...c.bm25, b: v } }) },
  { name: 'bm25.k', values: [0.9, 1.2, 1.6], apply: (c, v) => ({ ...c, bm25: { ...c.bm25, k: v } }) },
  { name: 'coverageFloor', values: [0.05, 0.15, 0.3], apply: (c, v) => ({ ...c, coverageFloor: v }) },
  { name: 'coveragePower', values: [1, 2, 3], apply: (c, v) => ({ ...c, coveragePower: v }) },
  { name: 'titleAllBonus', values: [0.3, 0.6, 1], apply: (c, v) => ({ ...c, titleAllBonus: v }) },
  { name: 'phraseBonus', values: [0, 0.3, 0.6], apply: (c, v) => ({ ...c, phraseBonus: v }) },
  {
    name: 'extraSection',
    values: [0, 0.15, 0.3],
    apply: (c, v) => ({ ...c, extraSectionWeights: [v, v / 3] }),
  },
];

let best = { ...DEFAULT_RANKING };
let bestScore = objective(best, tuneSet);
const fmt = (o: { r5: number; mrr: number }): string => `R@5 ${o.r5.toFixed(3)} MRR ${o.mrr.toFixed(3)}`;
console.log(`defaults: tune ${fmt(bestScore)} | check ${fmt(objective(best, checkSet))}`);
for (let round = 0; round < Number(args.rounds); round++) {
  for (const knob of knobs) {
    for (const v of knob.values) {
      const cand = knob.apply(best, v);
      const o = objective(cand, tuneSet);
      if (o.score > bestScore.score + 1e-9) {
        best = cand;
        bestScore = o;
        console.log(`  ${knob.name}=${v}: tune ${fmt(o)} | check ${fmt(objective(best, checkSet))}`);
      }
    }
  }
}
console.log('best:', JSON.stringify(best));
console.log(
  `final: tune ${fmt(bestScore)} | check ${fmt(objective(best, checkSet))} | all ${fmt(objective(best, all))}`,
);
