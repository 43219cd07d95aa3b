import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderMdxDocument, type RenderOneOptions } from '../../src/ingest/single.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/mdx/', import.meta.url));
export const SITE = `${FIXTURES}site`;

export function renderFixture(
  name: string,
  options: RenderOneOptions = {},
): ReturnType<typeof renderMdxDocument> {
  return renderMdxDocument(readFileSync(`${FIXTURES}components/${name}`, 'utf8'), options);
}

/** Markdown with fenced blocks and inline code removed: where leaked JSX would show. */
export function prose(markdown: string): string {
  return markdown.replace(/^[ \t]*(```|~~~)[\s\S]*?^[ \t]*\1/gm, '').replace(/`[^`\n]*`/g, '');
}

/** What must never appear in rendered Markdown (fenced code and inline code excepted). */
export function leaks(markdown: string): string[] {
  const text = prose(markdown);
  const found: string[] = [];
  for (const re of [/<[A-Z][\w.]*/g, /^\s*(?:import|export)\s/gm, /\{\{\s*"url"/g, /^---\n[\s\S]*?\n---/g]) {
    for (const m of text.matchAll(re)) found.push(m[0]);
  }
  return found;
}
