import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import type { SourceInfo } from '../corpus/types.js';
import type { Snippet } from './components/index.js';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', '.next', '.turbo', 'coverage']);
const DOC_EXT = /\.mdx?$/i;
const SNIPPET_LANGUAGES: Record<string, string> = {
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
  '.ts': 'ts',
  '.tsx': 'tsx',
  '.py': 'python',
  '.rb': 'ruby',
  '.go': 'go',
  '.java': 'java',
  '.kt': 'kotlin',
  '.php': 'php',
  '.cs': 'csharp',
  '.sh': 'bash',
  '.bash': 'bash',
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.html': 'html',
  '.ex': 'elixir',
  '.exs': 'elixir',
  '.txt': '',
};
const MAX_SNIPPET_BYTES = 100_000;

/** Every file under `root` (relative, `/`-separated), skipping dependency and build folders. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

export const isDocFile = (file: string): boolean => DOC_EXT.test(file);

/**
 * Snippet sources by bare name (`create-organization-request` -> its file), for `<CodeBlock file="…">`.
 * The published bundle has none; a docs checkout may.
 */
export function snippetIndex(root: string, files: string[]): (name: string) => Snippet | undefined {
  const byName = new Map<string, string>();
  for (const file of files) {
    const ext = extname(file).toLowerCase();
    if (!(ext in SNIPPET_LANGUAGES)) continue;
    const name = basename(file, extname(file));
    if (!byName.has(name)) byName.set(name, file);
  }
  return (name) => {
    const file = byName.get(name) ?? byName.get(basename(name, extname(name)));
    if (!file) return undefined;
    const full = join(root, file);
    if (statSync(full).size > MAX_SNIPPET_BYTES) return undefined;
    return {
      code: readFileSync(full, 'utf8').replace(/\n$/, ''),
      language: SNIPPET_LANGUAGES[extname(file).toLowerCase()] ?? '',
    };
  };
}

/**
 * The npm package a source folder ships in (an installed package above it, e.g. `@workos/mcp-docs-server@0.2.0`),
 * else a local folder (`local:content`); a checkout's own package.json does not make it a published bundle.
 */
export function describeSource(root: string): SourceInfo {
  if (!root.split(sep).includes('node_modules')) return { name: `local:${basename(root)}`, kind: 'local' };
  let dir = root;
  for (let i = 0; i < 5; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const json = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
        if (json.name) return { name: json.name, version: json.version, kind: 'docs-bundle' };
      } catch {
        // An unreadable package.json says nothing about the source; fall through to a local name.
      }
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { name: `local:${basename(root)}`, kind: 'local' };
}

export function sourceLabel(info: SourceInfo): string {
  return info.version ? `${info.name}@${info.version}` : info.name;
}
