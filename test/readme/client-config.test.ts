// Issue 15 item 12: the client configuration in the README works as written: valid JSON in each client's
// own shape, the from-a-clone form pointing at the real binary, and an Inspector command that runs.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../fixtures/built.js';
import { realRuntime } from '../fixtures/real-runtime.js';

const run = promisify(execFile);
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Configure your client'),
  readme.indexOf('\n## ', readme.indexOf('## Configure your client') + 5),
);
const jsonBlocks = [...section.matchAll(/\*\*([^*\n]+)\*\*[^\n]*\n\n```json\n([\s\S]*?)```/g)].map((m) => ({
  client: m[1],
  config: JSON.parse(m[2]) as Record<string, Record<string, Record<string, unknown>>>,
}));
const bin = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> })
  .bin['workos-docs-mcp'];

describe('README client configuration', () => {
  it('every JSON snippet parses, and stdio ones launch the package binary from a clone', () => {
    expect(jsonBlocks.length).toBeGreaterThanOrEqual(6);
    const stdio = jsonBlocks.filter((b) => JSON.stringify(b.config).includes('"command"'));
    expect(stdio.map((b) => b.client)).toEqual(['Cursor', 'VS Code', 'Windsurf']);
    for (const { config } of stdio) {
      const server = Object.values(config.mcpServers ?? config.servers)[0];
      expect(server.command).toBe('node');
      expect((server.args as string[])[0]).toMatch(new RegExp(`^/absolute/path/.*/${bin}$`));
    }
    expect(section).toContain(`claude mcp add workos-docs -- node /absolute/path/to/workos-docs-mcp/${bin}`);
    expect(section).toContain('claude mcp add workos-docs -- npx -y workos-docs-mcp');
  });

  it('HTTP snippets use each client’s own shape', () => {
    const http = Object.fromEntries(
      jsonBlocks
        .filter((b) => !JSON.stringify(b.config).includes('"command"'))
        .map((b) => [b.client, b.config]),
    );
    expect(http['VS Code'].servers['workos-docs']).toMatchObject({
      type: 'http',
      url: expect.stringMatching(/\/mcp$/),
    });
    expect(http.Cursor.mcpServers['workos-docs']).toMatchObject({ url: expect.stringMatching(/\/mcp$/) });
    expect(http.Cursor.mcpServers['workos-docs']).not.toHaveProperty('type');
    expect(http.Windsurf.mcpServers['workos-docs']).toMatchObject({
      serverUrl: expect.stringMatching(/\/mcp$/),
    });
    expect(section).toMatch(
      /claude mcp add --transport http workos-docs http:\/\/\S+\/mcp --header "Authorization: Bearer <token>"/,
    );
  });

  it('the Inspector command runs as documented (from dist/)', async () => {
    ensureBuilt();
    const block = /```sh\n(cd dist\n[\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBeDefined();
    const listLine = block!.split('\n').find((l) => l.includes('--method tools/list'))!;
    const args = listLine.replace(/^npx mcp-inspector-cli /, '').split(' ');
    expect(args.slice(0, 3)).toEqual(['--cli', 'node', 'bin.js']);
    const { stdout } = await run(join(ROOT, 'node_modules/.bin/mcp-inspector-cli'), args, {
      cwd: join(ROOT, 'dist'),
      timeout: 60_000,
    });
    expect((JSON.parse(stdout) as { tools: { name: string }[] }).tools.map((t) => t.name)).toContain(
      'workos_search',
    );
  });

  it('the SDK changelog claim names exactly the SDK packages whose changelogs the corpus ships', async () => {
    const runtime = await realRuntime();
    const shipped = [...new Set(runtime.corpus.changelogs.map((e) => e.package))].filter(
      (p) => p !== 'workos-platform',
    );
    const claim = /SDK changelogs in the corpus: ([^(]*)\(/.exec(readme.replace(/\n/g, ' '))?.[1] ?? '';
    const named = [...claim.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    expect(named.sort()).toEqual(shipped.sort());
    expect(readme).not.toContain('SDK READMEs/CHANGELOGs');
  });
});
