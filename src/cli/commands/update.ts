import type { Command } from 'commander';
import { checkForUpdates, formatCheck, runUpdate } from '../../lifecycle/update.js';
import { defaultUpdateDeps } from '../../lifecycle/update-deps.js';

interface UpdateCliOptions {
  check?: boolean;
  force?: boolean;
  json?: boolean;
  registry?: string;
}

const deps = (opts: UpdateCliOptions) =>
  defaultUpdateDeps({ registry: opts.registry, log: (m) => process.stderr.write(`update: ${m}\n`) });

/** `workos-docs-mcp update [--check]`: newest docs + SDKs from the npm registry into the user cache. */
export function registerUpdate(program: Command): void {
  program
    .command('update')
    .description(
      'Fetch the newest WorkOS docs bundle and SDK packages from the npm registry and build a fresh corpus into the user cache.',
    )
    .option('--check', 'only report which sources have newer versions; build nothing')
    .option('--force', 'rebuild even when nothing newer was published')
    .option('--registry <url>', 'query this npm registry over HTTP instead of through the npm command')
    .option('--json', 'print the result as JSON')
    .action(async (opts: UpdateCliOptions) => {
      const d = await deps(opts);
      if (opts.check) {
        const { latest: _latest, ...check } = await checkForUpdates(d);
        if (opts.json) return void process.stdout.write(`${JSON.stringify(check, null, 2)}\n`);
        const head = check.newer.length
          ? `Newer sources are published (${check.newer.length} of ${check.sources.length}); run "workos-docs-mcp update" to use them:`
          : `The corpus is up to date (${check.sources.length} sources checked):`;
        return void process.stdout.write(`${[head, ...formatCheck(check)].join('\n')}\n`);
      }
      const result = await runUpdate(d, { force: opts.force });
      if (opts.json) return void process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      if (result.status === 'up-to-date') {
        return void process.stdout.write(
          `Already up to date (${result.check.sources.length} sources checked); nothing rebuilt. Use --force to rebuild anyway.\n`,
        );
      }
      const c = result.manifest.counts;
      process.stdout.write(
        [
          `Updated corpus: ${result.file}`,
          ...formatCheck(result.check),
          `  ${c.docs} docs, ${c.examples} examples, ${c.changelogEntries} changelog entries; built in ${(result.ms / 1000).toFixed(1)} s`,
          'Servers pick it up when they next start.',
        ].join('\n') + '\n',
      );
    });
}
