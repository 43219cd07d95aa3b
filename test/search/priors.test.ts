import { describe, expect, it } from 'vitest';
import { DocPriors } from '../../src/search/priors.js';
import { fixtureCorpus } from './fixture-corpus.js';

const priors = new DocPriors(fixtureCorpus());

describe('query cues', () => {
  it('reads "what is X" as asking for a definition', () => {
    expect(priors.cues('what is an ACS URL', undefined).definition).toBe(true);
    expect(priors.cues("what's a TOTP factor", undefined).definition).toBe(true);
  });

  it('does not read a request for a call as asking for a definition', () => {
    // the glossary used to be placed second for these
    expect(
      priors.cues("what's the Go function for logging someone in with a password", 'go').definition,
    ).toBe(false);
    expect(priors.cues('what is the endpoint that lists directories', undefined).definition).toBe(false);
  });
});
