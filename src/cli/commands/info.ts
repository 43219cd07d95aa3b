import type { Command } from 'commander';
import { formatInfo } from '../../core/format/info.js';
import { corpusInfo } from '../../core/info.js';
import { withRuntime } from '../core-command.js';

/** `workos-docs-mcp info [--json]`: which corpus is loaded, how old, how big. */
export function registerInfo(program: Command): void {
  program
    .command('info')
    .description('Show the loaded corpus: version, sources, build time and age, counts, file.')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) =>
      withRuntime((runtime) => {
        const info = corpusInfo(runtime);
        return opts.json ? info : formatInfo(info);
      }, opts.json),
    );
}
