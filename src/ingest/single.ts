import type { BuildProblem, Doc, Example } from '../corpus/types.js';
import type { Snippet } from './components/index.js';
import { buildDoc } from './doc.js';
import { DEFAULT_BASE_URL, docPathFromFile } from './doc-paths.js';
import { parseMdx, readFrontmatter } from './parse.js';
import { ReferenceRegistry } from './reference/registry.js';
import { FieldResolver } from './reference/resolve.js';

export interface RenderOneOptions {
  /** Path relative to a source root, e.g. `sso/index.mdx` (decides doc path, product, kind). */
  file?: string;
  /** Other files' frontmatter to register first (cross-file reference resolution). */
  related?: Record<string, unknown>[];
  snippets?: Record<string, Snippet>;
}

/** Renders one MDX text as a doc, outside any source folder: for tests and previews. */
export function renderMdxDocument(
  text: string,
  options: RenderOneOptions = {},
): { doc: Doc; examples: Example[]; problems: BuildProblem[]; unresolved: string[] } {
  const file = options.file ?? 'guide/page.mdx';
  const tree = parseMdx(text, !file.endsWith('.md'));
  const frontmatter = readFrontmatter(tree);
  const registry = new ReferenceRegistry();
  options.related?.forEach((fm, i) => registry.addFrontmatter(`related-${i}.mdx`, fm));
  registry.addFrontmatter(file, frontmatter);
  const resolver = new FieldResolver(registry, DEFAULT_BASE_URL);
  const problems: BuildProblem[] = [];
  const { doc, examples } = buildDoc(
    { file, path: docPathFromFile(file), tree, frontmatter },
    {
      baseUrl: DEFAULT_BASE_URL,
      source: 'test',
      resolver,
      breadcrumbs: new Map(),
      navTitles: new Map(),
      snippet: (name) => options.snippets?.[name],
      problems,
    },
  );
  return { doc, examples, problems, unresolved: resolver.unresolved };
}
