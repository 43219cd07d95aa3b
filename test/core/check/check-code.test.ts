import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCode, MAX_CHECK_CHARS } from '../../../src/core/check/index.js';
import { InvalidArgumentError } from '../../../src/core/errors.js';
import { fixtureRuntime } from '../../fixtures/runtime.js';

describe('checkCode: bad input', () => {
  const runtime = fixtureRuntime();

  it('refuses empty, oversized and binary input with what to do', async () => {
    expect(() => checkCode(runtime, { code: '   ' })).toThrow(InvalidArgumentError);
    expect(() => checkCode(runtime, { code: 'x'.repeat(1_000_000) })).toThrow(
      /reads up to 100 KB\. Pass only the part that uses the WorkOS SDK/,
    );
    expect(() => checkCode(runtime, { code: 'ab\0cd\u0001\u0002' })).toThrow(/looks binary/);
    expect(() => checkCode(runtime, { code: 'curl https://api.workos.com', language: 'curl' })).toThrow(
      /not curl/,
    );
    expect(() => checkCode(runtime, { code: 'x', language: 'cobol' })).toThrow(Error);
  });

  it('answers partially for half-written or other-language code, never throwing', async () => {
    const r = await checkCode(runtime, { code: 'def main(:\n  workos.sso.get_profile(', language: 'js' });
    expect(r.partial).toBe(true);
    expect(r.notes.join(' ')).toMatch(/syntax error.*If this is not JavaScript\/TypeScript, pass `language`/);
    expect(() => checkCode(runtime, { code: `${'const a = ('.repeat(3000)}` })).toThrow(
      /nests brackets 3000 levels deep/,
    );
    // A 40,000-term expression: read, or refused as too deep; never a crash.
    let deep: unknown;
    try {
      deep = checkCode(runtime, { code: `x = ${'a+'.repeat(40_000)}a;` });
    } catch (e) {
      deep = e;
    }
    if (deep instanceof Error) expect(deep).toBeInstanceOf(InvalidArgumentError);
    expect(MAX_CHECK_CHARS).toBe(100_000);
  });

  it('says when the corpus has no SDK surface', async () => {
    const r = await checkCode(runtime, { code: 'workos.sso.getProfile({})' });
    expect(r.calls).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/no SDK API surface/);
  });
});

describe('the stdio start-up path never loads the TypeScript compiler', () => {
  it('no chunk of the bundled executable imports typescript statically', () => {
    const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));
    const files = ['bin.js', ...readdirSync(join(dist, 'chunks')).map((f) => `chunks/${f}`)].filter((f) =>
      f.endsWith('.js'),
    );
    for (const f of files) {
      const text = readFileSync(join(dist, f), 'utf8');
      expect(text, f).not.toMatch(/(?:^|[;\s}])import\s*(?:[\w$*{][^;]*?\bfrom\s*)?["']typescript["']/);
      expect(text, f).not.toMatch(/require\(["']typescript["']\)/);
    }
  });
});
