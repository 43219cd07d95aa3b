import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatProject } from '../../lifecycle/project/format.js';
import { scanRoots } from '../../lifecycle/project/index.js';
import {
  defaultVersionSurfaces,
  describeSurfaces,
  projectSurfaces,
} from '../../lifecycle/surfaces/project-surfaces.js';

interface ProjectCliOptions {
  json?: boolean;
  offline?: boolean;
  registry?: string;
}

/**
 * `workos-docs-mcp project [dir] [--json] [--offline]`: the WorkOS SDKs (and exact versions) the
 * project in `dir` (default: the current folder) depends on, read from its manifests and lockfiles
 * only, and the API surface answers would use for each JavaScript one (installed, cached, or
 * downloaded from npm once, with the time it took).
 */
export function registerProject(program: Command): void {
  program
    .command('project [dir]')
    .description(
      "Show the WorkOS SDKs and versions in a project's manifests and lockfiles (package.json, package-lock.json, requirements.txt, go.mod, ...).",
    )
    .option('--json', 'print as JSON')
    .option('--offline', 'never download an SDK version (also: WORKOS_DOCS_MCP_OFFLINE=1)')
    .option(
      '--registry <url>',
      'npm registry URL to fetch SDK versions from (default: your npm configuration)',
    )
    .action(async (dir: string | undefined, opts: ProjectCliOptions) => {
      const path = resolve(dir ?? process.cwd());
      const scan = await scanRoots([{ given: dir ?? path, path }], dir ? 'argument' : 'cwd');
      const surfaces = await projectSurfaces(
        scan,
        defaultVersionSurfaces({ registry: opts.registry, offline: opts.offline }),
      );
      if (opts.json) {
        const summary = surfaces.map((s) =>
          s.result.ok
            ? {
                package: s.package,
                version: s.version,
                origin: s.result.origin,
                ms: s.result.ms,
                symbols: s.result.surface.symbols.length,
              }
            : { package: s.package, version: s.version, error: s.result.code, reason: s.result.reason },
        );
        process.stdout.write(`${JSON.stringify({ ...scan, surfaces: summary }, null, 2)}\n`);
      } else {
        process.stdout.write(`${formatProject(scan, describeSurfaces(surfaces, scan))}\n`);
      }
      // A folder that cannot be read is a failed command; a project without WorkOS SDKs is not.
      if (scan.roots.every((r) => r.status === 'skipped')) process.exitCode = 1;
    });
}
