import { describe, expect, it } from 'vitest';
import { createSearcher } from '../../src/search/index.js';
import { isExplainingHeading, questionType } from '../../src/search/question-type.js';
import { DocPriors } from '../../src/search/priors.js';
import { DEFAULT_RANKING } from '../../src/search/rank.js';
import type { ReferenceEntry } from '../../src/corpus/types.js';
import { corpus, doc, refEntry, storedIndex } from './fixture-corpus.js';

describe('the type of a question', () => {
  it('tells a symptom or a behaviour question from a how-to', () => {
    for (const q of [
      'the invite email never arrives for one user',
      'users still show as active after I suspended them',
      'the same webhook event hit my handler twice',
      "my callback doesn't receive the code",
      'what happens if my endpoint is down',
      'is ordering of events guaranteed',
    ])
      expect(questionType(q).explain, q).toBe(true);
    for (const q of ['how do I create an organization', 'list directory users', 'what is an ACS URL'])
      expect(questionType(q).explain, q).toBe(false);
  });

  it('knows when a question names the API', () => {
    expect(questionType('which endpoint sends an invitation').api).toBe(true);
    expect(questionType('sendInvitation fails for one user').api).toBe(true);
    expect(questionType('organization_id is missing').api).toBe(true);
    expect(questionType('POST /invitations returns nothing').api).toBe(true);
    expect(questionType('users get kicked out after a while').api).toBe(false);
  });

  it('finds FAQ, troubleshooting and limitations headings', () => {
    expect(isExplainingHeading('Why is a user suspended in Okta still active in WorkOS?')).toBe(true);
    expect(isExplainingHeading('Troubleshooting')).toBe(true);
    expect(isExplainingHeading('Custom code details and limitations')).toBe(true);
    expect(isExplainingHeading('Process the events')).toBe(false);
  });

  it('reads a question about what is permitted as one about behaviour, answered by its restrictions', () => {
    for (const q of [
      'can I put a script tag in the sign-in page',
      'which claims am I not allowed to set',
      'is a wildcard redirect URI supported',
    ])
      expect(questionType(q).explain, q).toBe(true);
    expect(isExplainingHeading('Reserved keys restriction')).toBe(true);
    expect(isExplainingHeading('Domain restrictions')).toBe(true);
    expect(questionType('how can I list users').explain).toBe(false);
  });
});

const webhooks = doc({
  path: 'webhooks',
  title: 'Webhooks',
  sections: [
    '## Process the events\n\nYour webhook handler receives each webhook event. Make your webhook handler respond quickly: every webhook event should hit the handler once it is registered.',
    '## Can an event arrive more than once?\n\nYes: the same event may be delivered twice. Store the event ID and skip repeats.',
  ],
});
const invitations = doc({
  path: 'reference/invitation/send',
  title: 'Send an invitation',
  kind: 'reference',
  sections: [
    '## Send an invitation\n\nSends an invitation email to the user. The invitation email goes to the email address given; the invitation expires after a week.',
  ],
});
const delivery = doc({
  path: 'email',
  title: 'Email delivery',
  sections: ['## Suppressions\n\nAn address that bounced is suppressed: later messages to it never arrive.'],
});
const cli = doc({
  path: 'cli',
  title: 'CLI installer',
  sections: [
    '## How the installer works\n\nThe installer runs a verification step that builds your project.',
    '## Troubleshooting',
    '### Verification did not pass\n\nRun it with --debug; pre-existing build errors make the installer fail.',
  ],
});
// nest the entry under its Troubleshooting heading, as ingest does
cli.sections[2].depth = 3;
cli.sections[2].headingPath = ['CLI installer', 'Troubleshooting', 'Verification did not pass'];
const fixture = corpus([webhooks, invitations, delivery, cli]);
const index = storedIndex(fixture);
const searcher = createSearcher(fixture, index);

describe('symptoms are answered by the sections that explain behaviour', () => {
  it('points at the FAQ entry for a symptom, at the steps otherwise', () => {
    const symptom = 'the same webhook event hit my handler twice';
    expect(searcher.search(symptom).results[0]).toMatchObject({
      path: 'webhooks',
      anchor: 'can-an-event-arrive-more-than-once',
    });
    // the fixture discriminates: without the boost the section sharing most words wins
    const neutral = createSearcher(fixture, index, { explainingSectionBoost: 1 });
    expect(neutral.search(symptom).results[0]?.anchor).toBe('process-the-events');
    expect(searcher.search('webhook handler for events').results[0]?.anchor).toBe('process-the-events');
  });

  it('counts the entries under a Troubleshooting heading as explaining', () => {
    const symptom = 'the installer fails at the verification step';
    expect(searcher.search(symptom).results[0]).toMatchObject({
      path: 'cli',
      anchor: 'verification-did-not-pass',
    });
    const neutral = createSearcher(fixture, index, { explainingSectionBoost: 1 });
    expect(neutral.search(symptom).results[0]?.anchor).toBe('how-the-installer-works');
  });

  it('puts a guide above the endpoint page for a symptom that does not name the API', () => {
    const symptom = 'the invitation email never arrives for one user';
    expect(searcher.search(symptom).results[0]?.path).toBe('email');
    const neutral = createSearcher(fixture, index, {
      priors: { ...DEFAULT_RANKING.priors, explainReferencePrior: 1 },
    });
    expect(neutral.search(symptom).results[0]?.path).toBe('reference/invitation/send');
    // naming the API keeps the endpoint page first
    expect(
      searcher.search('the invitation email from the send endpoint never arrives').results[0]?.path,
    ).toBe('reference/invitation/send');
  });
});

describe('the endpoint-page prior', () => {
  const priors = new DocPriors(fixture);
  const ref = fixture.docs.findIndex((d) => d.path === 'reference/invitation/send');
  const guide = fixture.docs.findIndex((d) => d.path === 'email');
  const factor = (text: string, language?: 'python'): number =>
    priors.factor(ref, priors.cues(text, language), DEFAULT_RANKING.priors);

  it('discounts endpoint pages for questions that name no API, symptoms more', () => {
    const { plainReferencePrior, explainReferencePrior } = DEFAULT_RANKING.priors;
    expect(plainReferencePrior).toBeLessThan(1);
    expect(explainReferencePrior).toBeLessThan(plainReferencePrior);
    expect(factor('which address sends invitation emails')).toBeCloseTo(plainReferencePrior);
    expect(factor('the invitation email never arrives')).toBeCloseTo(explainReferencePrior);
    expect(
      priors.factor(
        guide,
        priors.cues('the invitation email never arrives', undefined),
        DEFAULT_RANKING.priors,
      ),
    ).toBe(1);
  });

  it('leaves them alone when the question names an endpoint, a method or an SDK language', () => {
    expect(factor('which endpoint sends invitation emails')).toBe(1);
    expect(factor('sendInvitation never arrives')).toBe(1);
    expect(factor('send an invitation email', 'python')).toBe(1);
  });
});

describe('the object-page prior', () => {
  const object = doc({
    path: 'reference/password-reset',
    title: 'Password reset',
    kind: 'reference',
    sections: ['# Password reset\n\nA password reset token for a user.\n\n**Object:** `password_reset`'],
    reference: [refEntry({ id: 'password_reset', language: 'curl', title: 'password_reset' })],
  });
  const operation = doc({
    path: 'reference/password-reset/create',
    title: 'Create a password reset token',
    kind: 'reference',
    sections: ['## Create a password reset token\n\nCreates a one-time token to reset a password.'],
    reference: [
      refEntry({
        id: 'create_password_reset',
        language: 'curl',
        title: 'POST /user_management/password_reset',
        httpMethod: 'POST',
        endpoint: '/user_management/password_reset',
      }),
    ],
  });
  const refs = corpus([object, operation]);
  const priors = new DocPriors(refs);
  const factor = (text: string, d: number): number =>
    priors.factor(d, priors.cues(text, undefined), DEFAULT_RANKING.priors);

  it('discounts an object page for a question asking for an endpoint or method', () => {
    expect(DEFAULT_RANKING.priors.objectPagePrior).toBeLessThan(1);
    expect(questionType('what SDK method resets a password').operation).toBe(true);
    expect(factor('what SDK method resets a password', 0)).toBeCloseTo(
      DEFAULT_RANKING.priors.objectPagePrior,
    );
    expect(factor('what SDK method resets a password', 1)).toBe(1);
  });

  it('leaves it alone for a question about the object itself', () => {
    expect(questionType('which fields does a password reset have').operation).toBe(false);
    expect(factor('which fields does a password reset have in the API', 0)).toBe(1);
  });
});

describe('the list-page prior', () => {
  const entry = (id: string, title: string, endpoint?: string): ReferenceEntry =>
    refEntry({ id, language: 'go', title, ...(endpoint ? { endpoint, httpMethod: 'GET' } : {}) });
  const object = doc({
    path: 'reference/directory-user',
    title: 'Directory User',
    kind: 'reference',
    sections: ['## Directory User\n\nA member of a directory.'],
    reference: [entry('directory_user', 'DirectoryUser')],
  });
  const list = doc({
    path: 'reference/directory-user/list',
    title: 'List Directory Users',
    kind: 'reference',
    sections: ['## List Directory Users\n\nGet a list of the users of a directory.'],
    reference: [entry('list_users', 'directorysync.ListUsers()', '/directory_users')],
  });
  const enroll = doc({
    path: 'reference/factor/enroll',
    title: 'Enroll a factor',
    kind: 'reference',
    sections: ['## Enroll a factor\n\nEnrolls a factor for a user.'],
    reference: [entry('enroll', 'mfa.EnrollFactor()', '/factors')],
  });
  const priors = new DocPriors(corpus([object, list, enroll]));
  const factor = (text: string, d: number, language?: 'go'): number =>
    priors.factor(d, priors.cues(text, language), DEFAULT_RANKING.priors);
  const { listPageBoost, objectPagePrior, languageBoost } = DEFAULT_RANKING.priors;

  it('reads "which/what X do..." and "who are" as asking for a list, and other which-questions not', () => {
    for (const q of [
      'which orgs does a user belong to, python',
      'what directories does an organization have connected',
      'which authenticator factors has a user enrolled, Go',
      'who are the members of a directory',
    ])
      expect(questionType(q).list, q).toBe(true);
    for (const q of [
      'which function creates a user',
      'what does a 422 response mean',
      'what HTTP status do device errors use',
      'what are the steps to sign out',
      'what fields does a directory user have, in Python',
    ])
      expect(questionType(q).list, q).toBe(false);
  });

  it('lifts list operations over the object and other operations when an SDK language is named', () => {
    expect(listPageBoost).toBeGreaterThan(1);
    const q = 'who are the members of a directory';
    expect(factor(q, 1, 'go')).toBeCloseTo(listPageBoost * languageBoost);
    expect(factor(q, 0, 'go')).toBeCloseTo(objectPagePrior * languageBoost);
    expect(factor('which factors has a user enrolled', 2, 'go')).toBeCloseTo(languageBoost);
    // without a language the question may be about the docs' concepts, not the SDK
    expect(factor(q, 1)).toBe(factor('members of a directory', 1));
  });
});
