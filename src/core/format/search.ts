import { LANGUAGE_LABELS } from '../language.js';
import { formatNoResults } from './no-results.js';
import type { SearchAnswer } from '../search.js';
import type { SearchResult } from '../../search/types.js';
import type { Face } from '../face.js';

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Other sections are named for the first results only: further down they cost more than they help. */
const ALSO_RESULTS = 3;
const ALSO_SECTIONS = 2;
/**
 * The first results' other answering sections come with their passage: when the best passage of a
 * page sits in its runner-up section (an FAQ entry below the steps sharing the question's words),
 * the answer is in the search answer itself and the model knows which section to read.
 */
const ALSO_PASSAGES = 1;
const ALSO_SNIPPET = 220;

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max / 2 ? cut : max).trimEnd()}…`;
}

/** The read call for one result: its doc, the answering section and, on reference pages, the SDK language. */
export function readArgs(r: SearchResult): Record<string, string | undefined> {
  return { path: r.path, section: r.anchor || undefined, language: r.language };
}

/** How to read the top result (undefined when nothing matched). */
export function readHint(answer: SearchAnswer, face: Face): string | undefined {
  const top = answer.results[0];
  return top ? face.call('read', readArgs(top)) : undefined;
}

/** "Title › Parent › Section": the heading path tells repeated headings ("Example", "Usage") apart. */
function heading(r: SearchResult): string {
  const path =
    r.headingPath.length > 0 ? r.headingPath : r.section && r.section !== r.title ? [r.section] : [];
  return [r.title, ...path].join(' › ');
}

/**
 * The compact answer a model chooses from: one line per result naming the page and the answering
 * section with its address (the URL is the address on workos.com, derivable and left out), then
 * the passage that answers. Everything else (scores, product, URLs) is in structuredContent.
 */
export function formatSearch(answer: SearchAnswer, face: Face): string {
  const { results, total, query } = answer;
  const lines: string[] = [];
  if (results.length === 0) {
    lines.push(...formatNoResults(query, answer.suggestions, face), ...answer.notes);
    return lines.join('\n');
  }
  const shown = total > results.length ? ` (top ${results.length} of ${total})` : '';
  const lang = answer.language ? `; ${LANGUAGE_LABELS[answer.language]} SDK` : '';
  lines.push(`Results for "${query}"${shown}${lang}:`, '');
  results.forEach((r, i) => {
    const target = r.anchor ? `${r.path}#${r.anchor}` : r.path;
    const kind = r.kind === 'guide' ? '' : ` (${r.kind})`;
    lines.push(`${i + 1}. **${heading(r)}** \`${target}\`${kind}`);
    if (r.snippet) lines.push(`   ${oneLine(r.snippet)}`);
    if (i < ALSO_PASSAGES)
      for (const m of r.more.slice(0, ALSO_SECTIONS))
        lines.push(`   Also \`#${m.anchor}\`: ${clip(oneLine(m.snippet), ALSO_SNIPPET)}`);
    else if (i < ALSO_RESULTS && r.more.length > 0)
      lines.push(
        `   Also: ${r.more
          .slice(0, ALSO_SECTIONS)
          .map((m) => `#${m.anchor}`)
          .join(' ')}`,
      );
  });
  lines.push('', ...answer.notes, `Read one: ${readHint(answer, face)}`);
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}
