import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatProject } from '../../lifecycle/project/format.js';
import { scanRoots } from '../../lifecycle/project/index.js';

/**
 * `workos-docs-mcp project [dir] [--json]`: the WorkOS SDKs (and exact versions) the project in
 * `dir` (default: the current folder) depends on, read from its manifests and lockfiles only.
 */
export function registerProject(program: Command): void {
  program
    .command('project [dir]')
    .description(
      "Show the WorkOS SDKs and versions in a project's manifests and lockfiles (package.json, package-lock.json, requirements.txt, go.mod, ...).",
    )
    .option('--json', 'print as JSON')
    .action(async (dir: string | undefined, opts: { json?: boolean }) => {
      const path = resolve(dir ?? process.cwd());
      const scan = await scanRoots([{ given: dir ?? path, path }], dir ? 'argument' : 'cwd');
      process.stdout.write(opts.json ? `${JSON.stringify(scan, null, 2)}\n` : `${formatProject(scan)}\n`);
      // A folder that cannot be read is a failed command; a project without WorkOS SDKs is not.
      if (scan.roots.every((r) => r.status === 'skipped')) process.exitCode = 1;
    });
}
