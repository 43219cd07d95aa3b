import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markdownToPlainText } from '../../src/search/plain-text.js';
import { makeSnippet } from '../../src/search/snippet.js';
import { analyze } from '../../src/search/tokenize.js';

const matched = (q: string): Set<string> => new Set(analyze(q));

describe('markdownToPlainText', () => {
  it('removes Markdown syntax but keeps link text, code and identifiers', () => {
    const md =
      '## Title\n\nSee [the guide](/sso) and **bold** `get_profile` text.\n\n```js\nconst x = sso.getProfile();\n```\n\n| a | b |\n| --- | --- |\n| `x_y` | z |';
    const text = markdownToPlainText(md);
    expect(text).toBe('Title See the guide and bold get_profile text. const x = sso.getProfile(); a b x_y z');
  });

  it('keeps underscores inside identifiers', () => {
    expect(markdownToPlainText('Use __init__ and user_management_id')).toContain('user_management_id');
    // an e-mail autolink is the address itself, not a tag to strip
    expect(markdownToPlainText('Sent from <welcome@workos-mail.com> and <b>bold</b>')).toBe(
      'Sent from welcome@workos-mail.com and bold',
    );
  });
});

describe('makeSnippet', () => {
  const long =
    'Intro words that say nothing about the topic at hand. '.repeat(8) +
    'To verify a webhook signature, compute the HMAC of the payload and compare it with the WorkOS-Signature header. ' +
    'Trailing words that say nothing either. '.repeat(8);

  it('centres on the densest cluster of matched terms and marks them bold', () => {
    const s = makeSnippet(long, matched('verify webhook signature'));
    expect(s).toContain('**verify**');
    expect(s).toContain('**webhook**');
    expect(s).toContain('**signature**');
    expect(s.startsWith('\u2026')).toBe(true);
    expect(s.endsWith('\u2026')).toBe(true);
  });

  it('stays about 200 characters plus marks and ellipses', () => {
    const s = makeSnippet(long, matched('verify webhook signature'));
    expect(s.replace(/\*\*/g, '').length).toBeLessThanOrEqual(205);
  });

  it('marks identifiers matched by their parts', () => {
    expect(makeSnippet('Call get_authorization_url first.', matched('getAuthorizationUrl'))).toBe(
      'Call **get_authorization_url** first.',
    );
  });

  it('falls back to the start of the text when nothing matches', () => {
    const s = makeSnippet(long, matched('kubernetes'));
    expect(s.startsWith('Intro words')).toBe(true);
    expect(s).not.toContain('**');
  });

  it('returns short texts whole', () => {
    expect(makeSnippet('Magic Link sign-in.', matched('magic'))).toBe('**Magic** Link sign-in.');
  });
});

/** The window choice as first written (a fresh set per starting hit): what the sliding window must equal. */
function windowStart(hits: { start: number; end: number; terms: string[] }[], length: number): number {
  let best = -1;
  let from = 0;
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<string>();
    let j = i;
    while (j < hits.length && hits[j].end - hits[i].start <= length) {
      for (const t of hits[j].terms) seen.add(t);
      j++;
    }
    const score = seen.size * 100 + (j - i);
    if (score > best) {
      best = score;
      from = hits[i].start;
    }
  }
  return from;
}

describe('makeSnippet window', () => {
  it('starts where the quadratic window search starts, on generated texts', () => {
    const word = fc.constantFrom('sso', 'okta', 'saml', 'the', 'user', 'connection', 'a', 'xyzzyxyzzyxyzzyq');
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 80 }),
        fc.subarray(['sso', 'okta', 'saml', 'user', 'xyzzyxyzzyxyzzyq']),
        fc.integer({ min: 5, max: 120 }),
        (words, wanted, length) => {
          const text = words.join(' ');
          const matched = new Set(wanted);
          const hits: { start: number; end: number; terms: string[] }[] = [];
          let pos = 0;
          for (const w of words) {
            if (matched.has(w)) hits.push({ start: pos, end: pos + w.length, terms: [w] });
            pos += w.length + 1;
          }
          const snippet = makeSnippet(text, matched, undefined, length);
          let from = hits.length > 0 ? Math.max(0, windowStart(hits, length) - 40) : 0;
          if (from > 0) {
            const space = text.indexOf(' ', from);
            if (space !== -1 && space < from + 40) from = space + 1;
          }
          const plain = snippet.replace(/\*\*/g, '').replace(/^\u2026/, '');
          expect(text.slice(from).startsWith(plain.replace(/\u2026$/, '').trim())).toBe(true);
        },
      ),
    );
  });
});
