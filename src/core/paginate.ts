/**
 * Splits a list of Markdown blocks into pages under a character budget, breaking only between
 * blocks (section boundaries). A block larger than a whole page is cut at blank lines outside
 * code fences, then at line ends, so no page ever exceeds the budget by much.
 */

export interface Block {
  /** Id of the section the block came from (its anchor). */
  anchor: string;
  markdown: string;
  /** Heading of that section, to label a page that starts in its middle. */
  heading?: string;
  /** Set on the second and later pieces of a section cut across pages. */
  continued?: boolean;
}

export interface Page {
  blocks: Block[];
  chars: number;
}

/** Smallest piece an oversized block is cut into, whatever budget the caller computed. */
const MIN_PIECE_CHARS = 200;

/** Cuts text into pieces no longer than `limit`, preferring paragraph then line boundaries. */
export function splitOversized(text: string, requestedLimit: number): string[] {
  // A limit at or below zero (a small page budget minus label room) made the line cutter loop
  // forever, pushing empty pieces until V8 died: every piece must make progress.
  const limit = Number.isFinite(requestedLimit)
    ? Math.max(MIN_PIECE_CHARS, Math.floor(requestedLimit))
    : MIN_PIECE_CHARS;
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

/** Cuts one long line after a sentence, else at a space; hard cuts only inside a very long word. */
function splitLongLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const sentence = rest.lastIndexOf('. ', limit - 1);
    const space = rest.lastIndexOf(' ', limit);
    const cut = sentence > limit * 0.6 ? sentence + 1 : space > limit / 2 ? space : limit;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, '');
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

function splitLines(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (line.length > limit) {
      if (current !== '') pieces.push(current);
      current = '';
      pieces.push(...splitLongLine(line, limit));
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
    else {
      splitOversized(block.markdown, budget - CONTINUED_LABEL_ROOM).forEach((piece, i) =>
        push({ ...block, markdown: piece, continued: i > 0 }),
      );
    }
  }
  if (current.blocks.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}

/** Room kept in a page for the "continued from" label of a section cut across pages. */
const CONTINUED_LABEL_ROOM = 120;

export function pageMarkdown(page: Page): string {
  const body = page.blocks.map((b) => b.markdown).join(BLOCK_SEPARATOR);
  const first = page.blocks[0];
  if (!first?.continued) return body;
  return `_(…continued from "${(first.heading || first.anchor).slice(0, 80)}")_${BLOCK_SEPARATOR}${body}`;
}
