import { describe, expect, it } from 'vitest';
import { replaceBenchmarksSection } from './readme.js';
import { checkRow, formatRatio, markdownTable } from './report.js';
import { median } from './stats.js';
import { buildWorkload, docSet } from './workload.js';

const queries = [
  { id: 'a', kind: 'how-to', query: 'sso setup', relevant: ['sso', 'sso/quick-start'] },
  { id: 'b', kind: 'method', query: 'createOrganization', relevant: ['reference/organization/create'] },
  { id: 'c', kind: 'how-to', query: 'sso login', relevant: ['sso'] },
];

describe('bench helpers', () => {
  it('checks ratios against targets in both directions', () => {
    const faster = checkRow({
      metric: 'p50',
      unit: 'ms',
      ours: 2,
      old: 80,
      better: 'lower',
      target: { max: 1 / 30, text: '30x' },
    });
    expect(faster.ratio).toBeCloseTo(0.025);
    expect(faster.met).toBe(true);
    expect(formatRatio(faster)).toBe('0.025 (40x faster)');
    const slower = checkRow({
      metric: 'rss',
      unit: 'MiB',
      ours: 120,
      old: 100,
      better: 'lower',
      target: { max: 1, text: 'no higher' },
    });
    expect(slower.met).toBe(false);
    expect(checkRow({ metric: 'x', unit: 'ms', ours: 1, old: null, better: 'lower' }).ratio).toBeNull();
  });

  it('renders one Markdown row per metric with both values', () => {
    const table = markdownTable(
      [checkRow({ metric: 'Recall@5', unit: 'ratio', ours: 0.95, old: 0.31, better: 'higher' })],
      { ours: 'new', old: 'old' },
    );
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('| Recall@5');
    expect(table).toContain('0.950');
    expect(table).toContain('0.310');
  });

  it('builds the same workload every time, filled up to the requested number of calls', () => {
    const one = buildWorkload(queries, { passes: 2, totalCalls: 100 });
    expect(one).toEqual(buildWorkload(queries, { passes: 2, totalCalls: 100 }));
    expect(one).toHaveLength(100);
    expect(one.filter((c) => c.phase === 'quality').map((c) => c.queryId)).toEqual(['a', 'b', 'c']);
    expect(docSet(queries)).toEqual(['sso', 'reference/organization/create']);
    expect(median([5, 1, 3, 2])).toBe(2.5);
  });

  it('replaces only the Benchmarks section of a README', () => {
    const readme = '# X\n\n## Benchmarks\n\n_TBD_\n\n## License\n\nMIT\n';
    const once = replaceBenchmarksSection(readme, '| a | b |');
    expect(once).toContain('| a | b |');
    expect(once).not.toContain('_TBD_');
    expect(once).toContain('## License\n\nMIT');
    // markers make a second run replace the table, not append another
    const twice = replaceBenchmarksSection(once ?? '', '| c | d |');
    expect(twice).toContain('| c | d |');
    expect(twice).not.toContain('| a | b |');
    expect(replaceBenchmarksSection('# no section\n', 'x')).toBeNull();
  });
});
