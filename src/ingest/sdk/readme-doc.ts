import type { Code, Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { CodeExample, Doc } from '../../corpus/types.js';
import { assignHeadingAnchors } from '../headings.js';
import { serialise } from '../markdown.js';
import { toText } from '../mdast-utils.js';
import { parseMdx } from '../parse.js';
import { splitSections } from '../sections.js';
import { cleanReadme } from './clean-readme.js';
import { extractCodeExamples } from './code-examples.js';

export interface PackageJsonInfo {
  name?: string;
  version?: string;
  description?: string;
  homepage?: string;
  repository?: string | { url?: string; directory?: string };
}

export interface ReadmeInput {
  packageName: string;
  version: string;
  docPath: string;
  readme: string;
  packageJson: PackageJsonInfo;
  framework?: string;
}

/** `git+https://github.com/workos/x.git`, `git@github.com:workos/x.git`, `github:workos/x` -> `https://github.com/workos/x`. */
export function repositoryUrl(repository: PackageJsonInfo['repository']): string | undefined {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  if (!raw) return undefined;
  const m =
    /github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(raw) ??
    /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(raw);
  if (!m) return undefined;
  const dir =
    typeof repository === 'object' && repository.directory ? `/tree/HEAD/${repository.directory}` : '';
  return `https://github.com/${m[1]}/${m[2]}${dir}`;
}

export function npmPageUrl(name: string, version?: string): string {
  return `https://www.npmjs.com/package/${name}${version ? `/v/${version}` : ''}`;
}

/** Import specifiers and bare calls (`withAuth(`), which the shared collector (dotted calls only) misses. */
function codeSymbols(tree: Root): string[] {
  const found = new Set<string>();
  visit(tree as Nodes, 'code', (code: Code) => {
    for (const m of code.value.matchAll(/import\s*(?:type\s*)?\{([^}]+)\}\s*from/g)) {
      for (const name of m[1].split(',')) {
        const id = name
          .replace(/^\s*type\s+/, '')
          .split(/\s+as\s+/)[0]
          .trim();
        if (/^[A-Za-z_$][\w$]*$/.test(id)) found.add(id);
      }
    }
  });
  return [...found];
}

/**
 * One SDK README as a Doc of kind `sdk`: cleaned of badges and HTML, split into sections
 * with GitHub-compatible anchors, and its code blocks as framework-tagged examples.
 */
export function readmeToDoc(input: ReadmeInput): { doc: Doc; examples: CodeExample[] } {
  const tree = parseMdx(input.readme, false);
  cleanReadme(tree);
  assignHeadingAnchors(tree);
  const sections = splitSections(tree);
  for (const { section, nodes } of sections) {
    section.identifiers = [
      ...new Set([...section.identifiers, ...codeSymbols({ type: 'root', children: nodes })]),
    ];
  }
  const firstHeading = tree.children.find((n) => n.type === 'heading');
  const h1 = firstHeading?.type === 'heading' && firstHeading.depth === 1 ? toText(firstHeading).trim() : '';
  const firstParagraph = tree.children.find((n) => n.type === 'paragraph');
  const description =
    input.packageJson.description?.trim() ||
    (firstParagraph ? toText(firstParagraph).trim().slice(0, 300) : '');
  const doc: Doc = {
    path: input.docPath,
    title: h1 || input.packageName,
    description,
    breadcrumb: ['SDKs'],
    url: repositoryUrl(input.packageJson.repository) ?? npmPageUrl(input.packageName),
    product: 'sdks',
    kind: 'sdk',
    markdown: serialise(tree),
    sections: sections.map((s) => s.section),
    reference: [],
    source: `${input.packageName}@${input.version}`,
  };
  return { doc, examples: extractCodeExamples(input.docPath, sections, input.framework) };
}
