import type { CheckResult } from '../check/index.js';

const MAX_LISTED = 60;
const MARK: Record<string, string> = {
  ok: 'ok',
  unknown: 'UNKNOWN',
  'bad-option': 'BAD OPTION',
  deprecated: 'DEPRECATED',
};

/** One line per SDK use, problems first in the summary line. */
export function formatCheck(r: CheckResult): string {
  const against =
    r.basis === 'declarations'
      ? `${r.package} ${r.version} type declarations`
      : `the docs' ${r.language} reference`;
  const problems = r.calls.filter((c) => c.status !== 'ok').length;
  const lines = [
    `# SDK check: ${r.calls.length} SDK use${r.calls.length === 1 ? '' : 's'}, ${problems} problem${problems === 1 ? '' : 's'} (against ${against})`,
    '',
  ];
  for (const c of r.calls.slice(0, MAX_LISTED)) {
    lines.push(
      `- line ${c.line} **${MARK[c.status] ?? c.status}** \`${c.code}\` — ${c.message}${c.suggestion ? ` Suggestion: \`${c.suggestion}\`.` : ''}${c.doc ? ` Read: \`${c.doc}\`.` : ''}`,
    );
  }
  if (r.calls.length > MAX_LISTED)
    lines.push(`- … ${r.calls.length - MAX_LISTED} more (see the structured answer)`);
  if (r.notes.length) lines.push('', ...r.notes.map((n) => `> ${n}`));
  return lines.join('\n');
}
