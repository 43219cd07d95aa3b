import type { Root } from 'mdast';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BuildProblem, NavArea } from '../corpus/types.js';
import { changelogDocs, loadChangelogs } from './platform-changelog.js';
import { buildDoc, type ParsedFile } from './doc.js';
import { DEFAULT_BASE_URL, docPathFromFile, isDocumentFile, isNavigationFile } from './doc-paths.js';
import { breadcrumbIndex, navAreaFrom, navTitles } from './navigation.js';
import { errorLine, parseMdx, readFrontmatter } from './parse.js';
import { ReferenceRegistry } from './reference/registry.js';
import { FieldResolver } from './reference/resolve.js';
import { describeSource, isDocFile, listFiles, snippetIndex, sourceLabel } from './source-files.js';
import { emptyIngestResult, type IngestResult, type ProgressLog } from './types.js';

export interface DocsSourceOptions {
  /** Folder of `.md`/`.mdx` files (a `docs/` child is used when the folder itself holds none). */
  dir: string;
  baseUrl?: string;
  log?: ProgressLog;
}

/** A source that cannot be built at all (missing, empty): the build stops with this message. */
export class SourceError extends Error {
  override name = 'SourceError';
}

function docsRoot(dir: string): string {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory())
    throw new SourceError(`source folder not found: ${abs}`);
  const files = listFiles(abs);
  const nested = join(abs, 'docs');
  if (
    !files.some((f) => !f.includes('/') && isDocFile(f)) &&
    existsSync(nested) &&
    statSync(nested).isDirectory()
  )
    return nested;
  return abs;
}

/**
 * Reads and parses one file. Unreadable or malformed MDX is reported and skipped; malformed YAML
 * frontmatter is reported and the body kept (only the frontmatter data is lost).
 */
function readSourceFile(
  root: string,
  file: string,
  problems: BuildProblem[],
): Pick<ParsedFile, 'tree' | 'frontmatter'> | undefined {
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch (err) {
    problems.push({ file, reason: `cannot read: ${(err as Error).message}` });
    return undefined;
  }
  let tree: Root;
  try {
    tree = parseMdx(text, /\.mdx$/i.test(file));
  } catch (err) {
    // The parser repeats the position at the end of its message; the line is reported separately.
    const message = (err as Error).message.split('\n')[0].replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)$/, '');
    problems.push({ file, line: errorLine(err), reason: `invalid MDX: ${message}` });
    return undefined;
  }
  try {
    return { tree, frontmatter: readFrontmatter(tree) };
  } catch (err) {
    problems.push({ file, line: errorLine(err), reason: (err as Error).message });
    return { tree, frontmatter: {} };
  }
}

/**
 * Ingests one folder of WorkOS-style docs: a first pass parses every file and fills the corpus-wide
 * reference registry and the navigation; a second pass renders each document.
 */
export function ingestDocsSource(options: DocsSourceOptions): IngestResult {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const log = options.log ?? (() => {});
  const root = docsRoot(options.dir);
  const files = listFiles(root);
  const docFiles = files.filter(isDocFile);
  if (!docFiles.length) throw new SourceError(`no .md or .mdx files in source folder: ${root}`);

  const info = describeSource(root);
  const source = sourceLabel(info);
  const result = emptyIngestResult();
  result.sources.push(info);
  const problems: BuildProblem[] = result.problems;
  const registry = new ReferenceRegistry();
  const parsed: ParsedFile[] = [];
  const nav: NavArea[] = [];

  log(`reading ${docFiles.length} files from ${root}`);
  for (const file of docFiles) {
    const read = readSourceFile(root, file, problems);
    if (!read) continue;
    if (isNavigationFile(file)) {
      const dir = file.split('/').slice(0, -1).join('/');
      nav.push(navAreaFrom(dir || 'docs', read.frontmatter));
      continue;
    }
    registry.addFrontmatter(file, read.frontmatter);
    if (isDocumentFile(file)) parsed.push({ file, path: docPathFromFile(file), ...read });
  }
  nav.sort((a, b) => a.product.localeCompare(b.product));
  result.nav = nav;

  log(`rendering ${parsed.length} documents`);
  const resolver = new FieldResolver(registry, baseUrl);
  const env = {
    baseUrl,
    source,
    resolver,
    breadcrumbs: breadcrumbIndex(nav),
    navTitles: navTitles(nav),
    snippet: snippetIndex(root, files),
    problems,
  };
  const seen = new Set<string>();
  for (const pf of parsed) {
    if (seen.has(pf.path)) {
      problems.push({ file: pf.file, reason: `duplicate document path "${pf.path}" (first one kept)` });
      continue;
    }
    seen.add(pf.path);
    try {
      const { doc, examples } = buildDoc(pf, env);
      result.docs.push(doc);
      result.examples.push(...examples);
    } catch (err) {
      problems.push({ file: pf.file, reason: `cannot render: ${(err as Error).message.split('\n')[0]}` });
    }
  }
  result.unresolved.push(...resolver.unresolved);

  result.changelogs = loadChangelogs(root, problems);
  result.docs.push(...changelogDocs(result.changelogs, source));
  return result;
}
