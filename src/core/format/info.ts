import type { CorpusInfo } from '../info.js';
import { groupMissing } from './missing.js';

const ORIGIN = {
  bundled: 'bundled with the package',
  updated: 'updated by `workos-docs-mcp update`',
  custom: 'custom (--corpus / WORKOS_DOCS_MCP_CORPUS)',
  memory: 'built in memory',
} as const;

export function formatInfo(info: CorpusInfo): string {
  const c = info.counts;
  const age =
    info.ageDays < 0
      ? 'unknown age'
      : info.ageDays === 0
        ? 'built today'
        : `${info.ageDays} day${info.ageDays === 1 ? '' : 's'} old`;
  return [
    `workos-docs-mcp ${info.serverVersion}`,
    `Corpus: ${ORIGIN[info.origin]}, ${age} (format ${info.formatVersion}): ${info.corpusFile}`,
    ...(info.fallback ? [`WARNING: fallback: ${info.fallback}`] : []),
    `Built: ${info.builtAt || 'unknown'}`,
    `Sources: ${info.sources.map((s) => `${s.name}${s.version ? `@${s.version}` : ''} (${s.kind})`).join(', ') || 'none recorded'}`,
    `Docs: ${c.docs} in ${info.products} product areas · sections: ${c.sections} · API reference entries: ${c.referenceEntries}`,
    `Examples: ${c.examples} · changelog entries: ${c.changelogEntries} (${info.changelogPackages.join(', ') || 'none'})`,
    ...(info.missing.length
      ? [
          `Missing (partial build, ${info.missing.length} source${info.missing.length === 1 ? '' : 's'}):`,
          ...groupMissing(info.missing),
          'Rebuild with "workos-docs-mcp build" (or "npm run build" in a clone) when the registry is reachable.',
        ]
      : []),
    ...(c.unresolvedReferences > 0 ? [`Unresolved reference descriptions: ${c.unresolvedReferences}`] : []),
  ].join('\n');
}
