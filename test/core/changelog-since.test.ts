import { describe, expect, it } from 'vitest';
import type { ChangelogEntry } from '../../src/corpus/types.js';
import { explainEmptySince } from '../../src/core/changelog-since.js';

// Issue 15 item 11: `since` that leaves nothing says why, with the range there is.
const entry = (version: string, date?: string): ChangelogEntry => ({
  package: 'p',
  version,
  title: version,
  date,
  text: '',
});
const dated = [entry('New dashboard', '2025-11-03'), entry('SCIM groups', '2026-02-17')];
const versioned = [entry('1.1.2'), entry('1.18.0'), entry('1.17.2')];

describe('why `since` found no changelog entries', () => {
  it('a version on a dated feed: pass a date, and the dates it has', () => {
    expect(explainEmptySince('workos-platform', dated, '1.2.3', [])).toBe(
      '`workos-platform` entries are dated, not versioned: pass `since` as a date (YYYY-MM-DD); they run from 2025-11-03 to 2026-02-17.',
    );
  });

  it('a date on a changelog without dates: pass a version, and the versions it has', () => {
    expect(explainEmptySince('@workos-inc/widgets', versioned, '2026-01-01', [])).toMatch(
      /entries carry versions, not dates: pass `since` as a version .*from 1\.1\.2 to 1\.18\.0\.$/,
    );
  });

  it('newer than any entry: the newest, and the range', () => {
    expect(explainEmptySince('p', versioned, '2.0.0', [])).toBe(
      'No `p` entry at or after version 2.0.0: the newest is 1.18.0 (versions 1.1.2 to 1.18.0).',
    );
    expect(explainEmptySince('p', dated, '2027-01-01', [])).toBe(
      'No `p` entry on or after 2027-01-01: the newest is from 2026-02-17 (entries 2025-11-03 to 2026-02-17).',
    );
  });

  it('entries since, but none with the query words: says the query is what emptied it', () => {
    expect(explainEmptySince('p', dated, '2026-01-01', [dated[1]])).toBe(
      '1 entry of `p` since 2026-01-01, but none has every word of `query`.',
    );
    expect(explainEmptySince('p', [], '2026-01-01', [])).toBeUndefined();
  });
});
