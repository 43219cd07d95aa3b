import { rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../fixtures/built.js';
import { workosNodePackage } from '../fixtures/workos-node-declarations.js';
import { npmProject, projectDir } from '../lifecycle/project/helpers.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** A project pinning @workos-inc/node, with that version installed (declarations only) in node_modules. */
async function project(version: string): Promise<string> {
  const installed = Object.fromEntries(
    Object.entries(workosNodePackage(version)).map(([f, c]) => [`node_modules/@workos-inc/node/${f}`, c]),
  );
  const dir = await projectDir({ ...npmProject('@workos-inc/node', version), ...installed });
  dirs.push(dir);
  return dir;
}

async function start(
  cwd: string,
  roots?: string[],
): Promise<{ client: Client; read: () => Promise<string> }> {
  const client = new Client(
    { name: 'test', version: '1' },
    { capabilities: roots ? { roots: { listChanged: true } } : {} },
  );
  if (roots)
    client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: roots.map((uri) => ({ uri })) }));
  // Offline: nothing in these tests may reach a registry.
  const env = { ...process.env, WORKOS_DOCS_MCP_OFFLINE: '1' } as Record<string, string>;
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [ensureBuilt()], cwd, env, stderr: 'pipe' }),
  );
  const read = async (): Promise<string> => {
    const r = await client.readResource({ uri: 'workos-docs://project' });
    return (r.contents[0] as { text: string }).text;
  };
  return { client, read };
}

describe('the project over stdio (built server)', () => {
  it('started in the project folder, it reports the pinned SDK in workos-docs://project', async () => {
    const dir = await project('8.13.0');
    const { client, read } = await start(dir);
    try {
      const text = await read();
      expect(text).toContain('Roots (from the working directory):');
      expect(text).toContain(
        '- @workos-inc/node 8.13.0 (JavaScript; from node_modules/@workos-inc/node/package.json; asks ^8.13.0)',
      );
    } finally {
      await client.close();
    }
  });

  it('started elsewhere, the root a client offers is the project; with 12.3.0 the answer flips', async () => {
    const old = await project('8.13.0');
    const current = await project('12.3.0');
    for (const [dir, version] of [
      [old, '8.13.0'],
      [current, '12.3.0'],
    ]) {
      // The server runs in the other project, so only the offered root can give this version.
      const { client, read } = await start(dir === old ? current : old, [pathToFileURL(dir).href]);
      try {
        const text = await read();
        expect(text).toContain("Roots (from the client's roots):");
        expect(text).toContain(`- @workos-inc/node ${version} (JavaScript;`);
      } finally {
        await client.close();
      }
    }
  });

  it('answers flip with the version: workos_check and the Node reference page, from the folder and from roots', async () => {
    const old = await project('8.13.0');
    const current = await project('12.3.0');
    const code = `import { WorkOS } from '@workos-inc/node';\nconst workos = new WorkOS('k');\nawait workos.portal.generateLink({ organization: 'org_1', intent: 'sso' });`;
    const cases: { version: string; cwd: string; roots?: string[] }[] = [
      { version: '8.13.0', cwd: old },
      { version: '8.13.0', cwd: current, roots: [pathToFileURL(old).href] },
      { version: '12.3.0', cwd: current },
      { version: '12.3.0', cwd: old, roots: [pathToFileURL(current).href] },
    ];
    for (const c of cases) {
      const { client, read } = await start(c.cwd, c.roots);
      try {
        const checked = await client.callTool({ name: 'workos_check', arguments: { code } });
        const calls = checked.structuredContent as {
          version: string;
          calls: { code: string; status: string }[];
        };
        expect(calls.version, JSON.stringify(c)).toBe(c.version);
        const portal = calls.calls.find((x) => x.code.includes('generateLink'));
        expect(portal?.status, JSON.stringify(c)).toBe(c.version === '8.13.0' ? 'ok' : 'unknown');

        const page = await client.callTool({
          name: 'workos_docs',
          arguments: { path: 'reference/admin-portal/portal-link/generate', language: 'node' },
        });
        const text = (page.content as { text: string }[])[0].text;
        if (c.version === '8.13.0') {
          expect(text).toContain(
            'Your project: @workos-inc/node 8.13.0, from node_modules/@workos-inc/node/package.json.',
          );
          expect(text).toContain('workos.portal.generateLink(');
        } else {
          expect(text).toContain(
            'in @workos-inc/node 12.3.0 it is `workos.adminPortal.generateLink(options)`',
          );
        }
        expect(await read()).toContain(
          c.version === '8.13.0'
            ? '- @workos-inc/node 8.13.0: API surface read from your installed copy in node_modules'
            : "- @workos-inc/node 12.3.0: API surface in this server's corpus",
        );
      } finally {
        await client.close();
      }
    }
  }, 180_000);
});
