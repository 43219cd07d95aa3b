import { rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectContext } from '../../src/lifecycle/project/context.js';
import { attachProjectRoots } from '../../src/server/project-roots.js';
import { PROJECT_URI, registerProjectResource } from '../../src/server/project-resource.js';
import { npmProject, projectDir } from '../lifecycle/project/helpers.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function project(version: string): Promise<string> {
  const dir = await projectDir(npmProject('@workos-inc/node', version));
  dirs.push(dir);
  return dir;
}

async function connect(opts: {
  cwd?: string;
  roots?: () => string[] | Promise<string[]>;
  timeoutMs?: number;
}) {
  const server = new McpServer({ name: 't', version: '1' }, { capabilities: {} });
  const context = new ProjectContext();
  attachProjectRoots(server, context, { cwd: opts.cwd, timeoutMs: opts.timeoutMs });
  registerProjectResource(server, context);
  const client = new Client(
    { name: 'c', version: '1' },
    { capabilities: opts.roots ? { roots: { listChanged: true } } : {} },
  );
  if (opts.roots) {
    const roots = opts.roots;
    client.setRequestHandler(ListRootsRequestSchema, async () => ({
      roots: (await roots()).map((uri) => ({ uri })),
    }));
  }
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), client.connect(b)]);
  const read = async (): Promise<string> => {
    const r = await client.readResource({ uri: PROJECT_URI });
    return (r.contents[0] as { text: string }).text;
  };
  return { client, server, read };
}

describe('the project of a session', () => {
  it("without roots, stdio's working directory is the project", async () => {
    const dir = await project('8.13.0');
    const { read, client } = await connect({ cwd: dir });
    const text = await read();
    expect(text).toContain('Roots (from the working directory):');
    expect(text).toContain('- @workos-inc/node 8.13.0 (JavaScript; from package-lock.json; asks ^8.13.0)');
    await client.close();
  });

  it("a client that declares roots is asked, and its roots win over the server's directory", async () => {
    const mine = await project('8.13.0');
    const elsewhere = await project('12.3.0');
    const { read, client } = await connect({ cwd: elsewhere, roots: () => [pathToFileURL(mine).href] });
    const text = await read();
    expect(text).toContain("Roots (from the client's roots):");
    expect(text).toContain('@workos-inc/node 8.13.0');
    expect(text).not.toContain('12.3.0');
    await client.close();
  });

  it('roots/list_changed makes the server ask again; answers flip to the new version', async () => {
    const a = await project('8.13.0');
    const b = await project('12.3.0');
    let current = a;
    const { read, client } = await connect({ roots: () => [pathToFileURL(current).href] });
    expect(await read()).toContain('@workos-inc/node 8.13.0');
    current = b;
    await client.sendRootsListChanged();
    await expect.poll(read).toContain('@workos-inc/node 12.3.0');
    await client.close();
  });

  it('bad roots from the client are listed as skipped, never fatal', async () => {
    const dir = await project('8.13.0');
    const { read, client } = await connect({
      roots: () => ['https://example.com/x', 'file:///definitely/not/here', pathToFileURL(dir).href],
    });
    const text = await read();
    expect(text).toContain('- https://example.com/x — skipped: is a https: URI, not file://');
    expect(text).toContain('- file:///definitely/not/here — skipped: does not exist');
    expect(text).toContain('@workos-inc/node 8.13.0');
    await client.close();
  });

  it('a client that never answers roots/list: the server falls back to its directory after a bound', async () => {
    const dir = await project('8.13.0');
    const { read, client } = await connect({
      cwd: dir,
      timeoutMs: 200,
      roots: () => new Promise<string[]>(() => {}),
    });
    const text = await read();
    expect(text).toContain("the client's roots/list failed");
    expect(text).toContain('@workos-inc/node 8.13.0');
    await client.close();
  });

  it('no roots and no directory (stateless HTTP): no project, said plainly', async () => {
    const { read, client } = await connect({});
    expect(await read()).toMatch(/No project folder is known/);
    await client.close();
  });
});
