import type { Code, Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { CodeExample } from '../../corpus/types.js';
import type { SectionWithNodes } from '../sections.js';

/** Fence names folded to one spelling so filters see `typescript`, not `ts` and `typescript`. */
const FENCE_ALIASES: Record<string, string> = {
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  node: 'javascript',
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  console: 'bash',
  shellscript: 'bash',
  terminal: 'bash',
  yml: 'yaml',
  dotenv: 'env',
  jsonc: 'json',
  json5: 'json',
};

/** Lines that are shell commands, so an unlabelled ``` block of them is `bash`. */
const SHELL_LINE = /^\s*(\$\s|npm |npx |pnpm |yarn |bun |openssl |curl |export [A-Z_]+=|git )/;

export function normalizeFence(lang: string | null | undefined, code: string): string {
  const raw = (lang ?? '').trim().toLowerCase();
  if (raw) return FENCE_ALIASES[raw] ?? raw;
  const lines = code.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
  if (lines.length > 0 && lines.every((l) => SHELL_LINE.test(l))) return 'bash';
  if (lines.length > 0 && lines.every((l) => /^[A-Z][A-Z0-9_]*=/.test(l.trim()))) return 'env';
  return '';
}

/** `title="app/page.tsx"` or `filename=...` in the fence meta. */
function metaTitle(meta: string | null | undefined): string | undefined {
  const m = /\b(?:title|filename|file)=(?:"([^"]+)"|'([^']+)'|(\S+))/.exec(meta ?? '');
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** A leading `// app/sign-in/route.ts` style comment names the file the snippet belongs in. */
function fileComment(code: string): string | undefined {
  const first = code.split('\n', 1)[0]?.trim() ?? '';
  const m = /^(?:\/\/|#|<!--)\s*([\w./[\]()@-]+\.(?:[jt]sx?|mjs|svelte|vue|json|env(?:\.\w+)?|local))\b/.exec(
    first,
  );
  return m?.[1];
}

/**
 * The README's fenced code blocks as examples, tagged with the package's framework so
 * the examples operation can filter on it. Empty blocks are skipped; ids are `<doc>#<anchor>:<n>`.
 */
export function extractCodeExamples(
  docPath: string,
  sections: SectionWithNodes[],
  framework?: string,
): CodeExample[] {
  const examples: CodeExample[] = [];
  for (const { section, nodes } of sections) {
    let n = 0;
    for (const node of nodes) {
      visit(node as Nodes, 'code', (code: Code) => {
        if (!code.value.trim()) return;
        n += 1;
        const heading = section.heading || section.headingPath.at(-1) || docPath;
        const file = metaTitle(code.meta) ?? fileComment(code.value);
        examples.push({
          kind: 'code',
          id: `${docPath}#${section.anchor}:${n}`,
          language: normalizeFence(code.lang, code.value),
          title: file ? `${heading} (${file})` : heading,
          code: code.value,
          docPath,
          sectionAnchor: section.anchor,
          sectionHeading: section.heading,
          ...(framework ? { framework } : {}),
        });
      });
    }
  }
  return examples;
}
