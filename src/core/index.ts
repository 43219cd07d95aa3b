// The operation layer's public surface: both faces (MCP server, CLI) import from here.
export * from './errors.js';
export * from './runtime.js';
export * from './paths.js';
export * from './budget.js';
export { normalizeLanguage, LANGUAGE_LABELS } from './language.js';
export { searchDocs, DOC_KINDS, type SearchAnswer, type SearchRequest } from './search.js';
export { readDoc, findDoc, type DocPage, type ReadDocOptions, type OutlineEntry } from './read-doc.js';
export { tableOfContents, type TocPage } from './toc.js';
export { read, type ReadAnswer, type ReadOptions } from './read.js';
export { findExamples, type ExamplesAnswer, type ExamplesOptions } from './examples.js';
export {
  changelogs,
  changelogPackages,
  DEFAULT_PACKAGE,
  type ChangelogAnswer,
  type ChangelogOptions,
} from './changelogs.js';
export { corpusInfo, serverVersion, type CorpusInfo } from './info.js';
export { suggestDocs } from './suggest.js';
export { navContext, type NavContext } from './nav.js';
export type { Face, CallArgs } from './face.js';
export * from './operations/index.js';
export { formatSearch } from './format/search.js';
export { formatDocPage, formatToc } from './format/doc.js';
export { formatExamples } from './format/examples.js';
export { formatChangelogs } from './format/changelogs.js';
export { formatInfo } from './format/info.js';
