import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Static (not dynamic `import()`) relative imports of a module, as src/ paths. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(import|export)(\s+type)?\s[^;]*?from\s+'(\.[^']+)'/gms)]
    .filter((m) => !m[2])
    .map((m) => resolve(dirname(file), m[3].replace(/\.js$/, '.ts')))
    .filter((f) => existsSync(f));
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
    // serve.ts starts the MCP server: the one command that is a face of the server, not of core.
    expect(offenders.filter((f) => f !== 'cli/commands/serve.ts')).toEqual([]);
  });

  it('core/ knows neither faces nor the lifecycle', () => {
    const offenders = filesUnder('core').filter((file) =>
      staticImports(join(SRC, file)).some((t) => /\/src\/(ingest|server|cli|lifecycle|transports)\//.test(t)),
    );
    expect(offenders).toEqual([]);
  });
});
