import { RANK, type Observation, type ScanContext } from './scan-context.js';

/** The WorkOS Go SDK's module path, with its major-version suffix from v2 on. */
const GO_MODULE = /^github\.com\/workos\/workos-go(\/v\d+)?$/;

/**
 * go.mod `require` directives, single-line or in a `require ( … )` block, per the Go module
 * reference's grammar (tokens separated by spaces, `//` comments). A `replace` of the module is
 * reported, since the code that runs then is not the version required.
 */
export function parseGoMod(text: string): {
  requires: { path: string; version: string }[];
  replaced: string[];
} {
  const requires: { path: string; version: string }[] = [];
  const replaced: string[] = [];
  let block: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (block) {
      if (line === ')') block = undefined;
      else directive(block, line.split(/\s+/));
      continue;
    }
    const tokens = line.split(/\s+/);
    if (tokens[1] === '(' && tokens.length === 2) block = tokens[0];
    else directive(tokens[0], tokens.slice(1));
  }
  function directive(verb: string, args: string[]): void {
    const path = unquote(args[0] ?? '');
    if (verb === 'require' && args.length >= 2) requires.push({ path, version: unquote(args[1]) });
    if (verb === 'replace' && GO_MODULE.test(path)) replaced.push(args.join(' '));
  }
  return { requires, replaced };
}

function unquote(s: string): string {
  return s.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');
}

export async function readGo(ctx: ScanContext): Promise<Observation[]> {
  const text = await ctx.text('go.mod');
  if (text === undefined) return [];
  if (!/^\s*module\s+\S+/m.test(text)) {
    ctx.note('go.mod', 'skipped: malformed (no `module` directive)');
    return [];
  }
  const { requires, replaced } = parseGoMod(text);
  for (const r of replaced)
    ctx.note('go.mod', `replaces the WorkOS module (${r}); the required version may not be what runs`);
  return requires
    .filter((r) => GO_MODULE.test(r.path) && /^v\d+\.\d+\.\d+/.test(r.version))
    .map((r) => ({ name: r.path, version: r.version, source: 'go.mod', rank: RANK.lockfile }));
}
