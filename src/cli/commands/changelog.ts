import type { Command } from 'commander';
import { changelogs } from '../../core/changelogs.js';
import { formatChangelogs } from '../../core/format/changelogs.js';
import { positiveInt, withRuntime } from '../core-command.js';

/** `workos-docs-mcp changelog [--package P] [--since DATE] [--query Q] [--limit N] [--json]` */
export function registerChangelog(program: Command): void {
  program
    .command('changelog')
    .description('Print changelog entries, newest first (default: the WorkOS platform changelog).')
    .option('-p, --package <name>', 'package, e.g. workos-platform (default)')
    .option('--since <date|version>', 'only entries since YYYY-MM-DD (or a version for SDK packages)')
    .option('-q, --query <words>', 'only entries containing these words')
    .option('-l, --limit <n>', 'number of entries (default 10, max 50)', positiveInt)
    .option('--json', 'print the structured result as JSON')
    .action((opts: { package?: string; since?: string; query?: string; limit?: number; json?: boolean }) =>
      withRuntime((runtime) => {
        const answer = changelogs(runtime, opts);
        return opts.json ? answer : formatChangelogs(answer, 'cli');
      }, opts.json),
    );
}
