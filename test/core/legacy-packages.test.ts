// Issue 15 item 9: the old server's changelog package names (`@workos/node`, `@workos/python`, …) are understood.
import { describe, expect, it } from 'vitest';
import { changelogs } from '../../src/core/changelogs.js';
import { UnknownPackageError } from '../../src/core/errors.js';
import { legacySdkLanguage } from '../../src/core/legacy-packages.js';
import { fixtureRuntime } from '../fixtures/runtime.js';

const runtime = fixtureRuntime();

describe('old changelog package names', () => {
  it('maps @workos/node to the Node SDK changelog we have, and says so', () => {
    const answer = changelogs(runtime, { package: '@workos/node', limit: 10 });
    expect(answer.package).toBe('@workos-inc/node');
    expect(answer.entries.length).toBeGreaterThan(0);
    expect(answer.notes).toContain('"@workos/node" is read as `@workos-inc/node`, the Node SDK package.');
  });

  it.each(['@workos/python', '@workos/ruby', '@workos/go', '@workos/php', 'workos-java', '@workos/dotnet'])(
    'answers %s with why there is no changelog and what there is instead (no error)',
    (name) => {
      const answer = changelogs(runtime, { package: name, limit: 10 });
      expect(answer.entries).toEqual([]);
      expect(answer.package).toBe(name);
      expect(answer.notes[0]).toMatch(
        /^No changelog for the WorkOS (Python|Ruby|Go|PHP|Java|\.NET) SDK .*not published on npm/,
      );
      expect(answer.notes.join(' ')).toContain('workos-platform');
    },
  );

  it('still rejects names that are no SDK, with the alternatives', () => {
    expect(() => changelogs(runtime, { package: '@workos/left-pad', limit: 10 })).toThrow(
      UnknownPackageError,
    );
    expect(legacySdkLanguage('@workos/curl')).toBeUndefined();
    expect(legacySdkLanguage('@workos-inc/py')).toBe('python');
  });
});
