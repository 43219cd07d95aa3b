import type { Face } from '../face.js';

/**
 * What an empty search answer says. The engine's suggestions are whole sentences ("No docs
 * mention: …", "Product areas: …"); they used to be quoted into one line, `Try: "No docs mention:
 * "xyzzyplugh". Check the spelling…", "Product areas: …".`, which read as garbage. Each is its own
 * line now, followed by the two ways on that always work: a product area's filter and the table of contents.
 */
export function formatNoResults(query: string, suggestions: readonly string[], face: Face): string[] {
  const lines = [`No docs match "${query}".`];
  for (const s of suggestions) lines.push(`- ${s}`);
  lines.push(
    `- Search for a product or a task instead, e.g. \`${face.call('search', { query: 'create organization' })}\`.`,
    `- Browse everything: \`${face.call('toc', {})}\` (the table of contents).`,
  );
  return lines;
}
