import { z } from 'zod';
import { changelogsWithApi, type ChangelogAnswer } from '../changelogs.js';
import { formatChangelogs } from '../format/changelogs.js';
import { operationInput } from './input.js';
import { defineOperation } from './operation.js';

const input = operationInput(
  {
    package: z.string().optional().describe('Default "workos-platform"'),
    since: z.string().optional().describe('YYYY-MM-DD, or a version (SDKs: API changes since it)'),
    until: z.string().optional().describe('SDK version the API changes run to (default newest here)'),
    query: z.string().optional().describe('Words the entry must contain'),
    limit: z.number().int().min(1).max(50).default(10).describe('Max entries'),
  },
  {
    pkg: 'package',
    packageName: 'package',
    from: 'since',
    after: 'since',
    q: 'query',
    search: 'query',
    maxResults: 'limit',
  },
);

const output = z
  .object({
    package: z.string(),
    total: z.number(),
    packages: z.array(z.string()),
    // Entries declare their key fields and pass the rest through: the schema stays small in tools/list.
    entries: z.array(z.object({ version: z.string(), text: z.string() }).passthrough()),
  })
  .passthrough();

export const changelogsOperation = defineOperation({
  name: 'changelogs',
  description: () =>
    'WorkOS changelog entries, newest first: the platform changelog by default, filterable by date and words.',
  input,
  output,
  usesProject: true,
  run: changelogsWithApi,
  markdown: formatChangelogs,
  structured: (answer: ChangelogAnswer) => ({
    package: answer.package,
    total: answer.total,
    packages: answer.packages,
    entries: answer.entries.map((e) => ({
      version: e.version,
      title: e.title,
      date: e.date,
      changeType: e.changeType,
      text: e.text,
      url: e.url,
    })),
    notes: answer.notes.length > 0 ? answer.notes : undefined,
    api: answer.api ? structuredApi(answer.api) : undefined,
  }),
});

/** Additions can run to hundreds of names: the structured answer keeps the first ones and the count. */
const MAX_STRUCTURED_ADDED = 100;

function structuredApi(api: NonNullable<ChangelogAnswer['api']>) {
  const { diff } = api;
  return {
    package: api.package,
    from: api.from,
    to: api.to,
    namespaces: diff.namespaces,
    symbols: {
      added: diff.symbols.added.slice(0, MAX_STRUCTURED_ADDED),
      addedTotal: diff.symbols.added.length,
      removed: diff.symbols.removed,
      renamed: diff.symbols.renamed,
    },
    options: diff.options,
    deprecated: diff.deprecated,
    removedDeprecated: diff.removedDeprecated,
    notes: api.notes.length > 0 ? api.notes : undefined,
  };
}
