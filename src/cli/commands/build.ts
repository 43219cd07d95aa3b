import type { Command } from 'commander';
import { buildCorpus, type BuildSummary } from '../../lifecycle/build.js';
import { rssSourceAdapter, sdkSourceAdapter } from '../../lifecycle/extra-sources.js';
import { mismatchHeadline, mismatchLines } from '../../core/format/sdk-mismatches.js';
import { groupMissing } from '../../core/format/missing.js';

const MAX_LISTED = 20;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

export function formatSummary(s: BuildSummary): string {
  const c = s.manifest.counts;
  const lines = [
    `Built ${s.file}`,
    `  sources:            ${s.sources.map((x) => (x.version ? `${x.name}@${x.version}` : x.name)).join(', ')}`,
    `  docs:               ${c.docs}`,
    `  sections:           ${c.sections}`,
    `  reference entries:  ${c.referenceEntries}`,
    `  examples:           ${c.examples}`,
    `  changelog entries:  ${c.changelogEntries}`,
    `  unresolved refs:    ${c.unresolvedReferences}`,
    `  problems:           ${s.problems.length}`,
    ...(s.missing.length ? [`  missing sources:    ${s.missing.length} (partial corpus)`] : []),
    `  time:               ${(s.ms / 1000).toFixed(2)} s`,
    `  bundle size:        ${formatBytes(s.bytes)}`,
  ];
  if (s.sdk) {
    lines.push(
      `  SDK API surfaces:   ${s.sdk.surfaces.map((x) => `${x.package}@${x.version} (${x.symbols})`).join(', ')}`,
    );
    lines.push(
      mismatchHeadline(s.sdk.mismatches, s.sdk.methods, [
        ...new Set(s.sdk.mismatches.map((m) => `${m.package}@${m.version}`)),
      ]),
    );
    // The whole list: it is the point of the report, and it is a few dozen lines at most.
    lines.push(...mismatchLines(s.sdk.mismatches).map((l) => `  - ${l}`));
  }
  if (s.unresolved.length) {
    lines.push('Unresolved API reference descriptions:');
    lines.push(...s.unresolved.slice(0, MAX_LISTED).map((u) => `  - ${u}`));
    if (s.unresolved.length > MAX_LISTED) lines.push(`  … and ${s.unresolved.length - MAX_LISTED} more`);
  }
  if (s.problems.length) {
    lines.push('Problems (the rest of the corpus was built):');
    lines.push(
      ...s.problems
        .slice(0, MAX_LISTED)
        .map((p) => `  - ${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`),
    );
    if (s.problems.length > MAX_LISTED) lines.push(`  … and ${s.problems.length - MAX_LISTED} more`);
  }
  return lines.join('\n');
}

/** Loud on purpose: a partial corpus answers without the SDK guides and changelogs it lacks. */
export function partialWarning(s: BuildSummary): string {
  return [
    `WARNING: partial corpus (--allow-partial): ${s.missing.length} source${s.missing.length === 1 ? '' : 's'} could not be fetched and are missing:`,
    ...groupMissing(s.missing),
    'Run "npm run build" (or "workos-docs-mcp build") again when the registry is reachable for the complete corpus.',
  ].join('\n');
}

/** `workos-docs-mcp build [--source DIR] [--out DIR]`: progress on stderr, summary on stdout. */
export function registerBuild(program: Command): void {
  program
    .command('build')
    .description(
      'Build the corpus bundle (data/corpus.json) from the WorkOS docs or a folder of .md/.mdx files.',
    )
    .option('--source <dir>', 'folder of .md/.mdx docs (default: the pinned @workos/mcp-docs-server bundle)')
    .option('--out <dir>', 'output folder for corpus.json (default: data/ in the package)')
    .option('--base-url <url>', 'URL the doc paths live under (default: https://workos.com/docs)')
    .option('--json', 'print the summary as JSON')
    .option('--no-sdks', 'leave out the SDK READMEs and changelogs pinned in sources.json')
    .option('--sdk-manifest <file>', 'SDK source manifest (default: sources.json in the package)')
    .option('--changelog-rss <url|file>', 'also read the WorkOS changelog RSS feed (a URL or a saved file)')
    .option(
      '--allow-partial',
      'write the corpus even when a source (SDK package, feed) cannot be fetched (recorded in the corpus: the info command lists what is missing)',
    )
    .action(
      async (opts: {
        source?: string;
        out?: string;
        baseUrl?: string;
        json?: boolean;
        sdks: boolean;
        sdkManifest?: string;
        changelogRss?: string;
        allowPartial?: boolean;
      }) => {
        if (opts.baseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(opts.baseUrl)) {
          throw new Error(`--base-url must be an http(s) URL, got "${opts.baseUrl}"`);
        }
        const extraSources = [
          ...(opts.sdks ? [sdkSourceAdapter({ manifestFile: opts.sdkManifest })] : []),
          ...(opts.changelogRss ? [rssSourceAdapter(opts.changelogRss)] : []),
        ];
        const summary = await buildCorpus({
          sourceDir: opts.source,
          outDir: opts.out,
          baseUrl: opts.baseUrl?.replace(/\/+$/, ''),
          extraSources,
          allowPartial: opts.allowPartial,
          log: (m) => process.stderr.write(`build: ${m}\n`),
        });
        if (summary.missing.length) process.stderr.write(`${partialWarning(summary)}\n`);
        process.stdout.write(
          opts.json
            ? `${JSON.stringify({ ...summary, manifest: { ...summary.manifest, sources: undefined } }, null, 2)}\n`
            : `${formatSummary(summary)}\n`,
        );
      },
    );
}
