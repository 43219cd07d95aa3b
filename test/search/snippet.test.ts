import { describe, expect, it } from 'vitest';
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
