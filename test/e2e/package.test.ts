/**
 * The library as a user gets it: `npm pack`, unpacked into node_modules of a temporary project whose
 * dependencies are linked to ours (no network, no second install), then imported from outside by
 * package name. Its getTools() search must give the same structured answer as MCP.
 */
import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { extract } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../fixtures/built.js';
import { realRuntime } from '../fixtures/real-runtime.js';
import { call, connect } from '../server/connect.js';

const exec = promisify(execFile);
let project: string;

beforeAll(async () => {
  ensureBuilt();
  project = mkdtempSync(join(tmpdir(), 'wdm-pack-'));
  // --ignore-scripts: `prepare` would rebuild the corpus; the built one is what gets packed.
  const { stdout } = await exec(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', project],
    {
      cwd: ROOT,
      timeout: 120_000,
    },
  );
  const [{ filename }] = JSON.parse(stdout) as { filename: string }[];
  const target = join(project, 'node_modules', 'workos-docs-mcp');
  mkdirSync(target, { recursive: true });
  await extract({ file: join(project, filename), cwd: target, strip: 1 });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const dep of Object.keys(pkg.dependencies)) {
    const link = join(project, 'node_modules', dep);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), link, 'dir');
  }
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', type: 'module', private: true }),
  );
}, 180_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the packed library', () => {
  it('ships its entry and type declarations, and no source or tests', () => {
    const pkg = join(project, 'node_modules', 'workos-docs-mcp');
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as {
      exports: Record<string, { types: string; import: string }>;
    };
    expect(existsSync(join(pkg, manifest.exports['.'].types))).toBe(true);
    expect(existsSync(join(pkg, manifest.exports['.'].import))).toBe(true);
    expect(readdirSync(pkg)).not.toContain('src');
    expect(readdirSync(pkg)).not.toContain('test');
  });

  it('imports by name from outside and answers like MCP', async () => {
    const script = `
      import { getTools, createServer, openCorpus, search } from 'workos-docs-mcp';
      const tools = getTools();
      const tool = tools.find((t) => t.name === 'workos_search');
      const answer = await tool.execute({ query: 'verify webhook signature', limit: 3 });
      const corpus = await openCorpus();
      const direct = await search(corpus, { query: 'verify webhook signature', limit: 3 });
      const server = createServer(corpus);
      const bad = await tools.find((t) => t.name === 'workos_docs').execute({ path: 'sso/jit-provision' });
      process.stdout.write(JSON.stringify({
        names: tools.map((t) => t.name),
        schemaType: tool.inputSchema.type,
        structured: answer.structured,
        direct,
        text: answer.text.slice(0, 40),
        server: typeof server.connect,
        bad,
      }));
    `;
    writeFileSync(join(project, 'use.mjs'), script);
    // An empty user cache: the consumer serves the packed corpus, as the MCP side below does.
    const env = { ...process.env, WORKOS_DOCS_MCP_CACHE: join(project, 'cache'), WORKOS_DOCS_MCP_CORPUS: '' };
    const { stdout } = await exec(process.execPath, ['use.mjs'], { cwd: project, timeout: 60_000, env });
    const out = JSON.parse(stdout) as Record<string, unknown> & { bad: { isError: boolean; text: string } };
    expect(out.names).toEqual([
      'workos_search',
      'workos_docs',
      'workos_examples',
      'workos_changelogs',
      'workos_check',
    ]);
    expect(out.schemaType).toBe('object');
    expect(out.server).toBe('function');
    expect(out.text).toMatch(/^Results for "verify webhook signature"/);
    const client = await connect(await realRuntime());
    const mcp = await call(client, 'workos_search', { query: 'verify webhook signature', limit: 3 });
    expect(out.structured).toEqual(mcp.structuredContent);
    expect(out.direct).toEqual(mcp.structuredContent);
    expect(out.bad.isError).toBe(true);
    expect(out.bad.text).toContain('No doc at "sso/jit-provision"');
    await client.close();
  });
});
