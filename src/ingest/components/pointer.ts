import { text } from '../mdast-utils.js';
import type { ComponentTransform } from './context.js';

/** `DirectorySyncDiagram.UserCreated` -> "Directory Sync Diagram: User Created". */
export function humanise(name: string): string {
  const words = (s: string): string =>
    s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2');
  const [base, part] = name.split('.');
  return part ? `${words(base)}: ${words(part)}` : words(base);
}

/**
 * Interactive widgets, diagrams and data-driven tables are drawn by site code we do not have.
 * A one-line pointer tells the reader something is there and where to see it.
 */
export function pointer(label?: string, url?: string): ComponentTransform {
  return (node, ctx) => {
    const anchor = ctx.currentAnchor();
    const where = url ?? (anchor ? `${ctx.docUrl}#${anchor}` : ctx.docUrl);
    const what = label ?? humanise(node.name ?? 'Component');
    return [
      {
        type: 'paragraph',
        children: [
          {
            type: 'emphasis',
            children: [text(`${what} — see `), { type: 'link', url: where, children: [text(where)] }],
          },
        ],
      },
    ];
  };
}

/** Component families that are visual-only on the site. */
export const POINTER_PATTERN = /(Diagram|Diagrams|Demo|Table|Grid|Cards)(\.|$)|Demo[A-Z]/;
