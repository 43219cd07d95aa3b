import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

/**
 * Static (not dynamic `import()`) relative imports of a module, as absolute paths of files that
 * exist; type-only imports too when `types` is set.
 */
function staticImports(file: string, types = false): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(import|export)(\s+type)?\s[^;]*?from\s+'(\.[^']+)'/gms)]
    .filter((m) => types || !m[2])
    .map((m) => resolve(dirname(file), m[3].replace(/\.js$/, '.ts')))
    .filter((f) => existsSync(f));
}

/** The table eslint.config.js turns into no-restricted-imports rules: folder -> folders it never imports. */
const { layers } = JSON.parse(readFileSync(join(ROOT, 'layers.json'), 'utf8')) as {
  layers: Record<string, { never: string[]; except?: string[] }>;
};

/** Every .ts/.mjs file below a folder of the repository (relative to ROOT). */
function filesBelow(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = join(dir, e.name);
    if (e.isDirectory()) return rel.includes('fixtures/sdk-surface') ? [] : filesBelow(rel);
    return /\.(ts|mjs)$/.test(e.name) ? [rel] : [];
  });
}

/** Every module reached from `entry` through static value imports (type-only imports excluded). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [join(SRC, entry)];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...staticImports(file));
  }
  return new Set([...seen].map((f) => relative(SRC, f)));
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(SRC, dir)).flatMap((name) => {
    const rel = join(dir, name);
    return statSync(join(SRC, rel)).isDirectory() ? filesUnder(rel) : rel.endsWith('.ts') ? [rel] : [];
  });
}

describe('layering', () => {
  it('no module imports a folder layers.json forbids it (the same table lint enforces)', () => {
    const offenders: string[] = [];
    for (const [folder, rule] of Object.entries(layers)) {
      const parent = dirname(folder);
      const forbidden = rule.never.map((n) => join(ROOT, parent, n) + '/');
      const allowed = (rule.except ?? []).map((e) => join(ROOT, parent, e.replace(/\.js$/, '.ts')));
      for (const file of filesBelow(folder)) {
        for (const target of staticImports(join(ROOT, file), true)) {
          if (allowed.includes(target)) continue;
          if (forbidden.some((f) => target.startsWith(f)))
            offenders.push(`${file} -> ${relative(ROOT, target)}`);
        }
      }
    }
    expect(offenders).toEqual([]);
    expect(Object.keys(layers)).toEqual(
      expect.arrayContaining(['src/ingest', 'src/core', 'test', 'scripts']),
    );
  });

  it('the walk sees through to ingest/ where it should (the build command)', () => {
    expect([...reachable('cli/commands/build.ts')].some((f) => f.startsWith('ingest/'))).toBe(true);
  });

  it('start-up (the stdio server and the corpus loader) never enters ingest/', () => {
    for (const entry of ['cli/serve-stdio.ts', 'lifecycle/load-runtime.ts', 'server/create-server.ts']) {
      const ingest = [...reachable(entry)].filter((f) => f.startsWith('ingest/'));
      expect(ingest, entry).toEqual([]);
    }
  });

  it('the CLI never imports ingest/ or the MCP layer itself', () => {
    const offenders = filesUnder('cli').filter((file) =>
      staticImports(join(SRC, file)).some((t) => /\/src\/(ingest|server)\//.test(t)),
    );
    // serve.ts starts the MCP server: the one command that is a face of the server, not of core;
    // serve-http-deps.ts is its HTTP server factory, split out so a tool thread imports only that.
    const serve = ['cli/commands/serve.ts', 'cli/serve-http-deps.ts'];
    expect(offenders.filter((f) => !serve.includes(f))).toEqual([]);
  });

  it('core/ knows neither faces nor the lifecycle', () => {
    const offenders = filesUnder('core').filter((file) =>
      staticImports(join(SRC, file)).some((t) => /\/src\/(ingest|server|cli|lifecycle|transports)\//.test(t)),
    );
    expect(offenders).toEqual([]);
  });
});
