import type { ChangelogAnswer } from '../changelogs.js';
import type { Face } from '../face.js';
import { formatSurfaceDiff } from './surface-diff.js';

export function formatChangelogs(answer: ChangelogAnswer, face: Face): string {
  // A JS SDK without CHANGELOG entries in range: the API changes are the whole answer.
  if (answer.api && answer.entries.length === 0)
    return [
      formatSurfaceDiff(answer.api.diff).replace(/^## /, '# '),
      ...[...answer.api.notes, ...answer.notes].map((n) => `\n_${n}_`),
    ].join('\n');
  return formatEntries(answer, face);
}

function formatEntries(answer: ChangelogAnswer, _face: Face): string {
  const filters = [answer.since && `since ${answer.since}`, answer.query && `matching "${answer.query}"`]
    .filter(Boolean)
    .join(', ');
  const count =
    answer.total > answer.entries.length
      ? `${answer.entries.length} of ${answer.total}`
      : `${answer.entries.length}`;
  const lines = [
    `# Changelog: ${answer.package}${filters ? ` (${filters})` : ''} — ${count} ${answer.total === 1 ? 'entry' : 'entries'}, newest first`,
  ];
  for (const e of answer.entries) {
    const heading = e.title && e.title !== e.version ? `${e.version} — ${e.title}` : e.version || e.title;
    const meta = [e.date, e.changeType, e.url].filter(Boolean).join(' · ');
    lines.push('', `## ${heading}`);
    if (meta) lines.push(meta);
    lines.push('', e.text.trim());
  }
  if (answer.api) {
    lines.push('', formatSurfaceDiff(answer.api.diff));
    for (const note of answer.api.notes) lines.push('', `_${note}_`);
  }
  for (const note of answer.notes) lines.push('', `_${note}_`);
  if (answer.packages.length > 1)
    lines.push(
      '',
      `Other packages: ${answer.packages
        .filter((p) => p !== answer.package)
        .map((p) => `\`${p}\``)
        .join(', ')}`,
    );
  return lines.join('\n');
}
