import type { AnswerContext } from '../../core/answer-context.js';
import { LANGUAGE_NAMES } from '../../corpus/reference-markdown.js';
import type { ProjectScan } from './types.js';

const ORIGIN: Record<ProjectScan['origin'], string> = {
  'client-roots': "the client's roots",
  cwd: 'the working directory',
  argument: 'the folder given',
  none: 'none',
};

/**
 * The project as the assistant should see it: which WorkOS SDKs at which versions, from which
 * file, and what could not be read. Short: one line per package, one per note.
 */
export function formatProject(scan: ProjectScan, extra: string[] = []): string {
  const lines: string[] = ['# Your project', ''];
  if (scan.roots.length === 0) {
    lines.push(
      scan.origin === 'none'
        ? 'No project folder is known: the client offered no roots (over HTTP the server never reads a folder of its own). Answers use the docs and the SDK versions in this server.'
        : 'No project folder was given.',
    );
    return [...lines, ...notesOf(scan)].join('\n');
  }
  lines.push(`Roots (from ${ORIGIN[scan.origin]}):`);
  for (const r of scan.roots) {
    const files = r.files.length ? `: ${r.files.join(', ')}` : ': no manifests';
    lines.push(r.status === 'read' ? `- ${r.path}${files}` : `- ${r.given} — skipped: ${r.reason}`);
  }
  lines.push('');
  if (scan.packages.length === 0) {
    lines.push('No WorkOS SDK found in these manifests.');
  } else {
    lines.push('WorkOS SDKs:');
    const multiRoot = new Set(scan.packages.map((p) => p.root)).size > 1;
    for (const p of scan.packages) {
      const version = p.version ? p.version : `range ${p.range ?? '(none)'}`;
      const range = p.version && p.range && p.range !== p.version ? `; asks ${p.range}` : '';
      const where = multiRoot ? ` in ${p.root}` : '';
      lines.push(
        `- ${p.name} ${version} (${LANGUAGE_NAMES[p.language] ?? p.language}; from ${p.source}${range}${where})`,
      );
      for (const d of p.disagreements ?? [])
        lines.push(
          `  - ${d.source} says ${d.version ?? d.range}: the install and the lockfile may be out of date`,
        );
    }
  }
  lines.push(...extra, ...notesOf(scan));
  return lines.join('\n');
}

function notesOf(scan: ProjectScan): string[] {
  if (scan.notes.length === 0) return [];
  return ['', 'Not read:', ...scan.notes.map((n) => `- ${n.file ? `${n.file}: ` : ''}${n.reason}`)];
}

const ORIGIN_WORDS = {
  corpus: "in this server's corpus",
  installed: 'read from your installed copy in node_modules',
  cache: 'from the user cache',
  fetched: 'downloaded from npm and read',
} as const;

/** One line per JavaScript SDK: which version's API surface answers use, and what getting it cost. */
export function surfaceLines(context: AnswerContext | undefined): string[] {
  const lines: string[] = [];
  for (const p of context?.project ?? []) {
    if (p.ecosystem !== 'npm') continue;
    const label = `${p.name} ${p.version ?? p.range ?? ''}`.trim();
    const s = p.surface;
    if (!p.version) {
      lines.push(
        `- ${p.name}: only a range (${p.range ?? 'none'}), no lockfile or install; answers use the version this server has and say so. Install (or lock) it to get answers for your version.`,
      );
    } else if (!s) {
      lines.push(`- ${label}: not read (only the first few JavaScript SDKs of a project are).`);
    } else if (s.ok) {
      const cost =
        s.origin === 'fetched' && s.ms !== undefined
          ? ` in ${(s.ms / 1000).toFixed(1)} s (cached for next time)`
          : '';
      lines.push(
        `- ${label}: API surface ${ORIGIN_WORDS[s.origin]}${cost}; ${s.surface.symbols.length} symbols.`,
      );
    } else {
      lines.push(
        `- ${label}: no API surface (${s.reason}). Answers are not for ${p.version}: each names the version it uses.`,
      );
    }
  }
  return lines.length > 0 ? ['', 'SDK surfaces used for answers:', ...lines] : [];
}
