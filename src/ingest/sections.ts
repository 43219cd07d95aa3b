import type { Heading, Root, RootContent } from 'mdast';
import type { Section } from '../corpus/types.js';
import { headingAnchor } from './headings.js';
import { collectIdentifiers } from './identifiers.js';
import { toText } from './mdast-utils.js';
import { serialise } from './markdown.js';

/** A section together with the rendered nodes it came from (examples are extracted from them). */
export interface SectionWithNodes {
  section: Section;
  nodes: RootContent[];
}

/**
 * Splits a rendered tree at its top-level headings. Each section holds its own content only
 * (its subsections are separate sections); content before the first heading is the intro ('' anchor).
 */
export function splitSections(tree: Root): SectionWithNodes[] {
  const out: SectionWithNodes[] = [];
  const stack: { depth: number; text: string }[] = [];
  let current: SectionWithNodes | undefined;
  let intro: RootContent[] = [];

  const finish = (): void => {
    if (!current) return;
    current.section.markdown = serialise(current.nodes);
    current.section.identifiers = collectIdentifiers(current.nodes);
    out.push(current);
  };
  // Content before the first heading becomes the intro section ('' anchor), unless it renders empty.
  const pushIntro = (): void => {
    const markdown = serialise(intro);
    if (!markdown) return;
    const section = { anchor: '', heading: '', depth: 0, headingPath: [], markdown };
    out.push({ section: { ...section, identifiers: collectIdentifiers(intro) }, nodes: intro });
  };

  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type !== 'heading') {
      if (current) current.nodes.push(node);
      else intro.push(node);
      continue;
    }
    if (!current && intro.length) {
      pushIntro();
      intro = [];
    }
    finish();
    const heading = node as Heading;
    const textValue = toText(heading).trim();
    while (stack.length && stack[stack.length - 1].depth >= heading.depth) stack.pop();
    stack.push({ depth: heading.depth, text: textValue });
    current = {
      section: {
        anchor: headingAnchor(heading) ?? '',
        heading: textValue,
        depth: heading.depth,
        headingPath: stack.map((s) => s.text),
        markdown: '',
        identifiers: [],
      },
      nodes: [node],
    };
  }
  if (current) finish();
  else if (intro.length) pushIntro();
  return out;
}
