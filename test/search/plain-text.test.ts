import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markdownToPlainText, stripMarkdown } from '../../src/search/plain-text.js';

describe('markdownToPlainText', () => {
  it('strips Markdown syntax and keeps the text', () => {
    expect(markdownToPlainText('See the [guide](https://x.y) for **bold** and `code`.')).toBe(
      'See the guide for bold and code.',
    );
    expect(markdownToPlainText('- one\n- two\n1. three')).toBe('one two three');
    expect(markdownToPlainText('| a | b |\n| --- | --- |\n| c | d |')).toBe('a b c d');
    expect(markdownToPlainText('  plain   text\n\nover  lines  ')).toBe('plain text over lines');
  });

  it('gives what all the rules give when the text has none of their syntax (the fast path)', () => {
    const samples = [
      'plain words only',
      'e.g. the user_id field, an a-b-c name, 3.14 and 1+1',
      ' \n 2. after a blank line',
      'x\n  + plus bullet',
      '\n-\tdash bullet',
      'a ~~ b ~~~ c',
      'a _b_ c __d__ e',
      'a { b } {{ c }}',
      'a > b',
    ];
    for (const s of samples) expect(markdownToPlainText(s), s).toBe(stripMarkdown(s));
  });

  it('agrees with all the rules on generated Markdown-like text', () => {
    const chars = [...'ab1. \n\t-+*_~`[]()<>!#|:{}@/'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(markdownToPlainText(s)).toBe(stripMarkdown(s));
      }),
      { numRuns: 20_000 },
    );
  });
});
