import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { parseDocument } from 'yaml';

/** Parses MDX (or plain Markdown: MDX is a superset for the files we read) into mdast. */
const processors: { mdx?: Processor<Root>; md?: Processor<Root> } = {};

// Built on first use and reused: creating a unified processor costs far more than a small parse.
function processor(mdx: boolean): Processor<Root> {
  if (mdx)
    return (processors.mdx ??= unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkFrontmatter, ['yaml'])
      .use(remarkGfm)
      .freeze() as unknown as Processor<Root>);
  return (processors.md ??= unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .freeze() as unknown as Processor<Root>);
}

export function parseMdx(source: string, mdx = true): Root {
  return processor(mdx).parse(source);
}

/** A parse failure with the position the parser reported (1-based line). */
export class SourceSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'SourceSyntaxError';
  }
}

/** Line of a micromark/vfile error, when it carries one. */
export function errorLine(err: unknown): number | undefined {
  const e = err as {
    line?: unknown;
    place?: { line?: unknown; start?: { line?: unknown } };
    message?: unknown;
  };
  if (typeof e?.line === 'number') return e.line;
  if (typeof e?.place?.line === 'number') return e.place.line;
  if (typeof e?.place?.start?.line === 'number') return e.place.start.line;
  // micromark-extension-mdx-jsx puts the position only in the message: "… (5:1-5:25)".
  const m = typeof e?.message === 'string' ? /\((\d+):\d+(?:-\d+:\d+)?\)\s*$/.exec(e.message) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Reads the YAML frontmatter node of a tree. `lineOffset` is the line of the node's opening `---`,
 * so YAML errors point at the real line in the file.
 */
export function readFrontmatter(tree: Root): Record<string, unknown> {
  const node = tree.children.find((n) => n.type === 'yaml');
  if (!node || node.type !== 'yaml') return {};
  const doc = parseDocument(node.value);
  if (doc.errors.length) {
    const first = doc.errors[0];
    // YAML often notices a problem at the end of input (an unclosed `[`): point at the last real content instead.
    const lastContent = node.value.trimEnd().length - 1;
    const offset = Math.max(0, Math.min(first.pos[0], lastContent));
    const yamlLine = node.value.slice(0, offset).split('\n').length;
    const start = node.position?.start.line ?? 1;
    throw new SourceSyntaxError(
      `invalid YAML frontmatter: ${first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      start + yamlLine,
    );
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new SourceSyntaxError('frontmatter is not a YAML mapping', node.position?.start.line);
  }
  return value as Record<string, unknown>;
}
