import { join } from 'node:path';
import type { RootInput } from './root-uri.js';
import type { ProjectNote, ProjectPackage, ProjectScan } from './types.js';

const EMPTY: ProjectScan = { origin: 'none', roots: [], packages: [], notes: [] };

/**
 * The project one client session works in: the latest scan of its roots. Roots change (the
 * client's `notifications/roots/list_changed`), so each change starts a new scan and answers
 * wait for the newest one; a scan that fails leaves an empty project with a note, never an error.
 */
export class ProjectContext {
  private roots: { inputs: RootInput[]; origin: ProjectScan['origin']; notes: ProjectNote[] } | undefined;
  private scan: Promise<ProjectScan> | undefined;
  /** Set while roots are being asked for, so an early tool call waits for them instead of seeing none. */
  private pendingRoots: Promise<void> | undefined;

  /**
   * Records the roots; they are read on the first answer that needs them (never at start-up: a
   * session that never asks costs no file reads, and a closing process has no scan to wait for).
   */
  setRoots(inputs: RootInput[], origin: ProjectScan['origin'], notes: ProjectNote[] = []): void {
    this.roots = { inputs, origin, notes };
    this.scan = undefined;
  }

  /** Marks that roots are on their way (a `roots/list` request in flight). */
  expectRoots(pending: Promise<void>): void {
    this.pendingRoots = pending;
  }

  async current(): Promise<ProjectScan> {
    if (this.pendingRoots) await this.pendingRoots.catch(() => undefined);
    if (!this.roots) return EMPTY;
    this.scan ??= read(this.roots.inputs, this.roots.origin, this.roots.notes);
    return this.scan;
  }

  /** The first root's package of that name (roots keep the client's order). */
  async package(name: string): Promise<ProjectPackage | undefined> {
    return (await this.current()).packages.find((p) => p.name === name);
  }
}

function read(
  inputs: RootInput[],
  origin: ProjectScan['origin'],
  notes: ProjectNote[],
): Promise<ProjectScan> {
  // Loaded on first use: the manifest parsers stay out of the server's start-up path.
  return import('./detect.js')
    .then(({ scanRoots }) => scanRoots(inputs, origin))
    .then((scan) => ({ ...scan, notes: [...notes, ...scan.notes] }))
    .catch((err: unknown): ProjectScan => ({
      ...EMPTY,
      origin,
      notes: [{ reason: `the project could not be read (${(err as Error).message.split('\n')[0]})` }],
    }));
}

/** The installed package folder a surface can be read from, when the version came from it. */
export function installedDir(pkg: ProjectPackage): string | undefined {
  return pkg.source === `node_modules/${pkg.name}/package.json`
    ? join(pkg.root, 'node_modules', ...pkg.name.split('/'))
    : undefined;
}
