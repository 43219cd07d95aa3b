import type { AnswerContext, ProjectSdk, SurfaceAnswer } from '../core/answer-context.js';
import type { Runtime } from '../core/runtime.js';
import type { SdkSurface } from '../corpus/sdk-surface.js';
import { installedDir } from './project/context.js';
import type { ProjectPackage, ProjectScan } from './project/types.js';
import type { SurfaceOptions } from './surfaces/project-surfaces.js';
import type { VersionSurfaces } from './surfaces/version-surfaces.js';

/** A project rarely has more JS SDKs; each one may cost a download the first time. */
const MAX_SURFACES = 4;
/** Lookups that may succeed on the next call are not remembered. */
const RETRYABLE = new Set(['timeout', 'unreachable']);

/**
 * The surfaces of exact SDK versions for one process: every session and every HTTP request shares
 * them, so a version is read, downloaded or built once. The fetching code (and the TypeScript
 * compiler behind it) loads on the first answer that needs a version the corpus does not carry.
 */
export class SdkVersions {
  private store: Promise<VersionSurfaces<SdkSurface>> | undefined;

  constructor(private readonly options: SurfaceOptions = {}) {}

  get(runtime: Runtime, name: string, version: string, installed?: string): Promise<SurfaceAnswer> {
    const pinned = runtime.corpus.sdk?.surfaces.find((s) => s.package === name && s.version === version);
    if (pinned) return Promise.resolve({ ok: true, surface: pinned, origin: 'corpus' });
    this.store ??= import('./surfaces/project-surfaces.js').then((m) =>
      m.defaultVersionSurfaces({ ...this.options, pinned: runtime.corpus.sdk?.surfaces ?? [] }),
    );
    return this.store.then((s) => s.get(name, version, installed));
  }
}

const memo = new WeakMap<ProjectScan, WeakMap<Runtime, Promise<AnswerContext>>>();

/**
 * The answer context of a project scan: its WorkOS SDKs, each JavaScript one with an exact version
 * carrying the surface of that version. Remembered per scan (a new scan comes with new roots), except
 * when a lookup may do better next time (a timeout, an unreachable registry).
 */
export function answerContextFor(
  scan: ProjectScan,
  runtime: Runtime,
  versions: SdkVersions,
): Promise<AnswerContext> {
  let byRuntime = memo.get(scan);
  if (!byRuntime) memo.set(scan, (byRuntime = new WeakMap()));
  const known = byRuntime.get(runtime);
  if (known) return known;
  const made = build(scan, runtime, versions);
  byRuntime.set(runtime, made);
  void made.then((ctx) => {
    if (ctx.project.some((p) => p.surface && !p.surface.ok && RETRYABLE.has(p.surface.code ?? '')))
      byRuntime.delete(runtime);
  });
  return made;
}

async function build(scan: ProjectScan, runtime: Runtime, versions: SdkVersions): Promise<AnswerContext> {
  let budget = MAX_SURFACES;
  const project = await Promise.all(
    scan.packages.map(async (pkg): Promise<ProjectSdk> => {
      const sdk = toSdk(pkg);
      if (pkg.ecosystem !== 'npm' || !pkg.version || budget-- <= 0) return sdk;
      return { ...sdk, surface: await versions.get(runtime, pkg.name, pkg.version, installedDir(pkg)) };
    }),
  );
  return { project, surface: (name, version) => versions.get(runtime, name, version) };
}

function toSdk(pkg: ProjectPackage): ProjectSdk {
  return {
    name: pkg.name,
    ecosystem: pkg.ecosystem,
    language: pkg.language,
    ...(pkg.version ? { version: pkg.version } : {}),
    ...(pkg.range ? { range: pkg.range } : {}),
    source: pkg.source,
  };
}

/** The answer context of one folder (the CLI's working directory): its manifests, read on first need. */
export function folderAnswerContext(
  dir: string,
  options: SurfaceOptions = {},
): (runtime: Runtime) => Promise<AnswerContext> {
  const versions = new SdkVersions(options);
  let scan: Promise<ProjectScan> | undefined;
  return async (runtime) => {
    scan ??= import('./project/detect.js').then((m) => m.scanRoots([{ given: dir, path: dir }], 'cwd'));
    return answerContextFor(await scan, runtime, versions);
  };
}
