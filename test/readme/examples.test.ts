// Issue 15 item 12: README examples are real output. A ranking or formatting change that alters one fails
// here; the fix is `npm run readme:examples` (regenerates every marked block), never a hand edit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyExamples, excerpt, findExamples, renderExamples } from '../../harness/readme-examples.js';
import { realRuntime } from '../fixtures/real-runtime.js';
import { ROOT } from '../fixtures/built.js';

const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
const blocks = findExamples(readme);

describe('README examples', () => {
  it('every tool example is marked for regeneration (one per tool at least)', () => {
    expect(new Set(blocks.map((b) => b.tool))).toEqual(
      new Set(['workos_search', 'workos_docs', 'workos_examples', 'workos_changelogs']),
    );
  });

  it('each block is what the tool answers today (run `npm run readme:examples` when this fails)', async () => {
    const bodies = await renderExamples(await realRuntime(), blocks);
    blocks.forEach((b, i) => {
      expect(b.body, `${b.tool} ${JSON.stringify(b.args)}: run npm run readme:examples`).toBe(bodies[i]);
    });
  });

  it('the arguments shown above a block are the ones it was generated from', () => {
    for (const b of blocks) {
      const before = readme.slice(0, b.start);
      const shown = /```json\n([^`]*)```\n\s*$/.exec(before);
      if (shown) expect(JSON.parse(shown[1]), b.tool).toEqual(b.args);
    }
  });

  it('regenerating is stable, and a stale block would be caught', () => {
    expect(
      applyExamples(
        readme,
        blocks,
        blocks.map((b) => b.body),
      ),
    ).toBe(readme);
    expect(excerpt('a\nb\nc\n', 2)).toBe('a\nb\n…\n');
    const stale = applyExamples(
      readme,
      blocks,
      blocks.map(() => 'stale\n'),
    );
    expect(findExamples(stale).map((b) => b.body)).toEqual(blocks.map(() => 'stale\n'));
  });
});
