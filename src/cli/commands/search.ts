import type { Command } from 'commander';
import { formatSearch } from '../../core/format/search.js';
import { DOC_KINDS, searchDocs } from '../../core/search.js';
import { positiveInt, withRuntime } from '../core-command.js';

/** `workos-docs-mcp search <query...> [--limit N] [--product P] [--kind K] [--json]` */
export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('Search the WorkOS docs and print ranked results.')
    .argument('<query...>', 'keywords or a question (quotes optional)')
    .option('-l, --limit <n>', 'number of results (default 8, max 50)', positiveInt)
    .option('-p, --product <area>', 'only this product area, e.g. sso, authkit, reference')
    .option('-k, --kind <kind>', `only this kind: ${DOC_KINDS.join(', ')}`)
    .option('--json', 'print the structured result as JSON')
    .action((words: string[], opts: { limit?: number; product?: string; kind?: string; json?: boolean }) =>
      withRuntime((runtime) => {
        const answer = searchDocs(runtime, {
          query: words.join(' '),
          limit: opts.limit,
          product: opts.product,
          kind: opts.kind,
        });
        return opts.json ? answer : formatSearch(answer, 'cli');
      }, opts.json),
    );
}
