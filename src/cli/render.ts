import { stripVTControlCharacters } from 'node:util';

/**
 * Markdown answers for people at a terminal: headings, bold, code and tables drawn with
 * `marked` + `marked-terminal` (loaded only here, only when stdout is a terminal). Piped or
 * redirected output stays the plain Markdown a model or a script reads, byte for byte.
 */

export interface RenderTarget {
  isTTY?: boolean;
  columns?: number;
}

/** Whether to draw answers for a person: a terminal, or FORCE_COLOR asking for it (`less -R`, CI logs). */
export function wantsRendering(stdout: RenderTarget, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.WORKOS_DOCS_MCP_RAW !== undefined && env.WORKOS_DOCS_MCP_RAW !== '0') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return stdout.isTTY === true && env.TERM !== 'dumb';
}

export interface RenderOptions {
  /** Terminal width, for rules and tables (at most 100 columns). */
  width?: number;
  /** false (NO_COLOR): the layout without escape codes. */
  color?: boolean;
}

/** Widest text we wrap to, however wide the terminal: long lines are hard to read. */
const MAX_WIDTH = 100;

export async function renderMarkdown(markdown: string, options: RenderOptions = {}): Promise<string> {
  const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
  const width = Math.max(40, Math.min(options.width ?? 80, MAX_WIDTH));
  const marked = new Marked(
    markedTerminal({
      width,
      // No reflow: it cuts long words (URLs, paths) mid-way; the terminal wraps lines itself.
      reflowText: false,
      // People read the heading by its style; `## ` in front is Markdown, not layout.
      showSectionPrefix: false,
      // `:smile:`-style codes are not how docs talk; leave colons alone (they appear in code and URLs).
      emoji: false,
      tab: 2,
    }),
  );
  // Fence names the highlighter does not know (`plain`, `env`, `url`) would make it warn on stderr.
  marked.use({
    walkTokens(token) {
      if (token.type === 'code') token.lang = highlightable(token.lang);
    },
    renderer: {
      // marked-terminal draws a tight list item's text without its inline tokens, so bold and code
      // in list items (every search result) showed as `**…**` (marked-terminal issues 304, 371).
      text(token) {
        return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
      },
    },
  });
  const out = (await marked.parse(markdown)).replace(/\n{3,}/g, '\n\n').trimEnd();
  return options.color === false ? stripVTControlCharacters(out) : out;
}

/** Fence languages of the docs the highlighter colours; anything else is shown as plain text. */
const HIGHLIGHTED: Record<string, string> = {
  ts: 'typescript',
  typescript: 'typescript',
  tsx: 'typescript',
  js: 'javascript',
  javascript: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  json: 'json',
  bash: 'bash',
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  curl: 'bash',
  python: 'python',
  py: 'python',
  ruby: 'ruby',
  rb: 'ruby',
  go: 'go',
  java: 'java',
  php: 'php',
  csharp: 'csharp',
  cs: 'csharp',
  dotnet: 'csharp',
  yaml: 'yaml',
  yml: 'yaml',
  html: 'xml',
  xml: 'xml',
  svelte: 'xml',
  css: 'css',
  sql: 'sql',
  graphql: 'graphql',
  kotlin: 'kotlin',
};

function highlightable(lang: string | undefined): string {
  return HIGHLIGHTED[(lang ?? '').trim().toLowerCase()] ?? 'plaintext';
}

/** The renderer for this process's stdout, or undefined when answers go out as plain Markdown. */
export function terminalRenderer(
  stdout: RenderTarget = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): ((markdown: string) => Promise<string>) | undefined {
  if (!wantsRendering(stdout, env)) return undefined;
  const color = env.NO_COLOR === undefined || env.NO_COLOR === '';
  return (markdown) => renderMarkdown(markdown, { width: stdout.columns, color });
}
