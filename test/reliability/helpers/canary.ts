import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledCorpusFile } from '../../../src/lifecycle/corpus-location.js';
import { FILE_CANARY } from './hygiene.js';

export interface CanaryTree {
  root: string;
  /** Folder holding the corpus copy (and canaries beside it). */
  dataDir: string;
  corpusFile: string;
  /** A working directory for spawned servers, with canaries in it. */
  cwd: string;
  /** Absolute paths of every planted canary file. */
  files: string[];
  remove(): void;
}

/**
 * A temporary copy of the real corpus surrounded by files holding FILE_CANARY: beside the bundle,
 * above it, in the working directory, and under names a path-joining server would hit
 * (`sso.mdx`, `README`, `docs/secret.mdx`). Any answer containing the canary read outside the corpus.
 */
export function plantCanaryTree(options: { copyCorpus?: boolean } = {}): CanaryTree {
  const root = mkdtempSync(join(tmpdir(), 'wdm-canary-'));
  const dataDir = join(root, 'data');
  const cwd = join(root, 'cwd');
  for (const dir of [dataDir, cwd, join(dataDir, 'docs'), join(root, 'docs')])
    mkdirSync(dir, { recursive: true });
  const corpusFile = join(dataDir, 'corpus.json');
  if (options.copyCorpus !== false) copyFileSync(bundledCorpusFile(), corpusFile);
  const files = [
    join(root, 'SECRET.md'),
    join(root, 'README'),
    join(root, 'README.md'),
    join(root, '.env'),
    join(root, 'secret.mdx'),
    join(root, 'docs', 'secret.mdx'),
    join(dataDir, 'secret.mdx'),
    join(dataDir, 'sso.mdx'),
    join(dataDir, 'README'),
    join(dataDir, 'docs', 'secret.mdx'),
    join(cwd, 'README.md'),
    join(cwd, 'secret.mdx'),
    join(cwd, 'package.json'),
  ];
  for (const f of files)
    writeFileSync(f, `---\ntitle: ${FILE_CANARY}\n---\n# ${FILE_CANARY}\n\nSECRET=${FILE_CANARY}\n`);
  return {
    root,
    dataDir,
    corpusFile,
    cwd,
    files,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Relative and absolute ways to name the planted files, for the path-traversal generators. */
export function canaryProbes(tree: CanaryTree): string[] {
  const relative = ['SECRET.md', 'README', 'secret.mdx', 'secret', 'docs/secret', '.env', 'package.json'];
  const ups = [
    '',
    '../',
    '../../',
    '../../../',
    '..\\',
    '..\\..\\',
    '%2e%2e/',
    '%2e%2e%2f',
    '%252e%252e%252f',
    '..%2f',
    '..%5c',
  ];
  const probes = ups.flatMap((up) => relative.map((r) => `${up}${r}`));
  for (const f of tree.files) probes.push(f, `file://${f}`, encodeURIComponent(f), f.replace(/\//g, '\\'));
  return probes;
}
