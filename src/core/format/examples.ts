import { isMethod } from '../../corpus/reference-markdown.js';
import type { ExamplesAnswer } from '../examples.js';
import type { Face } from '../face.js';
import { plural } from './plural.js';

function fence(code: string, language: string): string {
  // A fence longer than any backtick run inside the code, so embedded fences cannot close it early.
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((m) => m.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${code.replace(/\n+$/, '')}\n${ticks}`;
}

export function formatExamples(answer: ExamplesAnswer, face: Face): string {
  if (answer.mode === 'topics') {
    const lines = ['# WorkOS code examples by product', ''];
    for (const t of answer.topics)
      lines.push(
        `- \`${t.product}\`: ${plural(t.examples, 'example')} (${t.languages.slice(0, 6).join(', ') || 'various'})`,
      );
    if (answer.appLanguages.length > 0) {
      lines.push(
        '',
        `Example apps: ${answer.appLanguages.map((a) => `${a.language || 'other'} (${a.apps})`).join(', ')}`,
      );
    }
    lines.push('', `Ask: ${face.call('examples', { query: 'create organization', language: 'python' })}`);
    return lines.join('\n');
  }
  const what = [answer.query && `"${answer.query}"`, answer.language, answer.framework]
    .filter(Boolean)
    .join(', ');
  const lines = [`# Examples for ${what}`];
  for (const note of answer.notes) lines.push('', `_${note}_`);
  for (const { path, entry } of answer.reference) {
    // An object (`Organization`, the vault `object`) is neither an endpoint nor an SDK method.
    const label =
      entry.language === 'curl' && entry.endpoint
        ? `API endpoint: ${[entry.httpMethod, entry.endpoint].filter(Boolean).join(' ')}`
        : isMethod(entry)
          ? `${entry.language === 'curl' ? 'API endpoint' : 'SDK method'}: ${entry.title}`
          : `Object: ${entry.title}`;
    lines.push('', `## ${label} — \`${path}\``, '', entry.markdown.trim());
  }
  answer.examples.forEach((e, i) => {
    const lang = e.language || 'text';
    lines.push('', `## ${i + 1}. ${e.title} (${lang}${e.framework ? `, ${e.framework}` : ''})`);
    lines.push(
      `From \`${e.docPath}${e.sectionAnchor ? `#${e.sectionAnchor}` : ''}\`${e.sectionHeading ? ` › ${e.sectionHeading}` : ''}`,
    );
    lines.push('', fence(e.code, e.language));
    if (e.truncated)
      lines.push(
        `_Cut short; full code: ${face.call('read', { path: e.docPath, section: e.sectionAnchor || undefined })}_`,
      );
  });
  if (answer.apps.length > 0) {
    lines.push('', '## Example apps', ...answer.apps.map((a) => `- ${a.title} (${a.language}): ${a.url}`));
  }
  if (answer.total > answer.examples.length) {
    lines.push(
      '',
      `${plural(answer.total - answer.examples.length, 'more matching example')}; narrow with \`language\` or more words, or raise \`limit\`.`,
    );
  }
  return lines.join('\n');
}
