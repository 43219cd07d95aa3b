/**
 * Issue 12 on the real corpus, in-process: a project pinning @workos-inc/node 8.13.0 gets answers for
 * 8.13.0 (check, reference page, search, api pages, changelogs), one on 12.3.0 (the corpus's version)
 * gets 12.3.0's. The 8.13.0 surface is built by the real declaration reader from our own cut-down
 * 8.x package (test/fixtures/workos-node-declarations.ts); nothing reaches a registry.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerContext, ProjectSdk, SurfaceAnswer } from '../../src/core/answer-context.js';
import { OPERATIONS, runOperation } from '../../src/core/operations/index.js';
import type { Runtime } from '../../src/core/runtime.js';
import type { SdkSurface } from '../../src/corpus/sdk-surface.js';
import { sdkSurfaceBuilders } from '../../src/lifecycle/surfaces/builders.js';
import { realRuntime } from '../fixtures/real-runtime.js';
import { workosNodePackage } from '../fixtures/workos-node-declarations.js';
import { makeTarball } from '../sdk/helpers.js';

const NODE = '@workos-inc/node';
const PORTAL_PAGE = 'reference/admin-portal/portal-link/generate';
const CHECKED = `import { WorkOS } from '@workos-inc/node';
const workos = new WorkOS('sk_test');
const { link } = await workos.portal.generateLink({ organization: 'org_1', intent: 'sso' });`;

let runtime: Runtime;
let old: SdkSurface;

beforeAll(async () => {
  runtime = await realRuntime();
  old = await sdkSurfaceBuilders.fromTarball(await makeTarball(workosNodePackage('8.13.0')), {
    name: NODE,
    version: '8.13.0',
  });
});

function project(version: string, surface?: SurfaceAnswer): AnswerContext {
  const sdk: ProjectSdk = {
    name: NODE,
    ecosystem: 'npm',
    language: 'js',
    version,
    range: `^${version}`,
    source: 'package-lock.json',
    ...(surface ? { surface } : {}),
  };
  return {
    project: [sdk],
    surface: async (name, v) =>
      name === NODE && v === '8.13.0'
        ? { ok: true, surface: old, origin: 'cache' }
        : { ok: false, reason: `${name}@${v} is not in this test's registry` },
  };
}
const on8 = () => project('8.13.0', { ok: true, surface: old, origin: 'installed' });
const on12 = () => {
  const pinned = runtime.corpus.sdk!.surfaces.find((s) => s.package === NODE)!;
  expect(pinned.version).toBe('12.3.0');
  return project('12.3.0', { ok: true, surface: pinned, origin: 'corpus' });
};

const check = async (ctx: AnswerContext, extra: Record<string, unknown> = {}) =>
  runOperation(OPERATIONS.check, runtime, { code: CHECKED, ...extra }, ctx);
const portalCall = (answer: Awaited<ReturnType<typeof check>>) =>
  answer.calls.find((c) => c.code.includes('generateLink'))!;

async function readPortal(ctx: AnswerContext): Promise<{ markdown: string; notes: string[] }> {
  const answer = await runOperation(OPERATIONS.read, runtime, { path: PORTAL_PAGE, language: 'node' }, ctx);
  if (answer.kind !== 'doc') throw new Error('expected the reference page');
  return { markdown: answer.page.markdown, notes: answer.page.notes };
}

describe('answers for the SDK version the project has', () => {
  it('workos_check: with 8.13.0 `workos.portal.generateLink` is ok; with 12.3.0 unknown -> adminPortal.generateLink', async () => {
    const a = await check(on8());
    expect(a.version).toBe('8.13.0');
    expect(portalCall(a).status).toBe('ok');
    expect(a.notes).toContain('Your project: @workos-inc/node 8.13.0, from package-lock.json.');

    const b = await check(on12());
    expect(b.version).toBe('12.3.0');
    expect(portalCall(b)).toMatchObject({ status: 'unknown', suggestion: 'adminPortal.generateLink' });
  });

  it('an explicit version wins over the project, and says so', async () => {
    const a = await check(on8(), { version: '12.3.0' });
    expect(a.version).toBe('12.3.0');
    expect(portalCall(a).status).toBe('unknown');
    expect(a.notes.join(' ')).toContain('as asked; your project has 8.13.0 (from package-lock.json)');

    const b = await check(on12(), { version: '8.13.0' });
    expect(b.version).toBe('8.13.0');
    expect(portalCall(b).status).toBe('ok');
  });

  it('a version whose surface cannot be had is named, never silently replaced', async () => {
    const a = await check(on12(), { version: '7.0.0' });
    expect(a.version).toBe('12.3.0');
    expect(a.notes.join(' ')).toMatch(
      /No API surface for @workos-inc\/node 7\.0\.0 .*this answer is for @workos-inc\/node 12\.3\.0/,
    );

    const offline = project('8.13.0', {
      ok: false,
      code: 'disabled',
      reason: 'fetching SDK versions is turned off',
    });
    const b = await readPortal(offline);
    expect(b.notes.join(' ')).toContain(
      'Your project has @workos-inc/node 8.13.0 (from package-lock.json), but its API surface is not available (fetching SDK versions is turned off): SDK signatures here are from 12.3.0, not your version.',
    );
  });

  it('the Node reference page names portal.generateLink for 8.13.0 and adminPortal.generateLink for 12.3.0', async () => {
    const a = await readPortal(on8());
    expect(a.notes).toContain('Your project: @workos-inc/node 8.13.0, from package-lock.json.');
    expect(a.markdown).toContain('**@workos-inc/node 8.13.0** (from its type declarations)');
    expect(a.markdown).toContain('workos.portal.generateLink(');
    expect(a.markdown).not.toContain('Not in the SDK as written');

    const b = await readPortal(on12());
    expect(b.markdown).toContain('Not in the SDK as written');
    expect(b.markdown).toContain(
      'in @workos-inc/node 12.3.0 it is `workos.adminPortal.generateLink(options)`',
    );
  });

  it("search: SDK hits and reference snippets speak for the project's version", async () => {
    const q = { query: 'workos.portal.generateLink admin portal link', language: 'node', limit: 10 };
    const a = await runOperation(OPERATIONS.search, runtime, q, on8());
    const api = a.results.filter((r) => r.kind === 'api' && r.path.startsWith('sdk-api/node'));
    expect(api.length).toBeGreaterThan(0);
    for (const r of api) expect(r.path).not.toBe('sdk-api/node/adminportal');
    expect(
      api.some((r) => r.path === 'sdk-api/node/portal' && r.snippet.includes('workos.portal.generateLink(')),
    ).toBe(true);
    const ref = a.results.find((r) => r.path === PORTAL_PAGE);
    expect(ref?.snippet).not.toContain('12.3.0');
    expect(a.notes).toContain('Your project: @workos-inc/node 8.13.0, from package-lock.json.');

    const b = await runOperation(OPERATIONS.search, runtime, q, on12());
    expect(b.results.find((r) => r.path === PORTAL_PAGE)?.snippet).toContain('adminPortal.generateLink');
  });

  it("the project's version's api pages read back at the paths answers print", async () => {
    const a = await check(on8());
    const doc = portalCall(a).doc!;
    expect(doc).toBe('sdk-api/node/portal/generatelink');
    const page = await runOperation(OPERATIONS.read, runtime, { path: doc }, on8());
    expect(page.kind === 'doc' && page.page.markdown).toContain('workos.portal.generateLink(');
    // Without the project, that page does not exist (the corpus carries 12.3.0).
    await expect(runOperation(OPERATIONS.read, runtime, { path: doc })).rejects.toThrow(/No doc/);
  });

  it('changelogs {package, since: 8.13.0}: the API changes name portal -> adminPortal and mfa -> multiFactorAuth', async () => {
    const a = await runOperation(OPERATIONS.changelogs, runtime, { package: NODE, since: '8.13.0' }, on12());
    expect(a.api).toMatchObject({ from: '8.13.0', to: '12.3.0' });
    const renamed = a.api!.diff.namespaces.renamed.map((r) => `${r.from}->${r.to}`);
    expect(renamed).toEqual(expect.arrayContaining(['portal->adminPortal', 'mfa->multiFactorAuth']));
    const text = OPERATIONS.changelogs.markdown(a, { name: (n: string) => n } as never);
    expect(text).toContain('`workos.portal` → `workos.adminPortal`');
    expect(text).toContain('`workos.mfa` → `workos.multiFactorAuth`');

    // A project on 8.13.0 asking for the package's changes gets them since its own version.
    const mine = await runOperation(OPERATIONS.changelogs, runtime, { package: 'node' }, on8());
    expect(mine.api?.from).toBe('8.13.0');
    expect(mine.api?.notes).toContain('Since 8.13.0, the version your project has.');
  });

  it('changelogs: a version without a surface is an error that says why', async () => {
    await expect(
      runOperation(OPERATIONS.changelogs, runtime, { package: NODE, since: '7.0.0' }, on12()),
    ).rejects.toThrow(/No API surface for @workos-inc\/node 7\.0\.0: .*not in this test's registry/);
    await expect(
      runOperation(OPERATIONS.changelogs, runtime, { package: NODE, since: 'soon' }, on12()),
    ).rejects.toThrow(/neither a date|not an exact version/);
  });

  it('the first answer that used a downloaded version says how long it took; later ones do not', async () => {
    const surface = await sdkSurfaceBuilders.fromTarball(await makeTarball(workosNodePackage('8.12.0')), {
      name: NODE,
      version: '8.12.0',
    });
    const ctx = project('8.12.0', { ok: true, surface, origin: 'fetched', ms: 2345 });
    const first = await check(ctx);
    expect(first.notes).toContain(
      '@workos-inc/node 8.12.0 was downloaded from npm and read for this answer in 2.3 s (cached for next time).',
    );
    const second = await check(ctx);
    expect(second.notes.join(' ')).not.toContain('downloaded');
    expect(second.notes).toContain('Your project: @workos-inc/node 8.12.0, from package-lock.json.');
  });

  it('other languages: the answer names the project SDK version and the docs date', async () => {
    const ctx: AnswerContext = {
      project: [
        {
          name: 'workos',
          ecosystem: 'pypi',
          language: 'python',
          version: '4.2.0',
          source: 'requirements.txt',
        },
      ],
    };
    const answer = await runOperation(
      OPERATIONS.read,
      runtime,
      { path: PORTAL_PAGE, language: 'python' },
      ctx,
    );
    const notes = answer.kind === 'doc' ? answer.page.notes.join(' ') : '';
    expect(notes).toMatch(
      /Your project: workos 4\.2\.0 \(Python\), from requirements\.txt\. These Python examples are from the WorkOS docs as of \d{4}-\d{2}-\d{2}/,
    );
  });
});

describe('the library: getTools({ projectDir })', () => {
  it("answers for the folder's pinned version, read from its installed declarations", async () => {
    const { getTools } = await import('../../src/index.js');
    const { npmProject, projectDir } = await import('../lifecycle/project/helpers.js');
    const installed = Object.fromEntries(
      Object.entries(workosNodePackage('8.13.0')).map(([f, c]) => [`node_modules/@workos-inc/node/${f}`, c]),
    );
    const dir = await projectDir({ ...npmProject(NODE, '8.13.0'), ...installed });
    const check = (tools: ReturnType<typeof getTools>) =>
      tools.find((t) => t.name === 'workos_check')!.execute({ code: CHECKED });
    const mine = await check(getTools({ corpus: runtime, projectDir: dir, offline: true }));
    expect(mine.structured).toMatchObject({ version: '8.13.0' });
    expect(mine.text).toContain(
      'Your project: @workos-inc/node 8.13.0, from node_modules/@workos-inc/node/package.json.',
    );
    const none = await check(getTools({ corpus: runtime }));
    expect(none.structured).toMatchObject({ version: '12.3.0' });
  });
});
