import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Runtime } from '../../core/runtime.js';
import { answerContextFor, SdkVersions } from '../../lifecycle/answer-context.js';
import { formatProject, surfaceLines } from '../../lifecycle/project/format.js';
import { scanRoots } from '../../lifecycle/project/index.js';

interface ProjectCliOptions {
  json?: boolean;
  offline?: boolean;
  registry?: string;
}

/**
 * `workos-docs-mcp project [dir] [--json] [--offline]`: the WorkOS SDKs (and exact versions) the
 * project in `dir` (default: the current folder) depends on, read from its manifests and lockfiles
 * only, and the API surface answers would use for each JavaScript one (in the corpus, installed,
 * cached, or downloaded from npm once, with the time it took).
 */
export function registerProject(program: Command, runtime: () => Promise<Runtime>): void {
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
      const versions = new SdkVersions({ registry: opts.registry, offline: opts.offline });
      const context = await answerContextFor(scan, await runtime(), versions);
      if (opts.json) {
        const surfaces = context.project.flatMap((p) =>
          !p.surface || !p.version
            ? []
            : [
                p.surface.ok
                  ? {
                      package: p.name,
                      version: p.version,
                      origin: p.surface.origin,
                      ms: p.surface.ms,
                      symbols: p.surface.surface.symbols.length,
                    }
                  : { package: p.name, version: p.version, error: p.surface.code, reason: p.surface.reason },
              ],
        );
        process.stdout.write(`${JSON.stringify({ ...scan, surfaces }, null, 2)}\n`);
      } else {
        process.stdout.write(`${formatProject(scan, surfaceLines(context))}\n`);
      }
      // A folder that cannot be read is a failed command; a project without WorkOS SDKs is not.
      if (scan.roots.every((r) => r.status === 'skipped')) process.exitCode = 1;
    });
}
