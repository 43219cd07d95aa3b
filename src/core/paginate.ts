/**
 * Splits a list of Markdown blocks into pages under a character budget, breaking only between
 * blocks (section boundaries). A block larger than a whole page is cut at blank lines outside
 * code fences, then at line ends, so no page ever exceeds the budget by much.
 */

export interface Block {
  /** Id of the section the block came from (its anchor). */
  anchor: string;
  markdown: string;
}

export interface Page {
  blocks: Block[];
  chars: number;
}

/** Cuts text into pieces no longer than `limit`, preferring paragraph then line boundaries. */
export function splitOversized(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const paragraphs = paragraphsOutsideFences(text);
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim() !== '') pieces.push(current.trimEnd());
    current = '';
  };
  for (const para of paragraphs) {
    const candidate = current === '' ? para : `${current}\n\n${para}`;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    flush();
    if (para.length <= limit) {
      current = para;
      continue;
    }
    for (const piece of splitLines(para, limit)) pieces.push(piece);
  }
  flush();
  return pieces;
}

function paragraphsOutsideFences(text: string): string[] {
  const out: string[] = [];
  let buf: string[] = [];
  let inFence = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence && line.trim() === '') {
      if (buf.length > 0) out.push(buf.join('\n'));
      buf = [];
      continue;
    }
    buf.push(line);
  }
  if (buf.length > 0) out.push(buf.join('\n'));
  return out;
}

function splitLines(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (line.length > limit) {
      if (current !== '') pieces.push(current);
      current = '';
      for (let i = 0; i < line.length; i += limit) pieces.push(line.slice(i, i + limit));
      continue;
    }
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length > limit) {
      pieces.push(current);
      current = line;
    } else current = candidate;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Joiner between blocks on a page. */
export const BLOCK_SEPARATOR = '\n\n';

export function paginate(blocks: Block[], budget: number): Page[] {
  const pages: Page[] = [];
  let current: Page = { blocks: [], chars: 0 };
  const push = (block: Block) => {
    const added = block.markdown.length + (current.blocks.length > 0 ? BLOCK_SEPARATOR.length : 0);
    if (current.blocks.length > 0 && current.chars + added > budget) {
      pages.push(current);
      current = { blocks: [], chars: 0 };
      return push(block);
    }
    current.blocks.push(block);
    current.chars += added;
  };
  for (const block of blocks) {
    if (block.markdown.length <= budget) push(block);
    else
      for (const piece of splitOversized(block.markdown, budget))
        push({ anchor: block.anchor, markdown: piece });
  }
  if (current.blocks.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}

export function pageMarkdown(page: Page): string {
  return page.blocks.map((b) => b.markdown).join(BLOCK_SEPARATOR);
}
