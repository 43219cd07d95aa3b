import type { RootContent } from 'mdast';
import { operationMarkdown } from '../../corpus/reference-markdown.js';
import type { ReferenceEntry } from '../../corpus/types.js';

export { LANGUAGE_NAMES, referenceEntryMarkdown } from '../../corpus/reference-markdown.js';

/**
 * An operation's rendering as a node of the doc tree. It is already Markdown, so it travels as a raw
 * `html` node, which the serialiser writes verbatim (identifiers are read from it like any other code).
 */
export function operationNodes(entries: ReferenceEntry[]): RootContent[] {
  return [
    {
      type: 'html',
      value: operationMarkdown(entries),
      data: { referenceMarkdown: true } as RootContent['data'],
    },
  ];
}
