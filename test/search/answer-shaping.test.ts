import { describe, expect, it } from 'vitest';
import {
  HAS_DURATION,
  HAS_NUMBER,
  STATES_BEHAVIOUR,
  answerTypeOf,
  passageShape,
  withAnswerType,
} from '../../src/search/answer-type.js';
import { createSearcher } from '../../src/search/index.js';
import * as analyzeQueryModule from '../../src/search/query.js';
import { analyzeQuery } from '../../src/search/query.js';
import { corpus, doc, fixtureCorpus, storedIndex } from './fixture-corpus.js';

describe('the kind of answer a question expects', () => {
  it('reads durations and counts from the wording', () => {
    expect(answerTypeOf('how long is a magic link valid')).toBe('duration');
    expect(answerTypeOf('when does the session expire')).toBe('duration');
    expect(answerTypeOf('how many keys can a context have')).toBe('count');
    expect(answerTypeOf('maximum number of domains per organization')).toBe('count');
    expect(answerTypeOf('what is a redirect URI')).toBeUndefined();
  });

  it('reads a symptom of time passing as asking for a duration', () => {
    expect(answerTypeOf("the setup link I sent doesn't work anymore")).toBe('duration');
    expect(answerTypeOf('the code is rejected if they wait a while before entering it')).toBe('duration');
    expect(answerTypeOf('the download link fails when I open it later')).toBe('duration');
    expect(answerTypeOf('the invite worked yesterday but the next day it was refused')).toBe('duration');
    expect(answerTypeOf('can I add SSO later')).toBeUndefined();
    expect(answerTypeOf('users can no longer sign in with a password')).toBeUndefined();
  });

  it('knows which passages hold a number or a duration, outside identifiers', () => {
    expect(passageShape('An authentication link is valid for 15 minutes.')).toBe(HAS_DURATION | HAS_NUMBER);
    expect(passageShape('Tokens last five minutes')).toBe(HAS_DURATION | HAS_NUMBER);
    expect(passageShape('A maximum of 10 items can be present.')).toBe(HAS_NUMBER);
    expect(passageShape('Use conn_01E4ZCR3C56J083X43JQXF3JK5 with SDK v2.')).toBe(0);
    expect(passageShape('one or more keys')).toBe(0);
  });

  it('knows which passages state a rule or an exception', () => {
    expect(passageShape('Setup links expire after 30 days.') & STATES_BEHAVIOUR).toBe(STATES_BEHAVIOUR);
    expect(passageShape('MFA does not apply to SSO users.') & STATES_BEHAVIOUR).toBe(STATES_BEHAVIOUR);
    expect(passageShape("Users aren't deleted automatically.") & STATES_BEHAVIOUR).toBe(STATES_BEHAVIOUR);
    expect(passageShape('The allow list takes precedence over other rules.')).toBe(STATES_BEHAVIOUR);
    expect(passageShape('Click Invite admin and enter their email.')).toBe(0);
  });

  it('takes the framing word of "how long" out of the searched words', () => {
    const q = withAnswerType(
      analyzeQuery('how long is a magic link valid'),
      'how long is a magic link valid',
    );
    expect(q.answerType).toBe('duration');
    expect(q.concepts.map((c) => c.text)).not.toContain('long');
    expect([...q.termWeights.keys()]).not.toContain('long');
    // nothing else to search for: the word stays
    expect(withAnswerType(analyzeQuery('how long'), 'how long').concepts.map((c) => c.text)).toEqual([
      'long',
    ]);
  });

  it('counts an inflected repeat of a word once', () => {
    expect(analyzeQuery('keys for a key context').concepts.map((c) => c.text)).toEqual(['keys', 'context']);
  });
});

const links = doc({
  path: 'links',
  title: 'Sign-in links',
  sections: [
    '## Introduction\n\nSign-in links are not sessions. You decide how long a session is valid and where sessions live; sign-in links only sign users in.',
    '## Send a link\n\nCreate a link for the user and email it. A link is valid for 15 minutes and works once.',
  ],
});
const errors = doc({
  path: 'reference/errors/codes',
  title: 'Error codes',
  kind: 'reference',
  sections: [
    '# Error codes\n\n| Code | Meaning |\n| --- | --- |\n| `invalid_grant` | The code or refresh token has expired or was already used. |\n| `invalid_client` | Unknown client. |',
  ],
});
const sessions = doc({
  path: 'sessions',
  title: 'Sessions',
  sections: [
    '## Refreshing a session\n\nRefresh the session when it expires: refreshing a session gives a new access token. Sessions are refreshed with the refresh token; an invalid refresh grant signs the user out.',
  ],
});
const streams = doc({
  path: 'streams',
  title: 'Log streams',
  sections: [
    '## Overview\n\nLog streams send events to your SIEM provider.',
    '## Stream states and management\n\nStreams have a state.',
    '### Stream states\n\n| State | Description |\n| --- | --- |\n| Invalid | The stream state is invalid: credentials were rejected |',
    '### State transitions\n\n- Active to Invalid: the stream state becomes invalid when credentials are rejected',
  ].map((md) => md),
});
// the fixture helper puts every section directly under the title; nest the two states sections
streams.sections[2].depth = 3;
streams.sections[3].depth = 3;
const fixture = corpus([...fixtureCorpus().docs, links, errors, sessions, streams]);
const searcher = createSearcher(fixture, storedIndex(fixture));

describe('answer shaping in search', () => {
  it('points at the section whose passage holds a duration for "how long"', () => {
    const top = searcher.search('how long is a sign-in link valid').results[0];
    expect(top).toMatchObject({ path: 'links', anchor: 'send-a-link' });
    expect(top.snippet).toContain('15 minutes');
  });

  it('points at the small parent section when two sibling sections answer about equally', () => {
    const top = searcher.search('stream state invalid credentials rejected').results[0];
    expect(top).toMatchObject({ path: 'streams', anchor: 'stream-states-and-management' });
    expect(top.more.map((m) => m.anchor)).not.toContain('state-transitions');
  });

  it('puts the page holding an exact identifier above pages sharing the question’s other words', () => {
    expect(searcher.search('why do I get invalid_grant when refreshing a session').results[0]?.path).toBe(
      'reference/errors/codes',
    );
  });
});

describe('symptom questions', () => {
  const portal = doc({
    path: 'portal',
    title: 'Setup portal',
    sections: [
      '## Sending\n\nIn the dashboard, click Invite admin and email the IT admin a setup link.',
      '## Options\n\n- A setup link emailed to an IT admin from the dashboard expires after 30 days.',
    ],
  });
  const small = corpus([...fixtureCorpus().docs, portal]);
  const index = storedIndex(small);
  // no time-passing wording here: that alone asks for a duration (next test)
  const question = 'the setup link I emailed the IT admin from the dashboard does not work';

  it('point at the passage that states the rule behind the symptom, not the steps sharing its words', () => {
    const top = createSearcher(small, index).search(question).results[0];
    expect(top).toMatchObject({ path: 'portal', anchor: 'options' });
    expect(top.snippet).toContain('30 days');
    // without the preference the steps win, sharing as many of the question's words
    expect(createSearcher(small, index, { behaviourlessShare: 1 }).search(question).results[0]).toMatchObject(
      {
        path: 'portal',
        anchor: 'sending',
      },
    );
    // a question that is no symptom keeps the steps
    expect(
      createSearcher(small, index).search('email the IT admin a setup link from the dashboard').results[0],
    ).toMatchObject({ path: 'portal', anchor: 'sending' });
  });

  it('answer a symptom of time passing with the passage that holds a time limit', () => {
    const lapsed = 'the setup link I emailed the IT admin from the dashboard does not work anymore';
    const top = createSearcher(small, index, { behaviourlessShare: 1 }).search(lapsed).results[0];
    expect(top).toMatchObject({ path: 'portal', anchor: 'options' });
    expect(top.snippet).toContain('30 days');
  });
});

describe('operation questions', () => {
  // a reference section as the corpus build writes it (reference-markdown.ts: operationMarkdown)
  const code = doc({
    path: 'reference/authkit/authentication/code',
    title: 'Authenticate with code',
    kind: 'reference',
    sections: [
      [
        '## Authenticate with code',
        'AuthKit returns you a code that you can exchange for an authenticated user.',
        '**Endpoint:** `POST /user_management/authenticate`',
        '**SDK methods:**',
        '- JavaScript: `userManagement.authenticateWithCode()` — parameters: `code`\n- Python: `user_management.authenticate_with_code()` — parameters: `code`',
      ].join('\n\n'),
    ],
  });
  const guide = doc({
    path: 'authkit',
    title: 'AuthKit',
    sections: ['## Handle the callback\n\nExchange the code from the redirect for a user.'],
  });
  const small = corpus([code, guide]);
  const s = createSearcher(small, storedIndex(small));
  const snippetOf = (q: string): string =>
    s
      .search(q)
      .results.find((r) => r.path === code.path)
      ?.snippet.replace(/\*\*/g, '') ?? '';

  it('lead a reference snippet with the endpoint or SDK method line the question asks for', () => {
    expect(snippetOf('which endpoint exchanges the AuthKit code for a user')).toMatch(
      /^Endpoint: POST \/user_management\/authenticate .*exchange/,
    );
    expect(snippetOf('what SDK method exchanges the AuthKit code for a user')).toMatch(
      /^JavaScript: userManagement\.authenticateWithCode\(\)/,
    );
    // a question that asks for no operation keeps the answering passage alone
    expect(snippetOf('exchange the AuthKit code for a user')).not.toContain('Endpoint');
    // "route" and "rest" are words of app code and prose too: the method line still leads
    expect(snippetOf('which function exchanges the AuthKit code in our callback route')).toMatch(
      /^JavaScript:/,
    );
  });
});

describe('the top snippet', () => {
  const faq = doc({
    path: 'webhooks',
    title: 'Webhooks',
    sections: [
      '## Duplicates\n\nThe same event can arrive more than once.\n\nUse idempotent operations keyed on the event ID.',
    ],
  });
  const other = doc({
    path: 'replays',
    title: 'Replays',
    sections: [
      '## Replaying\n\nThe same message can arrive again when replayed.\n\nReplays keep the original order.',
    ],
  });
  const small = corpus([...fixtureCorpus().docs, faq, other]);
  const index = storedIndex(small);

  it('runs on into the next passage when its own is short, for the first result only', () => {
    const [first, second] = createSearcher(small, index).search(
      'duplicate: the same event can arrive more than once',
    ).results;
    expect(first.path).toBe('webhooks');
    expect(first.snippet).toContain('idempotent operations');
    expect(second.snippet).not.toContain('original order');
    const neutral = createSearcher(small, index, { snippetRunOnRoom: 1e9 });
    expect(
      neutral.search('duplicate: the same event can arrive more than once').results[0].snippet,
    ).not.toContain('idempotent');
  });
});

describe('"there is no way to ..."', () => {
  const guide = doc({
    path: 'acting-as-users',
    title: 'Acting as users',
    sections: [
      '## Integrating\n\nNo additional code is required to start using impersonation.',
      '## Enabling\n\nImpersonation is not enabled by default in any of your environments.',
    ],
  });
  const small = corpus([...fixtureCorpus().docs, guide]);
  const index = storedIndex(small);

  it('is a symptom wording, and production names an environment', () => {
    const q = 'there is no way to impersonate a user in our production dashboard';
    const answer = (searcher = createSearcher(small, index)) =>
      searcher.search(q).results.find((r) => r.path === 'acting-as-users')?.anchor;
    expect(answer()).toBe('enabling');
    // "no" is framing once the question has other words; on its own it is still searched
    const { demoteFraming } = analyzeQueryModule;
    expect(demoteFraming(analyzeQuery(q)).termWeights.get('no')).toBe(0.5);
    expect(analyzeQuery(q).termWeights.get('environ')).toBe(0.6);
  });
});

describe('conversational words', () => {
  const hooks = doc({
    path: 'hooks',
    title: 'Hooks',
    sections: [
      '## Validate requests\n\nEvery request carries a signature: check it before you trust the request.',
      '## Error handling\n\nWhen WorkOS cannot reach your endpoint, sign-ins are denied by default.',
    ],
  });
  const small = corpus([...fixtureCorpus().docs, hooks]);
  const index = storedIndex(small);
  const q = 'every sign-in got rejected while our hooks endpoint was down';

  it('frame a symptom rather than name its topic: rare in docs, they must not outweigh its words', () => {
    const framed = analyzeQueryModule.demoteFraming(analyzeQuery(q));
    for (const w of ['every', 'got'])
      expect(framed.concepts.find((c) => c.text === w)?.weight).toBeLessThan(0.5);
    expect(framed.termWeights.get('everi')).toBe(0.5);
    expect(
      createSearcher(small, index)
        .search(q)
        .results.find((r) => r.path === 'hooks')?.anchor,
    ).toBe('error-handling');
  });
});
