import type { Command } from 'commander';
import { findExamples } from '../../core/examples.js';
import { formatExamples } from '../../core/format/examples.js';
import { positiveInt, withRuntime } from '../core-command.js';

/** `workos-docs-mcp examples [query...] [--language L] [--framework F] [--limit N] [--json]` */
export function registerExamples(program: Command): void {
  program
    .command('examples')
    .description('Print code examples and example apps (no query: the topics with counts).')
    .argument('[query...]', 'topic or API, e.g. "create organization"')
    .option('-L, --language <lang>', 'e.g. node, python, ruby, go, java, php, dotnet, curl')
    .option('-f, --framework <name>', 'e.g. nextjs, react, remix')
    .option('-l, --limit <n>', 'number of snippets (default 5, max 20)', positiveInt)
    .option('--json', 'print the structured result as JSON')
    .action(
      (words: string[], opts: { language?: string; framework?: string; limit?: number; json?: boolean }) =>
        withRuntime((runtime) => {
          const answer = findExamples(runtime, {
            query: words.join(' '),
            language: opts.language,
            framework: opts.framework,
            limit: opts.limit,
          });
          return opts.json ? answer : formatExamples(answer, 'cli');
        }, opts.json),
    );
}
