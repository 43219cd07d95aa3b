import type { Nodes, Root, RootContent, Text } from 'mdast';

/**
 * Tidies text left by JSX removal so the serialiser has nothing to escape: adjacent text nodes merged,
 * spaces before line ends dropped (`The{' '}\n<code>` left "The \n"), and emphasis/strong trimmed
 * (`<Badge><Spinner /> In progress</Badge>` left "** In progress**").
 */
export function normaliseText(tree: Root): void {
  const walk = (node: Nodes): void => {
    if (!('children' in node)) return;
    const merged: RootContent[] = [];
    for (const child of node.children as RootContent[]) {
      const prev = merged.at(-1);
      if (child.type === 'text' && prev?.type === 'text') prev.value += child.value;
      else merged.push(child);
    }
    for (const child of merged) {
      if (child.type === 'text') child.value = child.value.replace(/[ \t]+\n/g, '\n');
      walk(child);
    }
    if (node.type === 'strong' || node.type === 'emphasis') {
      const first = merged[0];
      const last = merged.at(-1);
      if (first?.type === 'text') (first as Text).value = first.value.replace(/^\s+/, '');
      if (last?.type === 'text') (last as Text).value = last.value.replace(/\s+$/, '');
    }
    (node as { children: RootContent[] }).children = merged.filter(
      (c) => c.type !== 'text' || c.value !== '',
    );
  };
  walk(tree);
}
