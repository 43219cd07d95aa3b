/**
 * Markdown -> readable plain text for indexing and snippets. Regex-based on purpose: the corpus
 * Markdown is already clean (ingest removed JSX), and this runs over thousands of sections at build
 * time and over a few sections per query, so a full Markdown parse would cost more than it earns.
 * Code is kept (identifiers in code are what developers search for); only the syntax goes.
 */
export function markdownToPlainText(markdown: string): string {
  return MARKDOWN_SYNTAX.test(markdown) ? stripMarkdown(markdown) : markdown.replace(/\s+/g, ' ').trim();
}

/**
 * Text every rule of stripMarkdown needs to find before it changes anything (a fence, a link, a tag,
 * a heading or quote mark, a list bullet at a line start, a table pipe, emphasis, code marks, an
 * anchor). Most passages hold none of it, and then only the whitespace is tidied, which is exactly
 * what the rules would give (test/search/plain-text.test.ts compares the two).
 */
const MARKDOWN_SYNTAX = /[`\[<#>|*]|~~~|__|\{\{|^\s*(?:[-+]|\d+\.)\s/m;

/** markdownToPlainText's rules, all of them (exported for the test comparing the two). */
export function stripMarkdown(markdown: string): string {
  return (
    markdown
      // fence lines (``` / ~~~ with info strings) - keep the code between them
      .replace(/^\s*(```|~~~)[^\n]*$/gm, ' ')
      // images and links: keep the visible text
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      // autolinks (`— see <https://…>`) are text, not tags: stripping them left snippets ending in "— see _"
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      // and so are e-mail autolinks: "<welcome@workos-mail.com>" is the answer to "which address"
      .replace(/<([^<>\s@]+@[\w-]+(?:\.[\w-]+)+)>/g, '$1')
      // HTML tags and comments
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<\/?[A-Za-z][^>\n]*>/g, ' ')
      // heading marks, blockquote marks, list bullets, table rules
      .replace(/^\s{0,3}#{1,6}\s+/gm, '')
      .replace(/^\s*>\s?/gm, '')
      .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
      .replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, ' ')
      .replace(/\s*\|\s*/g, ' ')
      // emphasis and inline code marks (identifier underscores survive: only paired ** and __ at word edges)
      .replace(/\*\*([^*]+)\*\*/g, '$1')
      .replace(/(^|\s)__([^_]+)__(?=\s|$)/g, '$1$2')
      .replace(/(^|[\s(])\*([^*\s][^*]*)\*(?=[\s).,;:!?]|$)/g, '$1$2')
      .replace(/`+/g, '')
      // heading anchors such as {{ "url": "api-key" }} if any slipped through
      .replace(/\{\{[^}]*\}\}/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
