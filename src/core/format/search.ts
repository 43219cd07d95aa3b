import type { SearchAnswer } from '../search.js';
import type { Face } from '../face.js';

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** How to read the top result (undefined when nothing matched). */
export function readHint(answer: SearchAnswer, face: Face): string | undefined {
  const top = answer.results[0];
  return top ? face.call('read', { path: top.path, section: top.anchor || undefined }) : undefined;
}

export function formatSearch(answer: SearchAnswer, face: Face): string {
  const { results, total, query } = answer;
  const lines: string[] = [];
  if (results.length === 0) {
    lines.push(`No docs match "${query}".`);
    if (answer.suggestions.length > 0)
      lines.push(`Try: ${answer.suggestions.map((s) => `"${s}"`).join(', ')}.`);
    lines.push(...answer.notes);
    return lines.join('\n');
  }
  const shown = total > results.length ? ` (top ${results.length} of ${total})` : '';
  lines.push(`Results for "${query}"${shown}:`, '');
  results.forEach((r, i) => {
    const target = r.anchor ? `${r.path}#${r.anchor}` : r.path;
    const section = r.section && r.section !== r.title ? ` › ${r.section}` : '';
    lines.push(`${i + 1}. **${r.title}${section}** — \`${target}\` (${r.kind}) ${r.url}`);
    if (r.snippet) lines.push(`   ${oneLine(r.snippet)}`);
    if (r.more.length > 0)
      lines.push(`   Also: ${r.more.map((m) => `${m.section} \`#${m.anchor}\``).join(' · ')}`);
  });
  lines.push('', ...answer.notes, `Read one: ${readHint(answer, face)}`);
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}
