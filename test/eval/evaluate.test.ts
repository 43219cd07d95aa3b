import { describe, expect, it } from 'vitest';
import { parseOldResults } from '../../harness/eval/baseline.js';
import {
  evaluate,
  firstRelevantRank,
  loadEvalSet,
  normalizePath,
  percentile,
} from '../../harness/eval/evaluate.js';

describe('evaluation metrics', () => {
  const queries = [
    { id: 'a', kind: 'x', query: 'a', relevant: ['p1'] },
    { id: 'b', kind: 'x', query: 'b', relevant: ['p2', 'p3'] },
    { id: 'c', kind: 'y', query: 'c', relevant: ['p4'] },
  ];

  it('computes Recall@1, Recall@5 and MRR@10 overall and per kind', () => {
    const rankings = new Map([
      ['a', ['p1']],
      ['b', ['z', 'z2', 'p3']],
      ['c', ['q', 'q', 'q', 'q', 'q', 'q', 'p4']],
    ]);
    const r = evaluate(queries, rankings);
    expect(r.overall.recallAt1).toBeCloseTo(1 / 3);
    expect(r.overall.recallAt5).toBeCloseTo(2 / 3);
    expect(r.overall.mrrAt10).toBeCloseTo((1 + 1 / 3 + 1 / 7) / 3);
    expect(r.byKind.x).toMatchObject({ n: 2, recallAt5: 1 });
    expect(r.ranks).toEqual({ a: 1, b: 3, c: 7 });
  });

  it('normalises index paths and ignores ranks past the depth', () => {
    expect(normalizePath('sso/index')).toBe('sso');
    expect(normalizePath('/sso/')).toBe('sso');
    expect(firstRelevantRank(['x', 'sso/index'], ['sso'])).toBe(2);
    expect(firstRelevantRank(Array(11).fill('x').concat('sso'), ['sso'])).toBeNull();
  });

  it('reads paths from the old server output', () => {
    expect(
      parseOldResults('# Search\n\n## \u{1F4C4} sso/index\n\ntext\n## \u{1F4C4} integrations/okta-saml\n'),
    ).toEqual(['sso', 'integrations/okta-saml']);
  });

  it('percentile picks the nearest rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 100], 95)).toBe(100);
  });

  it('the shipped evaluation set is large, varied and well-formed', () => {
    const set = loadEvalSet();
    expect(set.length).toBeGreaterThanOrEqual(80);
    expect(new Set(set.map((q) => q.id)).size).toBe(set.length);
    expect(new Set(set.map((q) => q.kind)).size).toBeGreaterThanOrEqual(6);
    for (const q of set) {
      expect(q.relevant.length).toBeGreaterThanOrEqual(1);
      expect(q.relevant.length).toBeLessThanOrEqual(3);
    }
  });
});
