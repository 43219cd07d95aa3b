/**
 * Markdown -> readable plain text for indexing and snippets. Regex-based on purpose: the corpus
 * Markdown is already clean (ingest removed JSX), and this runs over thousands of sections at build
 * time and over a few sections per query, so a full Markdown parse would cost more than it earns.
 * Code is kept (identifiers in code are what developers search for); only the syntax goes.
 */
export function markdownToPlainText(markdown: string): string {
  if (!MARKDOWN_SYNTAX.test(markdown)) return markdown.replace(/\s+/g, ' ').trim();
  let text = markdown;
  for (const [needles, pattern, replacement] of RULES)
    if (needles.some((n) => text.includes(n))) text = text.replace(pattern, replacement);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text every rule needs to find before it changes anything (a fence, a link, a tag, a heading or
 * quote mark, a list bullet at a line start, a table pipe, emphasis, code marks, an anchor). Most
 * passages hold none of it, and then only the whitespace is tidied; otherwise a rule runs only when
 * its own marks are there. Either way the text is exactly what every rule in turn would give
 * (stripMarkdown; test/search/plain-text.test.ts compares the two).
 */
const MARKDOWN_SYNTAX = /[`[<#>|*]|~~~|__|\{\{|^\s*(?:[-+]|\d+\.)\s/m;

/** The rules in order, each with the marks it cannot match without (any one of them). */
const RULES: [needles: string[], pattern: RegExp, replacement: string][] = [
  // fence lines (``` / ~~~ with info strings) - keep the code between them
  [['```', '~~~'], /^\s*(```|~~~)[^\n]*$/gm, ' '],
  // images and links: keep the visible text
  [['!['], /!\[([^\]]*)\]\([^)]*\)/g, '$1'],
  [[']('], /\[([^\]]*)\]\([^)]*\)/g, '$1'],
  [[']['], /\[([^\]]+)\]\[[^\]]*\]/g, '$1'],
  // autolinks (`— see <https://…>`) are text, not tags: stripping them left snippets ending in "— see _"
  [['<'], /<((?:https?|mailto):[^>\s]+)>/g, '$1'],
  // and so are e-mail autolinks: "<welcome@workos-mail.com>" is the answer to "which address"
  [['<'], /<([^<>\s@]+@[\w-]+(?:\.[\w-]+)+)>/g, '$1'],
  // HTML tags and comments
  [['<!--'], /<!--[\s\S]*?-->/g, ' '],
  [['<'], /<\/?[A-Za-z][^>\n]*>/g, ' '],
  // heading marks, blockquote marks, list bullets, table rules
  [['#'], /^\s{0,3}#{1,6}\s+/gm, ''],
  [['>'], /^\s*>\s?/gm, ''],
  [['-', '*', '+', '.'], /^\s*(?:[-*+]|\d+\.)\s+/gm, ''],
  [['|'], /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, ' '],
  [['|'], /\s*\|\s*/g, ' '],
  // emphasis and inline code marks (identifier underscores survive: only paired ** and __ at word edges)
  [['**'], /\*\*([^*]+)\*\*/g, '$1'],
  [['__'], /(^|\s)__([^_]+)__(?=\s|$)/g, '$1$2'],
  [['*'], /(^|[\s(])\*([^*\s][^*]*)\*(?=[\s).,;:!?]|$)/g, '$1$2'],
  [['`'], /`+/g, ''],
  // heading anchors such as {{ "url": "api-key" }} if any slipped through
  [['{{'], /\{\{[^}]*\}\}/g, ' '],
];

/** Every rule in turn, whatever the text holds: what markdownToPlainText must equal (for the test). */
export function stripMarkdown(markdown: string): string {
  let text = markdown;
  for (const [, pattern, replacement] of RULES) text = text.replace(pattern, replacement);
  return text.replace(/\s+/g, ' ').trim();
}
