import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzerFingerprint } from '../../src/search/index-build.js';
import { passageFingerprint } from '../../src/search/passage-table.js';
import { synonymRules } from '../../src/search/synonyms.js';
import { ensureBuilt } from '../fixtures/built.js';

describe('constants the bundles carry from build time', () => {
  it('the analyzer fingerprint in the bundles is the one these sources compute', () => {
    const dist = dirname(ensureBuilt());
    const fingerprint = JSON.stringify(analyzerFingerprint());
    const chunks = readdirSync(join(dist, 'chunks')).map((f) => join(dist, 'chunks', f));
    const files = [join(dist, 'bin.js'), join(dist, 'http-thread.js'), ...chunks];
    const code = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
    // Replaced everywhere: an identifier left in a bundle would mean the probe runs at every start.
    for (const [file, text] of code) expect(text.includes('__WDM_ANALYZER_FINGERPRINT__'), file).toBe(false);
    const server = code.get(join(dist, 'chunks', 'stdio-server.cjs')) ?? '';
    expect(server.split(fingerprint).length - 1).toBe(1);
    expect([...code.values()].filter((t) => t.includes(fingerprint)).length).toBeGreaterThanOrEqual(2);
  });

  it('the passage fingerprint and the parsed synonym rules are these sources', () => {
    const dist = dirname(ensureBuilt());
    const chunks = readdirSync(join(dist, 'chunks')).map((f) => join(dist, 'chunks', f));
    for (const file of [join(dist, 'bin.js'), join(dist, 'http-thread.js'), ...chunks]) {
      const text = readFileSync(file, 'utf8');
      expect(text.includes('__WDM_PASSAGE_FINGERPRINT__'), file).toBe(false);
      expect(text.includes('__WDM_SYNONYM_RULES__'), file).toBe(false);
    }
    const server = readFileSync(join(dist, 'chunks', 'stdio-server.cjs'), 'utf8');
    expect(server.includes(JSON.stringify(passageFingerprint()))).toBe(true);
    // what the bundles were given (the same constants), against the rules these sources parse
    const constants = JSON.parse(readFileSync(join(dist, 'fingerprints.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(JSON.parse(constants.__WDM_SYNONYM_RULES__)).toEqual(synonymRules());
    expect(JSON.parse(constants.__WDM_PASSAGE_FINGERPRINT__)).toBe(passageFingerprint());
  });

  it('the stdio server bundle is ASCII', () => {
    // V8 keeps a script's source for lazy compilation: one character above latin1 anywhere (a curly
    // quote in a regex) stores all 0.9 MB of it as UTF-16, twice the memory for the process's life.
    const dist = dirname(ensureBuilt());
    const server = readFileSync(join(dist, 'chunks', 'stdio-server.cjs'), 'utf8');
    const offending = [...server.matchAll(/[\u0080-\uffff]/g)]
      .slice(0, 3)
      .map((m) => server.slice(m.index - 30, m.index + 5));
    expect(offending).toEqual([]);
  });
});
