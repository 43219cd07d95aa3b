import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/**
 * Puts `body` into README's Benchmarks section: between the bench markers when present, else in
 * place of everything under the `## Benchmarks` heading up to the next `## ` heading. Returns false
 * (README untouched) when there is neither.
 */
export function replaceBenchmarksSection(readme: string, body: string): string | null {
  const block = `${START}\n\n${body.trim()}\n\n${END}`;
  const s = readme.indexOf(START);
  const e = readme.indexOf(END);
  if (s !== -1 && e > s) return readme.slice(0, s) + block + readme.slice(e + END.length);
  const heading = /^## Benchmarks[^\n]*\n/m.exec(readme);
  if (!heading) return null;
  const from = heading.index + heading[0].length;
  const next = readme.slice(from).search(/^## /m);
  const to = next === -1 ? readme.length : from + next;
  return `${readme.slice(0, from)}\n${block}\n${to < readme.length ? '\n' : ''}${readme.slice(to)}`;
}

export function updateReadme(file: string, body: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  const next = replaceBenchmarksSection(text, body);
  if (next === null) return false;
  if (next !== text) writeFileSync(file, next);
  return true;
}
