import { describe, expect, it } from 'vitest';
import { formatSearch } from '../../src/core/format/search.js';
import type { SearchAnswer } from '../../src/core/search.js';
import type { SearchResult } from '../../src/search/types.js';
import { MCP_FACE } from '../../src/server/face.js';

function result(path: string, more: [string, string][]): SearchResult {
  return {
    path,
    anchor: 'steps',
    title: path,
    section: 'Steps',
    headingPath: ['Steps'],
    url: `https://workos.com/docs/${path}`,
    kind: 'guide',
    product: path,
    snippet: 'The section sharing most words.',
    score: 1,
    more: more.map(([anchor, snippet]) => ({ anchor, section: anchor, snippet, score: 0.5 })),
  };
}

const answer = (results: SearchResult[]): SearchAnswer => ({
  query: 'the same event arrived twice',
  results,
  total: results.length,
  suggestions: [],
  limit: 5,
  notes: [],
});

describe('the search answer', () => {
  it("shows the top result's other sections with their passages, later results' by anchor only", () => {
    const long = `It is possible to receive the same event more than once. ${'Use the event ID. '.repeat(20)}`;
    const text = formatSearch(
      answer([
        result('webhooks', [
          ['ignore-duplicate-events', long],
          ['out-of-order', 'Events may arrive out of order.'],
        ]),
        result('events', [['replay', 'Replay events.']]),
      ]),
      MCP_FACE,
    );
    const lines = text.split('\n');
    const dup = lines.find((l) => l.includes('#ignore-duplicate-events'));
    expect(dup).toMatch(/^ {3}Also `#ignore-duplicate-events`: It is possible to receive the same event/);
    // clipped at a word, so a long passage does not swell the answer
    expect(dup!.length).toBeLessThan(260);
    expect(dup).toMatch(/…$/);
    expect(lines).toContain('   Also `#out-of-order`: Events may arrive out of order.');
    expect(lines).toContain('   Also: #replay');
    expect(text).not.toContain('Replay events.');
  });
});
